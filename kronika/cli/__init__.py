"""kronika's command line: a thin layer over the Python API.

One module per group of commands; each registers its commands on `main` (kronika.cli.app) when
imported here. A new command goes in its own module, imported below.
"""
from kronika.cli import demo, export, figures, listing, reading, scale, web  # noqa: F401  (registers the commands)
from kronika.cli.app import main

__all__ = ["main"]
