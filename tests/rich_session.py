"""A schema version 2 session whose Markdown texts hold paragraphs, nested lists, a table, links, code and a quote."""

from __future__ import annotations

SUMMARY = """presented the accounts for 2024:

| item | amount |
|---|---:|
| dues | 4,200.00 |
| repairs | (1,150.00) |

See the [full accounts](https://example.org/accounts_2024.pdf) and `ledger.csv`.
"""
TEXT = """WHEREAS, the bylaws date from 1998; and

WHEREAS, a committee proposed a revision:

- shorter terms
  1. two years
  2. renewable once
- online voting

> as the committee put it

```
fixed   width
```

NOW, THEREFORE, BE IT RESOLVED, that the revised bylaws are adopted.
"""
DATA = {
    "schema_version": 2, "title": "Annual General Meeting", "date": "2025-03-14", "lang": "en",
    "people": [{"id": "tom", "name": "Tom Becker", "role": "Treasurer", "pronoun": "he"},
               {"id": "maria", "name": "Maria Lopez", "role": "Chair", "pronoun": "she"}],
    "attendees": [{"person": "tom"}, {"person": "maria"}],
    "chair": "maria",
    "proceedings": [
        {"kind": "report", "presenter": "tom", "title": "Accounts for *2024*", "summary": SUMMARY,
         "points": ["dues rose:\n- by 5 %\n- in every group", "a literal \\* star and \\[brackets\\]"]},
        {"kind": "resolution", "title": "Adopt the [revised bylaws](https://example.org/bylaws)", "text": TEXT,
         "result": "adopted"},
        {"kind": "discussion", "text": "Members asked whether *online voting* needs a quorum.",
         "note": "See [issue 207](https://example.org/issues/207_membership)."},
        {"kind": "action", "task": "Publish the `bylaws` | online", "owner": "tom"},
    ],
    "press": {"boilerplate": "The association:\n\n- runs *two* houses\n- meets yearly"},
}


def session(**changes):
    """Return the rich session (with ``changes`` to its top-level fields) validated."""
    from minutes.store import loader, yamlio

    return loader.parse(yamlio.dump({**DATA, **changes}))


def rendered(s, kind: str = "minutes", fmt: str = "md", lang: str | None = None) -> bytes:
    """Return the rendering of ``s``."""
    from minutes.records.publish import render_session
    from minutes.render.pipeline import RenderOptions

    return render_session(s, None, RenderOptions(kind=kind, fmt=fmt, lang=lang)).data
