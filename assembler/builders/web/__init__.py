"""The web family: the HTML page and the PDF routekaart laid out by WeasyPrint."""
