"""The command line: entry point, command declarations, the Typer application, the plain reader, completion and output.

May import: every other package of minutes (it is the top layer); nothing imports it.
"""
