"""`minutes show` on votes, consent agendas, decisions, reviews and actions owned by a body."""

from __future__ import annotations

import textwrap

SESSION = textwrap.dedent("""\
    title: Council
    date: 2024-05-01
    people: [{id: ana, name: Ana Weber}]
    attendees: [{person: ana}]
    proceedings:
    - kind: section
      title: Consent calendar
      consent: true
      vote: {method: unanimous, for: 5}
      result: adopted
      items:
      - {kind: resolution, title: Warrants, pulled: true, vote: {ayes: [ana]}, result: carried, disposition: Ord. 5}
      - {kind: decision, text: No date for new projects}
      - {kind: review, action: 20240301-1, status: COMPLETE}
      - {kind: action, id: 20240501-1, task: Write the plan, owner_group: the TSC, due: "by Monday, if possible"}
    """)


def test_show_says_how_each_item_was_decided(cli):
    (cli.folder / "s.yaml").write_text(SESSION, encoding="utf-8")
    out = cli("show", "s.yaml").stdout
    assert "1. section: Consent calendar [consent agenda, unanimous 5–0–0, adopted]" in out
    assert "1.1. resolution: Warrants [pulled, 1–0–0, carried, Ord. 5]" in out
    assert "1.2. decision: No date for new projects" in out
    assert "1.3. review: action 20240301-1: COMPLETE" in out
    assert "1.4. action: Write the plan — the TSC, due by Monday, if possible [20240501-1, open]" in out
