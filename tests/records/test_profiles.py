"""Check profiles: what each kind of body's record must hold, so that `check --strict` passes a correct record of it."""

from __future__ import annotations

import json

import pytest

from minutes.errors import UsageError
from minutes.records import checks

HEAD = "schema_version: 2\nlang: en\n"

# A board that approves its previous minutes and signs them: everything today's check asks for.
FORMAL = HEAD + """title: Board of Directors
organization: Larkspur Community Land Trust
date: 2025-02-11
start: '18:00'
chair: maren-holt
secretary: obi-nwosu
previous_minutes: approved
adjourned: '19:25'
people:
- {id: maren-holt, name: Maren Holt, role: President}
- {id: obi-nwosu, name: Obi Nwosu, role: Secretary}
- {id: sela-varga, name: Sela Varga, role: Treasurer}
attendees:
- {person: maren-holt, status: present, as: Directors}
- {person: obi-nwosu, status: present, as: Directors}
- {person: sela-varga, status: present, as: Directors}
proceedings:
- kind: resolution
  title: Adopt the 2025 operating budget
  moved_by: sela-varga
  seconded_by: obi-nwosu
  vote: {method: unanimous}
  result: adopted
"""

# A council: the clerk keeps the record; the approval of the minutes is an item of the consent calendar.
COUNCIL = HEAD + """title: City Council
organization: Town of Pell Harbor
date: 2025-04-01
start: '19:00'
chair: ada-quint
secretary: luis-ferro
adjourned: '20:10'
people:
- {id: ada-quint, name: Ada Quint, role: Mayor}
- {id: bram-osei, name: Bram Osei, role: Councilmember}
- {id: luis-ferro, name: Luis Ferro, role: Town Clerk}
attendees:
- {person: ada-quint, status: present, as: Council}
- {person: bram-osei, status: present, as: Council}
- {person: luis-ferro, status: present, as: Staff}
proceedings:
- kind: section
  title: Consent calendar
  consent: true
  items:
  - kind: resolution
    title: Approve the minutes of the meeting of March 18, 2025
  - kind: resolution
    title: Receive the treasurer's report for March
  vote: {method: roll-call, ayes: [ada-quint, bram-osei]}
  result: adopted
- kind: motion
  title: Ordinance 2025-07, harbour parking
  moved_by: bram-osei
  seconded_by: ada-quint
  vote: {method: unanimous}
  result: adopted
  disposition: Ordinance No. 2025-07
"""

# An open-source steering committee: a facilitator, no secretary, no adjournment, no previous minutes.
NOTES = HEAD + """title: Steering Committee
organization: Quillpen Project
date: 2025-05-06
people:
- {id: tove-lind, name: Tove Lind, handle: tovelind}
- {id: raj-mehta, name: Raj Mehta, handle: rmehta}
attendees:
- {person: tove-lind, status: online, as: Members}
- {person: raj-mehta, status: online, as: Members}
proceedings:
- kind: section
  title: Release 4.2 schedule (#1187)
  items:
  - kind: decision
    text: Branch for 4.2 on 20 May.
"""

# A press office's meetings coverage: the president of the meeting and a headline; no secretary, no adjournment.
COVERAGE = HEAD + """title: Assembly of Coastal States, 212th meeting
organization: Assembly of Coastal States
date: 2025-06-12
start: '15:06'
chair: ines-adler
people:
- {id: ines-adler, name: Ines Adler, role: President, organization: Norland}
- {id: kofi-mensah, name: Kofi Mensah, organization: Tavaro}
attendees:
- {person: ines-adler, status: present, as: Members}
- {person: kofi-mensah, status: present, as: Members}
press:
  headline: Assembly adopts plan to restore coastal wetlands
proceedings:
- kind: speech
  speaker: kofi-mensah
  summary: Urged members to fund the plan in full.
"""

RECORDS = {"formal": FORMAL, "council": COUNCIL, "notes": NOTES, "coverage": COVERAGE}


def _messages(findings) -> list[str]:
    return [f.message for f in findings]


@pytest.mark.parametrize("profile", sorted(RECORDS))
def test_check_strict_passes_a_correct_record_of_each_kind_with_its_profile(cli, profile):
    path = cli.folder / f"{profile}.yaml"
    path.write_text(RECORDS[profile])
    assert _messages(checks.check_file(path, profile=profile)) == []
    out = cli("check", "--strict", "--profile", profile, path.name, "--json").stdout
    assert json.loads(out)[path.name] == {"profile": profile, "findings": []}


@pytest.mark.parametrize("profile", ["formal", "council", "coverage"])
def test_the_open_source_notes_fail_the_stricter_profiles(cli, profile):
    path = cli.folder / "notes.yaml"
    path.write_text(NOTES)
    assert _messages(checks.check_file(path, profile=profile))
    cli("check", "--strict", "--profile", profile, path.name, code=1)


def test_each_profile_warns_about_what_its_body_must_record():
    from minutes.store.loader import parse

    empty = parse(HEAD + "title: T\ndate: 2025-01-01\n")
    said = {p: " | ".join(_messages(checks.missing_findings(empty, "x.yaml", p))) for p in RECORDS}
    assert all(w in said["formal"] for w in ("presiding officer", "secretary", "adjournment", "previous minutes"))
    assert "secretary" in said["council"] and "adjournment" in said["council"]
    assert "previous minutes" not in said["council"]
    assert said["notes"] == ""
    assert "presiding officer" in said["coverage"] and "headline" in said["coverage"]
    assert "secretary" not in said["coverage"] and "adjournment" not in said["coverage"]


def test_the_council_record_still_warns_under_formal_about_the_previous_minutes(cli):
    path = cli.folder / "council.yaml"
    path.write_text(COUNCIL)
    assert [m.split("/")[-1] for m in _messages(checks.check_file(path, profile="formal"))] == [
        "council.yaml: approval of the previous minutes is not recorded (minutes set previous_minutes approved)"]


def test_an_unknown_profile_is_a_usage_error_naming_the_option(cli):
    with pytest.raises(UsageError, match="--profile"):
        checks.check_files([cli.folder / "x.yaml"], profile="board")
    result = cli("check", "--profile", "board", "x.yaml", code=2)
    assert "--profile" in result.stderr and "formal, council, notes, coverage" in result.stderr


@pytest.mark.parametrize(("settings", "expected"), [
    ("", "formal"),
    ("minutes: {style: council}\n", "council"),
    ("minutes: {style: notes}\n", "notes"),
    ("release: {style: coverage}\n", "coverage"),
    ("minutes: {style: notes}\nprofile: formal\n", "formal"),
])
def test_the_default_profile_follows_the_folders_settings_and_style(cli, settings, expected):
    (cli.folder / "notes.yaml").write_text(NOTES)
    (cli.folder / "minutes.yaml").write_text(settings)
    report = json.loads(cli("check", ".", "--json", code=None).stdout)
    assert report == {"notes.yaml": report["notes.yaml"]} and report["notes.yaml"]["profile"] == expected
    assert bool(report["notes.yaml"]["findings"]) is (expected != "notes")


def test_a_sessions_own_settings_choose_its_profile_over_the_folders(cli):
    (cli.folder / "minutes.yaml").write_text("minutes: {style: formal}\n")
    (cli.folder / "notes.yaml").write_text(NOTES + "settings:\n  minutes: {style: notes}\n")
    assert "(profile notes): 0 error(s), 0 warning(s)" in cli("check", "--strict", ".").stdout
