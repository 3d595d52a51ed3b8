"""What a session may hold: the vocabulary, the pydantic model, names, addresses and the quick checks that restate it.

May import: minutes.errors only.
"""
