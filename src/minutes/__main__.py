"""Run the command line with ``python -m minutes``."""

from minutes.cli.main import main

main()
