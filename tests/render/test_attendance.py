"""The roll call by group: order, counts, empty statuses, translations, voting members and movements."""

from __future__ import annotations

import textwrap

from minutes.records.publish import render_session
from minutes.render.pipeline import RenderOptions
from minutes.store import loader

SESSION = """
schema_version: 2
title: Council
date: 2025-03-04
quorum: {required: 3}
groups:
- name: {en: Staff, de: Verwaltung}
  voting: false
  always: [present, absent]
people:
- {id: ana, name: Ana Weber}
- {id: bo, name: Bo Chen}
- {id: cy, name: Cy Diaz}
- {id: dee, name: Dee Moss}
- {id: eve, name: Eve Lund}
attendees:
- {person: dee, as: Staff}
- {person: ana, as: Councillors, arrived: '18:40'}
- {person: bo, as: Councillors, status: online}
- {person: cy, as: Councillors, left: '19:30'}
- {person: eve, status: guest}
proceedings:
- {kind: procedure, text: Opened., at: '18:30'}
- {kind: discussion, text: Budget., at: '19:00'}
- {kind: discussion, text: Parks., at: '19:45'}
"""


def minutes(text: str = SESSION, lang: str = "en") -> str:
    session = loader.parse(textwrap.dedent(text))
    return render_session(session, None, RenderOptions(lang=lang)).data.decode()


def headings(md: str) -> list[str]:
    return [line[4:] for line in md.splitlines() if line.startswith("### ") and not line[4:5].isdigit()]


def test_groups_come_in_the_order_first_used_with_their_statuses_and_counts():
    md = minutes()
    assert headings(md) == ["Staff present (1)", "Staff absent", "Councillors present (2)", "Councillors online (1)",
                            "Guests (1)"]
    assert md.split("### Staff absent", 1)[1].split("###", 1)[0].strip() == "None."


def test_voting_members_leave_out_non_voting_groups_and_guests():
    md = minutes()
    assert "**Quorum:** 3 required; 3 of 3 voting members present" in md
    assert "**In all:** present: 4; guests: 1; voting members present: 3 of 3" in md


def test_arrivals_and_departures_show_in_the_list_and_before_the_next_timed_item():
    md = minutes()
    assert "- Ana Weber (arrived 18:40)" in md and "- Cy Diaz (left 19:30)" in md
    opened, budget, parks = (md.index(f"{n}. Procedure") if n == 1 else md.index(f"### {n}. Discussion")
                             for n in (1, 2, 3))
    assert opened < md.index("*Ana Weber arrived at 18:40.*") < budget < md.index("*Cy Diaz left at 19:30.*") < parks


def test_a_group_name_given_in_several_languages_renders_in_each():
    md = minutes(lang="de")
    assert "### Verwaltung anwesend (1)" in md and "### Verwaltung abwesend" in md
    assert "### Councillors anwesend (2)" in md  # a name given in one language stays as typed


def test_without_groups_the_attendance_reads_as_before():
    plain = SESSION.replace("as: Staff", "status: present").replace(", as: Councillors", "")
    md = minutes(plain)
    assert "In all" not in md and "voting members" not in md
    assert headings(md)[:3] == ["Present (3)", "Online (1)", "Guests (1)"]
    assert "- Ana Weber (arrived 18:40)" in md  # the times are still said


def test_the_quorum_line_gives_the_count_at_the_start_when_someone_came_late():
    late = SESSION.replace("date: 2025-03-04", "date: 2025-03-04\nstart: '18:30'")
    assert "**Quorum:** 3 required; 3 of 3 voting members present; 2 at the start" in minutes(late)


def test_guests_without_a_group_join_a_group_named_guests_rather_than_a_second_heading():
    two = SESSION.replace("- {person: eve, status: guest}", "- {person: eve, status: guest}\n"
                          "- {person: bo2, status: guest, as: Guests}").replace(
        "- {id: eve, name: Eve Lund}", "- {id: eve, name: Eve Lund}\n- {id: bo2, name: Bo Berg}")
    md = minutes(two)
    assert [h for h in headings(md) if h.startswith("Guests")] == ["Guests (2)"]
