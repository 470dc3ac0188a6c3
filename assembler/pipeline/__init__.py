"""Building one profile: the pipeline over the builders, safe output and ownership records."""
