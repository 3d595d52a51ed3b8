"""From a validated session to a document: the view context, phrases and languages, sandboxed templates.

May import: minutes.errors, minutes.model, minutes.document, minutes.store, minutes.markdown.
"""
