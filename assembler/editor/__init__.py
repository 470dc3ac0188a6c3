"""`assembler bewerk`: the profile filled in in the browser, with the routekaart and the cards beside it."""
