"""Which section of a session later additions go to: the one chosen with `minutes goto`, kept in the state folder."""

from __future__ import annotations

from pathlib import Path

from minutes.errors import MinutesError, shown
from minutes.store.atomic import write_atomic
from minutes.store.current import MARKER_BYTES, STATE_DIR
from minutes.store.readfile import open_text


SECTION_FILE = "sections"  # in the state folder: each session's current section, one "FILE<TAB>ADDRESS" line


def _sections_marker(session: Path) -> Path:
    return session.parent / STATE_DIR / SECTION_FILE


def _read_sections(marker: Path) -> dict[str, str]:
    try:
        with open_text(marker, "regular file") as handle:
            text = handle.read(MARKER_BYTES * 16)
    except (OSError, UnicodeDecodeError):
        return {}
    found = {}
    for line in text.splitlines():
        name, tab, address = line.partition("\t")
        if tab and name and address.strip():
            found[name] = address.strip()
    return found


def current_section(session: Path) -> str | None:
    """Return the address of the section chosen with ``minutes goto`` for ``session``, if any."""
    return _read_sections(_sections_marker(session)).get(session.name)


def choose_section(session: Path, address: str | None) -> None:
    """Record ``address`` as the current section of ``session`` (None: the top level)."""
    marker = _sections_marker(session)
    if marker.parent.is_symlink():
        raise MinutesError(f"{marker.parent} is a symbolic link; minutes keeps its state only in a real folder")
    if "\t" in session.name or "\n" in session.name:
        raise MinutesError(f"{shown(session.name)}: a file name with a tab or line break cannot hold a current section")
    found = _read_sections(marker)
    before = dict(found)
    found.pop(session.name, None)
    if address is not None:
        found[session.name] = " ".join(address.split())
    if found == before:
        return  # nothing to record: leave the state folder as it is
    try:
        marker.parent.mkdir(exist_ok=True)
        write_atomic(marker, "".join(f"{name}\t{addr}\n" for name, addr in sorted(found.items())))
    except OSError as exc:
        raise MinutesError(f"{marker}: cannot record the current section: {exc.strerror}") from None
