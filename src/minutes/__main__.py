"""Run the command line with ``python -m minutes``."""

from minutes.cli import main

main()
