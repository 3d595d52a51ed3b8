"""Run the command line with ``python -m minutes``."""

from minutes.front import main

main()
