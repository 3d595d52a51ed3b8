"""The document tree that the Markdown reader builds and every writer reads (pandoc's AST, in small).

May import: minutes.errors only.
"""
