"""The outline of the proceedings the templates see: every entry with the address it prints, sections before their contents."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from minutes.model import address
from minutes.render import rich
from minutes.model.address import Entry

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


def level(depth: int, top: int = TOP) -> int:
    """Return the heading level of an entry ``depth`` sections deep (within h6)."""
    return min(top + depth, DEEPEST)


def placed(view: dict[str, Any], e: Entry) -> dict[str, Any]:
    """Return an item's ``view`` with where it sits: its address, depth, heading level and section."""
    view.update(number=e.address, address=e.address, depth=e.depth, level=level(e.depth), section=e.section)
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
