"""`python -m resolver` runs the command line tool."""

from resolver.cli import cli

if __name__ == "__main__":
    cli()
