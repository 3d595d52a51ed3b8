"""Taking back a change this process wrote to a session file (`undo` in `minutes record`)."""

from __future__ import annotations

from minutes.errors import MinutesError
from minutes.model import address
from minutes.records.fields import remove_item
from minutes.records.session_file import Write, restore, valid_data
from minutes.store import loader as sessions


def undo(written: Write) -> str:
    """Take back ``written``: put back the text it replaced, or, when the file changed since, remove the one entry it
    added if that is still there as written; return what was done, or raise a one-line error."""
    try:
        restore(written)
        return "undone"
    except MinutesError:
        pass  # another program wrote to the file since
    path = written.path
    added = added_entry(written)
    if added is None:
        raise MinutesError(f"{path}: another program wrote to it since; nothing was undone "
                           "(change it with 'set', 'remove ADDR' or 'edit')")
    data, _ = valid_data(path, sessions.read_text(path))
    # the whole entry as written: a section someone added an item to since is not removed (with their item)
    same = [e for e in address.entries(data) if e.path[:-1] == added.path[:-1] and e.entry == added.entry]
    if len(same) != 1:
        raise MinutesError(f"{path}: another program wrote to it since, and the entry {added.address} is no longer "
                           "there as written; nothing was undone")
    removed, _ = remove_item(path, same[0].address)
    return f"removed {removed} (another program wrote to the file since; its change is kept)"


def added_entry(written: Write) -> address.Entry | None:
    """Return the one proceedings entry ``written`` added, or None if it changed the file in any other way."""
    before = address.entries(valid_data(written.path, written.before)[0])
    after = address.entries(valid_data(written.path, written.after)[0])
    if len(after) != len(before) + 1:
        return None
    old = {(e.path, _frozen(e.entry)) for e in before}
    new = [e for e in after if (e.path, _frozen(e.entry)) not in old]
    return new[0] if len(new) == 1 else None


def _frozen(entry: object) -> str:
    """Return an entry as compared: a section without what it holds (an item added to it leaves it the same)."""
    if isinstance(entry, dict) and address.is_section(entry):
        entry = {k: v for k, v in entry.items() if k != "items"}
    return repr(entry)
