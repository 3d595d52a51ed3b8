"""Files on disk: strict YAML, text edits that keep comments, locked atomic writes, the cache, the folder index, the current session.

May import: minutes.errors, minutes.model.
"""
