"""`python -m reportextract`: the command line."""
from .cli import cli

cli()
