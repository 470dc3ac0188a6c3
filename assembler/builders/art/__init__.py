"""Shared drawing for the builders: route diagrams, rasterising, the house palette."""
