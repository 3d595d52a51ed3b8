"""What the commands do to sessions: recording, approval, actions, checks, registers, series, and rendering files.

May import: minutes.errors, minutes.model, minutes.document, minutes.store, minutes.markdown, minutes.render,
minutes.writers.
"""
