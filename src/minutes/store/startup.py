"""Work done once, when the package is first imported, that makes later imports cheaper."""

import re

# PyYAML compiles this class of non-printable characters when it is imported. Written as PyYAML
# writes it (a negated class with wide ranges) it takes Python's regex compiler about 50 million
# instructions, an eighth of a whole `minutes add-speech`; its few gaps, listed, compile at once.
# Seeding `re`'s cache with the listed form makes PyYAML's compile a lookup. The two match exactly
# the same code points (tests/store/test_yamlio.py checks all of them); if `re` keeps no such cache, or
# PyYAML writes its class otherwise, nothing changes but the speed.
YAML_NON_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"
NON_PRINTABLE = "[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]"


def seed_regex_cache() -> None:
    """Put the listed form of PyYAML's non-printable class in `re`'s cache, under PyYAML's own key."""
    cache = getattr(re, "_cache", None)
    if isinstance(cache, dict):
        cache.setdefault((str, YAML_NON_PRINTABLE, 0), re.compile(NON_PRINTABLE))


seed_regex_cache()
