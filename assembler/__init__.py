"""Routekaart toolkit: assembles a municipality's Routekaart schadelijke praktijken and pocket cards."""

__version__ = "0.1.0"
