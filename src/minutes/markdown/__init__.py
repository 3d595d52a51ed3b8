"""The one Markdown reader (markdown-it, and a fast reader for the plain subset) and Markdown escaping.

May import: minutes.errors, minutes.document.
"""
