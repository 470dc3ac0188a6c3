"""The regional website: an index, one page per municipality, shared assets, an accessibility statement and a sitemap."""
