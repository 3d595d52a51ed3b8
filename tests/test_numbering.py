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


# --- sections: one address per entry ------------------------------------------------------------------

ADDRESS = re.compile(r"^\**([0-9][0-9A-Za-z.]*?|[A-Z][0-9A-Z]*[0-9][0-9A-Za-z.]*?)\\?\.\s")

# A tree: each entry a kind, or ("section", label or None, [entries]).
tree = st.recursive(
    st.sampled_from(KINDS),
    lambda inner: st.tuples(st.just("section"), st.sampled_from([None, None, "7A", "B2"]), st.lists(inner, max_size=3)),
    max_leaves=8,
)


def _entries(shape: list, counter: list[int], labels: set[str]) -> list[dict]:
    """Return proceedings entries for ``shape``, each holding its own marker; a label is used once."""
    out = []
    for node in shape:
        n = counter[0]
        counter[0] += 1
        if isinstance(node, tuple):
            _, label, inner = node
            section = {"kind": "section", "title": f"Section mk{n}x", "items": _entries(inner, counter, labels)}
            if label and label not in labels:
                labels.add(label)
                section["label"] = label
            out.append(section)
        else:
            out.append(item(node, n))
    return out


def write_tree(folder: Path, shape: list) -> Path:
    """Write a session whose proceedings have the sections and items of ``shape``; return its path."""
    data = {
        "schema_version": 2, "title": "Numbering", "date": "2024-01-01", "people": PEOPLE,
        "attendees": [{"person": "ana"}, {"person": "ben"}],
        "proceedings": _entries(shape, [0], set()),
    }
    path = folder / "2024-01-01-numbering.yaml"
    path.write_text("# numbering test\n" + yamlio.dump(data), encoding="utf-8")
    return path


def addresses_in(texts: list[str]) -> dict[str, int]:
    """Return {address printed: marker} from text units: a unit starting "2A.1. " opens the entry at 2A.1."""
    found: dict[str, int] = {}
    for text in texts:
        m = ADDRESS.match(text)
        marks = MARK.findall(text)
        if m and marks and m.group(1) not in found:
            found[m.group(1)] = int(marks[0])
    return found


def _marker(entry: dict) -> int:
    return int(MARK.search(yaml.dump({k: v for k, v in entry.items() if k != "items"})).group(1))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(tree, min_size=1, max_size=4))
def test_every_address_printed_reaches_the_same_entry(tmp_path_factory, shape):
    from minutes.model import address

    folder = tmp_path_factory.mktemp("addresses")
    path = write_tree(folder, shape)
    data = yaml.safe_load(path.read_text())
    every = {e.address for e in address.entries(data)}
    text = render_file(path, RenderOptions(kind="minutes", fmt="md")).data.decode()
    proceedings = text.split("## Proceedings", 1)[1].split("\n## ", 1)[0]
    tokens = MarkdownIt("commonmark").enable("table").parse(proceedings)
    word = render_file(path, RenderOptions(kind="minutes", fmt="docx")).data
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        views.print_session(sessions.load(path), plain=True)
    shown = {m.group(1): int(MARK.search(m.group(2)).group(1))
             for m in re.finditer(r"^ +(\S+)\. \S+: (.*)$", out.getvalue(), re.MULTILINE)}
    loaded = [(path, sessions.load(path))]
    registered = {}
    for table in (registers.resolutions(loaded), registers.speakers(loaded)):
        for record in table.records():
            registered[record["item"]] = int(MARK.search(" ".join(record.values())).group(1))
    printed = {
        "markdown": addresses_in(["".join(c.content for c in t.children if c.type in ("text", "code_inline"))
                                  for t in tokens if t.type == "inline"]),
        "word": addresses_in([p.text for p in docx.Document(io.BytesIO(word)).paragraphs]),
        "show": shown,
        "registers": registered,
    }
    assert set(shown) == every  # show prints every address
    headed = {e.address for e in address.entries(data)
              if address.is_section(e.entry) or e.entry["kind"] in ("speech", "report", "resolution", "motion", "action")}
    assert headed <= set(printed["markdown"]) and headed <= set(printed["word"])
    for where, found in printed.items():
        for printed_address, mark in found.items():
            assert _marker(address.find(data, printed_address).entry) == mark, (where, printed_address)
    for printed_address, mark in list(shown.items())[:4]:  # set and remove act on the entry printed
        copy = folder / "copy.yaml"
        shutil.copy(path, copy)
        ops.set_field(copy, f"{printed_address}.note", "probe")
        after = yaml.safe_load(copy.read_text())
        assert [_marker(e.entry) for e in address.entries(after) if e.entry.get("note") == "probe"] == [mark]
        shutil.copy(path, copy)
        ops.remove_item(copy, printed_address)
        left = [_marker(e.entry) for e in address.entries(yaml.safe_load(copy.read_text()))]
        assert mark not in left
