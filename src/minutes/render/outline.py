"""The outline of the proceedings the templates see: every entry with the address it prints, sections before their contents."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from markupsafe import Markup

from minutes.model import address
from minutes.markdown.escape import Md
from minutes.markdown.text import is_paragraph
from minutes.render import rich
from minutes.model.address import Entry

HASHES = {n: Markup("#" * n) for n in range(1, 7)}  # a heading's marks, by level, printed as they are
TOP = 3  # the heading level of a top-level entry: under "Proceedings" (or a day's heading)
DEEPEST = 6  # Markdown has six levels of headings


def numbered(proceedings: list[Any], days: Collection[int] = ()) -> Iterator[Entry]:
    """Yield every entry of ``proceedings`` with its address, sections before what they hold, in file order.

    Without day markers these are ``address.walk``'s. In a compiled series (``days`` are the indexes of the
    entries that open a day) the top-level entries are numbered on across the days, skipping the markers,
    which get no address ("").
    """
    if not days:
        yield from address.walk(proceedings)
        return
    number = 0
    for index, entry in enumerate(proceedings):
        path = ("proceedings", index)
        if index in days:
            yield Entry("", path, entry, 0, "")
            continue
        number += 1
        here = address.label(entry, "", number)
        yield Entry(here, path, entry, 0, "")
        if address.is_section(entry):
            yield from address.walk(address.children(entry), (*path, "items"), here, 1)


HEADED = ("speech", "report", "resolution", "motion")  # kinds that have a heading in a section too


def _after_section(proceedings: list[Any] | None, path: tuple[str | int, ...]) -> bool:
    """Return whether the entry at ``path`` follows a sub-section or a headed item in its list (it would read as part of it)."""
    container: Any = proceedings
    for step in path[1:-1]:
        container = address.children(container[step]) if isinstance(step, int) else container
    index = path[-1]
    if not (isinstance(index, int) and isinstance(container, list)):
        return False
    return index > _first_headed(container)


_FIRST: dict[int, tuple[list[Any], int]] = {}


def _first_headed(container: list[Any]) -> int:
    """Return the index of the first sub-section or headed item of a section's list (its length if none), once per list."""
    found = _FIRST.get(id(container))
    if found is None or found[0] is not container:
        if len(_FIRST) > 256:
            _FIRST.clear()
        first = next((k for k, e in enumerate(container) if address.is_section(e) or getattr(e, "kind", None) in HEADED),
                     len(container))
        found = _FIRST[id(container)] = (container, first)
    return found[1]


def level(depth: int, top: int = TOP) -> int:
    """Return the heading level of an entry ``depth`` sections deep (within h6)."""
    return min(top + depth, DEEPEST)


def placed(view: dict[str, Any], e: Entry, proceedings: list[Any] | None = None) -> dict[str, Any]:
    """Return an item's ``view`` with where it sits: its address, depth, heading level and section, and whether
    it follows a sub-section or a headed item of its section (then it needs a heading of its own)."""
    view.update(number=e.address, address=e.address, depth=e.depth, level=level(e.depth), hashes=HASHES[level(e.depth)],
                section=e.section,
                after_section=bool(e.section) and proceedings is not None and _after_section(proceedings, e.path))
    note = view.get("note")
    view["note_blocks"] = isinstance(note, Md) and bool(note) and not is_paragraph(note)  # printed after its label
    return view


def section(builder: Any, e: Entry) -> dict[str, Any]:
    """Return the view of one section: its address, title, presenter, note, depth and heading level."""
    entry = e.entry
    title = rich.inline(builder.t(entry.title), builder.rich)
    return placed({
        "kind": "section", "kind_label": "", "at": "", "attachments": [],
        "title": title, "heading": title, "agenda": title,
        "presenter": builder.person(entry.presenter), "note": rich.block(builder.t(entry.note), builder.rich),
        "empty": not entry.items, "label": entry.label or "",
    }, e)
