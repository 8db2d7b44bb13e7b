"""The report's Jinja2 templates: a package, so that its *.html ships as package data in a wheel."""
