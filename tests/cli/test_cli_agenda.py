"""`new --agenda`, `minutes agenda`, and the registers and `check` naming items inside sections by their address."""

import json
import re

import pytest
import yaml

from minutes.model import address
from minutes.render import attachments
from minutes.store import loader as sessions

OUTLINE = """# Agenda of the spring meeting

Members are asked to bring their keys.

1. Call to order
2. Reports
   - 2A. Treasurer's report
     The accounts were sent out on 1 March.
   - Secretary's report
3. [Issue 12](https://example.org/issues/12_sheds): *shared* sheds
6. Any other business
"""

# Written for these tests: an allotment society's meeting, with a section 2A holding a resolution and a speech.
SESSION = """schema_version: 2
title: Spring meeting of the Allotment Society
date: 2025-04-02
lang: en
chair: ada
secretary: bo
previous_minutes: approved
adjourned: '21:00'
people:
- id: ada
  name: Ada Quill
- id: bo
  name: Bo Renner
- id: cy
  name: Cy Marsh
attendees:
- person: ada
  status: present
- person: bo
  status: present
- person: cy
  status: present
proceedings:
- kind: section
  title: Opening
  items:
  - kind: procedure
    text: The chair opened the meeting.
- kind: section
  title: Reports
  items:
  - kind: section
    label: 2A
    title: Treasurer's report
    presenter: bo
    note: Sent to members in March.
    items:
    - kind: resolution
      title: Accept the accounts
      moved_by: cy
      vote:
        for: 3
        against: 0
        abstain: 0
      result: adopted
      attachments:
      - file: accounts.pdf
    - kind: speech
      speaker: cy
      topic: The water bill
- kind: report
  presenter: ada
  title: Plans for the tool shed
"""


@pytest.fixture
def society(cli):
    """Return the allotment society's session (sections 1, 2, 2A; items 1.1, 2A.1, 2A.2, 3), chosen as current."""
    path = cli.folder / "2025-04-02-spring.yaml"
    path.write_text(SESSION)
    (cli.folder / "accounts.pdf").write_bytes(b"%PDF-1.4\n")
    cli("use", path.name)
    return path


def reached(path, printed: str):
    """Return the entry that the address ``printed`` names in the session file at ``path``."""
    return address.find(yaml.safe_load(path.read_text()), printed).entry


def test_new_with_an_agenda_writes_its_sections_and_the_file_validates(cli):
    (cli.folder / "agenda.md").write_text(OUTLINE)
    name = cli("new", "Spring meeting", "--date", "2025-04-02", "--agenda", "agenda.md").stdout.strip()
    path = cli.folder / name
    s = sessions.load(path)
    assert [(e.address, e.entry.title) for e in address.sections(s)] == [
        ("1", "Call to order"), ("2", "Reports"), ("2A", "Treasurer's report"), ("2.2", "Secretary's report"),
        ("3", "[Issue 12](https://example.org/issues/12_sheds): *shared* sheds"), ("6", "Any other business")]
    assert reached(path, "2A")["note"] == "The accounts were sent out on 1 March."
    assert yaml.safe_load(path.read_text())["schema_version"] == 2


def test_new_reads_the_agenda_from_stdin(cli):
    cli("new", "Spring meeting", "--date", "2025-04-02", "--agenda", "-", input="- Opening\n- Closing\n")
    assert [r["title"] for r in json.loads(cli("agenda", "--json").stdout)] == ["Opening", "Closing"]


def test_new_with_a_missing_agenda_file_is_one_line_and_creates_nothing(cli):
    result = cli("new", "Spring meeting", "--date", "2025-04-02", "--agenda", "nowhere.md", code=1)
    assert result.stderr.strip().splitlines() == ["minutes: error: nowhere.md: cannot read the agenda: No such file or directory"]
    assert not list(cli.folder.glob("*.yaml"))


def test_new_with_an_agenda_that_has_no_list_says_so(cli):
    (cli.folder / "agenda.md").write_text("# Agenda\n\nTo be announced.\n")
    result = cli("new", "Spring meeting", "--date", "2025-04-02", "--agenda", "agenda.md", code=1)
    assert "agenda.md: no agenda outline found (a numbered or bulleted list)" in result.stderr
    assert not list(cli.folder.glob("*.yaml"))


def test_agenda_prints_each_section_indented_with_its_presenter_and_note(cli, society):
    assert cli("agenda").stdout.splitlines() == [
        "1. Opening",
        "2. Reports",
        "  2A. Treasurer's report — Bo Renner",
        "      Sent to members in March.",
    ]


def test_agenda_as_json_gives_every_section_as_data(cli, society):
    rows = json.loads(cli("agenda", "--json").stdout)
    assert rows[2] == {"address": "2A", "label": "2A", "title": "Treasurer's report", "title_text": "Treasurer's report", "presenter": "Bo Renner",
                       "note": "Sent to members in March.", "depth": 1, "items": 2}
    assert [(r["address"], r["depth"], r["items"]) for r in rows] == [("1", 0, 1), ("2", 0, 0), ("2A", 1, 2)]
    for row in rows:
        assert reached(society, row["address"])["title"] == row["title"]


def test_agenda_of_a_session_without_sections_says_so_in_one_line(cli, board):
    result = cli("agenda")
    assert result.stdout == "no sections; add one with 'minutes add-section'\n"


def test_the_registers_print_the_address_of_an_item_inside_a_section(cli, society):
    resolutions = json.loads(cli("report", "resolutions", "--format", "json").stdout)
    assert [(r["item"], r["title"]) for r in resolutions] == [("2A.1", "Accept the accounts")]
    speakers = json.loads(cli("report", "speakers", "--format", "json").stdout)
    assert [(r["item"], r["kind"]) for r in speakers] == [("2A.2", "speech"), ("3", "report")]
    assert reached(society, "2A.1")["title"] == "Accept the accounts"
    assert reached(society, "2A.2")["topic"] == "The water bill"
    assert reached(society, "3")["title"] == "Plans for the tool shed"


def test_check_names_items_and_sections_by_address_at_their_line(cli, society):
    text = (SESSION.replace("for: 3", "for: 9").replace("speaker: cy", "speaker: zed")
            .replace("presenter: bo", "presenter: dee").replace("accounts.pdf", "missing.pdf"))
    society.write_text(text)
    result = cli("check", code=1)
    lines = text.splitlines()
    found = re.findall(r":(\d+): (item|section) (\S+): (.*)", result.stdout + result.stderr)
    assert sorted((what, at, message) for _, what, at, message in found) == [
        ("item", "2A.1", "9 votes cast but only 3 voting attendees listed (list the members present, or check the counts)"),
        ("item", "2A.1", "attachment missing.pdf: no such file"),
        ("item", "2A.2", "speaker 'zed' is not in people"),
        ("section", "2A", "presenter 'dee' is not in people"),
    ]
    for line, what, at, message in found:
        entry = reached(society, at)
        assert (entry["kind"] == "section") == (what == "section")
        word = message.split()[0].strip(":")
        value = {"9": "for: 9", "attachment": "missing.pdf", "speaker": "zed", "presenter": "dee"}[word]
        assert value in lines[int(line) - 1]  # the line named holds the value found wrong in that very entry


def test_a_duplicate_action_id_inside_a_section_names_both_addresses(cli, society):
    text = SESSION.replace("    - kind: speech\n      speaker: cy\n      topic: The water bill\n",
                           "    - kind: action\n      id: A1\n      task: Fix the gate\n"
                           "    - kind: action\n      id: A1\n      task: Paint the shed\n")
    society.write_text(text)
    assert "item 2A.3: action id 'A1' is already used by item 2A.2" in cli("check", code=1).stderr


def test_files_attached_to_items_in_sections_are_found_for_copying(cli, society):
    s = sessions.load(society)
    assert attachments.local_files(s) == ["accounts.pdf"]
    assert attachments.references(s) == [["accounts.pdf", ["proceedings", 1, "items", 0, "items", 0], 0, "2A.1"]]
