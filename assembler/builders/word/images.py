"""Route diagrams as PNG for the Word document, remembered within one process and never written to disk.

Drawing takes a few hundredths of a second; a run that builds the same municipality's
document again (tests, a region batch rebuilding one worker's share) gets the same
bytes back without drawing. The key is everything the picture shows: the route with its
partner names and phone numbers, the house colour and the title.
"""

from __future__ import annotations

from functools import lru_cache

from assembler.model.routekaart import Route


@lru_cache(maxsize=16)
def diagram_png(route: Route, kleur: str, titel: str) -> bytes:
    """The route diagram as PNG bytes; drawn once per process for the same route, colour and title."""
    from assembler.builders.art.diagram import route_png

    return route_png(route, kleur, titel)
