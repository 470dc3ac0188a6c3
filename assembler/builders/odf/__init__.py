"""The Routekaart as an OpenDocument text, from the same outline as the Word edition."""
