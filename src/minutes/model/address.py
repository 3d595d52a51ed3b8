"""Addresses: the label printed for a section or an item anywhere, turned back into its place in the file.

Every entry of the proceedings, a section or an item, has one address: the label path of the section it
sits in and its position there (``2A.3``), or its position alone at the top level (``4``). Positions
count every entry of a list, sections and actions too, from 1 (a number a label already takes is
skipped, see ``walk``). A section's address is its label: the one given (``2A``, ``7.1``, ``Special
Order 7A``) or, by default, its position, after its parent's label (``2.3``). The minutes, `show`, the confirmations, the registers, `check` and the error messages print
these; `set`, `remove`, `done`, `goto` and ``--in`` take them. An action may also be named by its id
(``20240312-2``), an attendee by their number in `show` or the person's name.

The functions read plain data (the file as loaded) or the model alike, and import no pydantic.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from minutes.errors import UsageError

ENTRY = {"proceedings": "item", "attendees": "attendee", "people": "person"}


class Entry(NamedTuple):
    """One entry of the proceedings: its address, where it is in the file, the entry, and its depth."""

    address: str
    path: tuple[str | int, ...]
    entry: Any
    depth: int
    section: str  # the address of the section holding it ("" at the top level)


def _get(entry: Any, key: str) -> Any:
    return entry.get(key) if isinstance(entry, dict) else getattr(entry, key, None)


def is_section(entry: Any) -> bool:
    """Return whether a proceedings entry is a section."""
    return _get(entry, "kind") == "section"


def children(entry: Any) -> list[Any]:
    """Return the entries of a section (none for an item)."""
    items = _get(entry, "items") if is_section(entry) else None
    return items if isinstance(items, list) else []


def _given(entry: Any) -> str | None:
    """Return the label a section was given, spaces collapsed (None for an item or a section without one)."""
    given = _get(entry, "label") if is_section(entry) else None
    return (" ".join(str(given).split()) or None) if given is not None else None


def label(entry: Any, prefix: str, position: int) -> str:
    """Return the address of an entry at ``position`` (from 1) of the list whose section's address is ``prefix``."""
    return _given(entry) or (f"{prefix}.{position}" if prefix else str(position))


def walk(proceedings: list[Any] | None, path: tuple[str | int, ...] = ("proceedings",), prefix: str = "",
         depth: int = 0, labels: frozenset[str] | None = None) -> Iterator[Entry]:
    """Yield every entry of ``proceedings``, sections before what they hold, in file order.

    An entry without a label is numbered by its position, or, where a label already says that number
    (a section labelled ``11.5`` among the entries of 11), by the next number no label and no earlier
    sibling has: so no two entries share an address, and adding an entry never renumbers another.
    """
    if not isinstance(proceedings, list):
        return
    if labels is None:
        if not any(is_section(entry) for entry in proceedings):  # a plain list of items: 1, 2, 3 …
            yield from (Entry(str(i + 1), (*path, i), entry, depth, prefix) for i, entry in enumerate(proceedings))
            return
        labels = frozenset(key(lab) for lab in _labels(proceedings))
    last = 0
    for index, entry in enumerate(proceedings):
        here = (*path, index)
        address = _given(entry)
        if address is None:
            last = max(index + 1, last + 1)
            while labels and key(f"{prefix}.{last}" if prefix else str(last)) in labels:
                last += 1
            address = f"{prefix}.{last}" if prefix else str(last)
        yield Entry(address, here, entry, depth, prefix)
        if is_section(entry):
            yield from walk(children(entry), (*here, "items"), address, depth + 1, labels)


def _labels(proceedings: list[Any]) -> Iterator[str]:
    """Yield the label of every section given one, nested ones too."""
    for entry in proceedings:
        if is_section(entry):
            given = _given(entry)
            if given is not None:
                yield given
            yield from _labels(children(entry))


def entries(data: Any) -> list[Entry]:
    """Return every entry of the session ``data`` (a dict or the model), in file order."""
    return list(walk(_get(data, "proceedings")))


def items(data: Any) -> list[Any]:
    """Return every item of the session ``data`` (sections left out, their items in), in file order."""
    return [e.entry for e in entries(data) if not is_section(e.entry)]


def key(text: str) -> str:
    """Return an address as it is compared: spaces collapsed, case folded."""
    return " ".join(str(text).split()).casefold()


def duplicates(data: Any) -> list[tuple[str, tuple[str | int, ...]]]:
    """Return the address and place of every entry whose address an earlier entry already has.

    A number ``walk`` gives is never another entry's (it skips every label and grows along its list), so
    only two labels alike can share an address: without them, no entry is walked.
    """
    given = [key(label) for label in _labels(_get(data, "proceedings") or [])]
    if len(set(given)) == len(given):
        return []
    return every_duplicate(data)


def every_duplicate(data: Any) -> list[tuple[str, tuple[str | int, ...]]]:
    """Return what ``duplicates`` does, every entry walked."""
    seen: set[str] = set()
    twice = []
    for e in entries(data):
        k = key(e.address)
        if k in seen:
            twice.append((e.address, e.path))
        seen.add(k)
    return twice


def at_address(data: Any, ref: str, among: list[Entry] | None = None) -> Entry | None:
    """Return the entry whose address is ``ref`` (case and spacing aside), if there is one."""
    wanted = key(ref)
    return next((e for e in (among if among is not None else entries(data)) if key(e.address) == wanted), None)


def find(data: Any, ref: str | int, what: str = "item") -> Entry:
    """Return the entry at address ``ref`` (or the action with that id), or a usage error saying where to look."""
    text = " ".join(str(ref).split())
    if text.casefold().startswith("item ") or text.casefold().startswith("item."):
        text = text[5:]
    all_entries = entries(data)
    found = at_address(data, text, all_entries)
    if found is not None:
        return found
    actions = [e for e in all_entries if _get(e.entry, "kind") == "action" and str(_get(e.entry, "id") or "") == text]
    if actions:
        return actions[-1]
    shown_as = text if text.replace(".", "").isalnum() else repr(text)
    if what == "section":
        found = [e.address for e in all_entries if is_section(e.entry)]
        if not found:
            raise UsageError(f"there is no section {shown_as}: the session has no sections; add one with 'minutes add-section'")
        raise UsageError(f"there is no section {shown_as}: give its address as 'minutes agenda' prints it "
                         f"({', '.join(found[:6])}{', …' if len(found) > 6 else ''})")
    if not all_entries:
        raise UsageError(f"there is no {what} {shown_as}: the session has no proceedings yet")
    raise UsageError(f"there is no {what} {shown_as}: give its address as 'minutes show' prints it (e.g. "
                     f"{all_entries[-1].address}) or an action's id")


def section(data: Any, ref: str) -> Entry:
    """Return the section at address ``ref``, or a usage error."""
    found = find(data, ref, "section")
    if not is_section(found.entry):
        raise UsageError(f"{found.address} is an item, not a section; give a section's address (see 'minutes agenda')")
    return found


def sections(data: Any) -> list[Entry]:
    """Return every section of the session ``data``, in file order (a section before its sub-sections)."""
    return [e for e in entries(data) if is_section(e.entry)]


def by_address(found: list[Entry]) -> dict[str, Any]:
    """Return the sections among ``found`` (entries as ``entries`` lists them) by address: what an entry's
    ``section`` names, so that the section holding an entry is ``by_address(found).get(e.section)``."""
    return {e.address: e.entry for e in found if is_section(e.entry)}


def holder(data: Any, e: Entry) -> Entry | None:
    """Return the section holding the entry ``e`` of ``data`` (None at the top level)."""
    return at_path(data, e.path[:-2]) if e.section else None


def next_section(data: Any, current: str | None) -> Entry:
    """Return the section after ``current`` in the agenda (the first one from the top level)."""
    found = sections(data)
    if not found:
        raise UsageError("the session has no sections; add one with 'minutes add-section'")
    if not current:
        return found[0]
    keys = [key(e.address) for e in found]
    if key(current) not in keys:
        return found[0]
    at = keys.index(key(current))
    if at + 1 >= len(found):
        raise UsageError(f"{found[at].address} is the last section; 'minutes goto top' leaves sections")
    return found[at + 1]


def split_field(data: Any, dotted: str) -> tuple[Entry, list[str]]:
    """Return the entry and field path of ``ADDR.FIELD`` (``3A.1.result``): the longest address that fits wins."""
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        head = ".".join(parts[:cut])
        try:
            return find(data, head), parts[cut:]
        except UsageError:
            continue
    raise UsageError(f"{dotted!r}: no item or section has the address {'.'.join(parts[:-1]) or dotted!r} "
                     "(see 'minutes show'); say ADDR.FIELD, e.g. 2A.1.summary")


def item_index(data: dict, ref: str | int) -> int:
    """Return the list index of top-level proceedings entry ``ref`` (its number, from 1, or an action's id)."""
    found = find(data, ref)
    if len(found.path) != 2:
        raise UsageError(f"{found.address} is inside a section; give its address, e.g. {found.address}.FIELD")
    return int(found.path[1])


def attendee_index(data: dict, ref: str, people: list[dict] | None = None) -> int:
    """Return the list index of attendee ``ref``: their number in `show`, or the person's (or group's) name, looked
    up in ``people`` (the session's own by default)."""
    from minutes.model import names

    attendees = data.get("attendees") or []
    text = str(ref).strip()
    if text.isascii() and text.isdigit():
        return _numbered(int(text), len(attendees), "attendee")
    for i, a in enumerate(attendees):
        group = a.get("group") if isinstance(a, dict) else None
        if group is not None and text.casefold() in {str(v).casefold() for v in _spellings(group)}:
            return i
    pid = names.resolve(people if people is not None else data.get("people") or [], text, "attendee",
                        "add them with 'minutes add-attendee'")  # set and remove take no --guest
    for i, a in enumerate(attendees):
        if isinstance(a, dict) and a.get("person") == pid:
            return i
    raise UsageError(f"{text!r} is in the roster but not an attendee; add them with 'minutes add-attendee'")


def group_index(data: dict, ref: str) -> int:
    """Return the list index of the attendance group named ``ref`` (case aside) in the session's ``groups``."""
    text = str(ref).strip().casefold()
    groups = data.get("groups") or []
    for i, g in enumerate(groups):
        if isinstance(g, dict) and text in {str(v).casefold() for v in _spellings(g.get("name"))}:
            return i
    known = ", ".join(repr(str(_spellings(g.get("name"))[0])) for g in groups if isinstance(g, dict) and g.get("name"))
    raise UsageError(f"no group {ref!r} has settings in this session" + (f" (it has {known})" if known else "")
                     + f'; add them with "minutes add-group {ref}"')


def _numbered(number: int, count: int, what: str) -> int:
    """Return the list index of entry ``number`` (from 1) of ``count``, or a usage error saying how many there are."""
    if not 1 <= number <= count:
        raise UsageError(f"there is no {what} {number}; the session has {count} {what}{'s' * (count != 1)}")
    return number - 1


def _spellings(text: Any) -> list[Any]:
    return list(text.values()) if isinstance(text, dict) else [text]


def at_path(data: Any, path: tuple[str | int, ...] | list[str | int]) -> Entry | None:
    """Return the proceedings entry at ``path`` in the file (``proceedings.2.items.0``), if it is one."""
    wanted = tuple(path)
    return next((e for e in entries(data) if e.path == wanted), None)


def shown(loc: list[Any], data: Any = None) -> str:
    """Return a location in the model as users count it: ``item 2A.1, vote.for`` for ``proceedings.1.items.0.vote.for``."""
    if len(loc) >= 2 and loc[0] == "proceedings" and isinstance(loc[1], int):
        deepest, depth = None, 2
        if data is not None:
            placed = {e.path: e for e in entries(data)}
            for cut in range(2, _positional_depth(loc) + 1, 2):  # the deepest entry the location is inside
                found = placed.get(tuple(loc[:cut]))
                if found is not None:
                    deepest, depth = found, cut
        if deepest is None:
            address, depth = _positional(loc), _positional_depth(loc)
        else:
            address = deepest.address
        what = "section" if deepest is not None and is_section(deepest.entry) else "item"
        rest = ".".join(str(p + 1 if isinstance(p, int) else p) for p in loc[depth:])
        return f"{what} {address}, {rest}" if rest else f"{what} {address}"
    if len(loc) >= 2 and loc[0] in ENTRY and isinstance(loc[1], int):
        head = f"{ENTRY[loc[0]]} {loc[1] + 1}"
        rest = ".".join(str(p + 1 if isinstance(p, int) else p) for p in loc[2:])
        return f"{head}, {rest}" if rest else head
    return ".".join(str(p + 1 if isinstance(p, int) else p) for p in loc)


def _positional_depth(loc: list[Any]) -> int:
    depth = 2
    while depth + 1 < len(loc) and loc[depth] == "items" and isinstance(loc[depth + 1], int):
        depth += 2
    return depth


def _positional(loc: list[Any]) -> str:
    """Return the address of ``loc`` by positions alone (no labels known): ``2.1`` for ``proceedings.1.items.0``."""
    return ".".join(str(loc[i] + 1) for i in range(1, _positional_depth(loc), 2))
