"""One numbering everywhere: the number printed for an item is the one `set` and `remove` act on.

Random sessions with every kind of item are rendered (minutes in Markdown and Word), shown, and put
in the registers; for each number printed there, `set item.N.note` and `remove N` must reach the item
printed under that number.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import docx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from minutes.records import ops
from minutes.records import registers
from minutes.store import loader as sessions
from minutes.cli import views
from minutes.store import yamlio
from minutes.records.publish import render_file
from minutes.render.pipeline import RenderOptions

PEOPLE = [{"id": "ana", "name": "Ana Weber"}, {"id": "ben", "name": "Ben Okafor"}]
KINDS = ["ceremony", "discussion", "note", "speech", "report", "resolution", "motion", "action"]
MARK = re.compile(r"mk(\d+)x")


def item(kind: str, n: int) -> dict:
    """Return an item of ``kind`` whose text holds the marker ``mkNx``."""
    mark = f"mk{n}x"
    if kind == "speech":
        return {"kind": "speech", "speaker": "ana", "topic": f"Topic {mark}"}
    if kind == "report":
        return {"kind": "report", "presenter": "ben", "title": f"Report {mark}"}
    if kind in ("resolution", "motion"):
        return {"kind": kind, "title": f"Motion {mark}", "vote": {"for": 1, "against": 0, "abstain": 0},
                "result": "adopted"}
    if kind == "action":
        return {"kind": "action", "id": f"20240101-{n + 1}", "task": f"Task {mark}", "owner": "ben"}
    return {"kind": kind, "text": f"Text {mark}."}


def write_session(folder: Path, kinds: list[str]) -> Path:
    """Write a session with one item of each kind in ``kinds``; return its path."""
    data = {
        "title": "Numbering", "date": "2024-01-01", "people": PEOPLE,
        "attendees": [{"person": "ana"}, {"person": "ben"}],
        "proceedings": [item(kind, n) for n, kind in enumerate(kinds)],
    }
    path = folder / "2024-01-01-numbering.yaml"
    path.write_text("# numbering test\n" + yamlio.dump(data), encoding="utf-8")
    return path


def numbers_in(texts: list[str]) -> dict[int, int]:
    """Return {number printed: marker} from text units in reading order: a unit starting "N. " opens item N."""
    found: dict[int, int] = {}
    current = None
    for text in texts:
        m = re.match(r"^\**(\d+)\\?\.\s", text)
        if m:
            current = int(m.group(1))
        marks = MARK.findall(text)
        if current is not None and marks and current not in found:
            found[current] = int(marks[0])
    return found


def markdown_numbers(path: Path) -> dict[int, int]:
    """Return what the Markdown minutes number, read by markdown-it: headings and paragraphs of the proceedings."""
    text = render_file(path, RenderOptions(kind="minutes", fmt="md")).data.decode()
    proceedings = text.split("## Proceedings", 1)[1].split("\n## ", 1)[0]
    tokens = MarkdownIt("commonmark").enable("table").parse(proceedings)
    return numbers_in([t.content for t in tokens if t.type == "inline"])


def word_numbers(path: Path) -> dict[int, int]:
    """Return what the Word minutes number, read back with python-docx."""
    data = render_file(path, RenderOptions(kind="minutes", fmt="docx")).data
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    start = next(i for i, p in enumerate(paragraphs) if p == "Proceedings")
    end = next((i for i, p in enumerate(paragraphs) if i > start and p in ("Resolutions and motions", "Action items",
                                                                            "Signatures")), len(paragraphs))
    return numbers_in(paragraphs[start + 1:end])


def shown_numbers(path: Path) -> dict[int, int]:
    """Return what `minutes show` numbers."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        views.print_session(sessions.load(path), plain=True)
    return {int(m.group(1)): int(MARK.search(m.group(2)).group(1))
            for m in re.finditer(r"^  (\d+)\. (.*)$", out.getvalue(), re.MULTILINE)}


def register_numbers(path: Path) -> dict[int, int]:
    """Return what the registers of resolutions and speakers number."""
    loaded = [(path, sessions.load(path))]
    found = {}
    for table in (registers.resolutions(loaded), registers.speakers(loaded)):
        for record in table.records():
            text = " ".join(record.values())
            found[int(record["item"])] = int(MARK.search(text).group(1))
    return found


def marks_in_file(path: Path) -> list[int]:
    return [int(MARK.search(yaml.dump(i)).group(1)) for i in yaml.safe_load(path.read_text())["proceedings"]]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(KINDS), min_size=1, max_size=7))
def test_every_number_printed_reaches_the_same_item_with_set_and_remove(tmp_path_factory, kinds):
    folder = tmp_path_factory.mktemp("numbering")
    path = write_session(folder, kinds)
    printed = {"markdown": markdown_numbers(path), "word": word_numbers(path), "show": shown_numbers(path)}
    everything = set(range(1, len(kinds) + 1))
    for where, numbers in printed.items():
        assert set(numbers) == everything, (where, numbers)
    registered = register_numbers(path)
    assert all(printed["show"][n] == mark for n, mark in registered.items())
    assert printed["markdown"] == printed["word"] == printed["show"]
    for number, mark in printed["show"].items():
        copy = folder / f"copy-{number}.yaml"
        shutil.copy(path, copy)
        ops.set_field(copy, f"item.{number}.note", "probe")
        items = yaml.safe_load(copy.read_text())["proceedings"]
        assert [i.get("note") for i in items if MARK.search(yaml.dump(i)).group(1) == str(mark)] == ["probe"]
        shutil.copy(path, copy)
        ops.remove_item(copy, number)
        assert marks_in_file(copy) == [m for m in marks_in_file(path) if m != mark]


def test_an_action_is_reached_by_its_id_as_well_as_its_number(tmp_path):
    path = write_session(tmp_path, ["note", "action", "speech"])
    ops.set_field(path, "item.20240101-2.status", "done")
    assert yaml.safe_load(path.read_text())["proceedings"][1]["status"] == "done"
    number, removed = ops.remove_item(path, "20240101-2")
    assert number == "2" and removed["task"] == "Task mk1x"
