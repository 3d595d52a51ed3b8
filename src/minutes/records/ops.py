"""What the secretary's commands do to a session file: each function is one command's job."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from minutes.model import address, clock
from minutes.model.digest import content_hash
from minutes.records.approval import approved
from minutes.records.fields import remove_item, set_field  # noqa: F401 - part of this module's API
from minutes.records.people import add_attendee, add_group, add_person, clean as _clean, person_or_guest  # noqa: F401
from minutes.records.session_file import change, draft_data, person_id, roster, session_date, valid_data
from minutes.store import textedit as edit
from minutes.model import names
from minutes.store import loader as sessions
from minutes.store import atomic as store
from minutes.store import yamlio
from minutes.store.current import STATE_DIR, current_file, find_session  # noqa: F401 - part of this module's API
from minutes.store.goto import choose_section, current_section
from minutes.errors import MinutesError, UsageError
from minutes.model.vocab import SCHEMA_VERSION, TEXT_KINDS

if TYPE_CHECKING:
    from minutes.model.schema import Session

# An ``add-*`` command imports no pydantic when the file validated before (see ``minutes.model.quick``):
# the model is imported only where a change needs it.

SCHEMA_FILE = "session.schema.json"
SETTINGS_SCHEMA_FILE = "settings.schema.json"  # minutes.yaml's: "# yaml-language-server: $schema=.minutes/settings.schema.json"
PLACE_MODES = {"online": "online", "hybrid": "hybrid", "on-site": "on-site", "onsite": "on-site", "on site": "on-site"}


# --- creating and choosing sessions --------------------------------------------------------


def use(path: Path, folder: Path) -> Session:
    """Make ``path`` the current session of ``folder``; return it."""
    s = sessions.load(path)
    state = folder / STATE_DIR
    if state.is_symlink():
        raise MinutesError(f"{state} is a symbolic link; minutes keeps its state only in a real folder")
    try:
        state.mkdir(exist_ok=True)
        rel = os.path.relpath(path.resolve(), folder.resolve())
        store.write_atomic(state / "current", rel + "\n")
    except OSError as exc:
        raise MinutesError(f"{state}: cannot record the current session: {exc.strerror}") from None
    return s


def parse_place(place: str | None) -> dict[str, Any]:
    """Return the place fields for ``--place`` (online, hybrid, on-site, or a venue)."""
    if not place:
        return {}
    mode = PLACE_MODES.get(place.strip().casefold())
    return {"mode": mode} if mode else {"mode": "on-site", "venue": place}


def new_session(
    folder: Path,
    title: str,
    date: dt.date,
    *,
    place: str | None = None,
    organization: str | None = None,
    occasion: str | None = None,
    lang: str | None = None,
    kind: str | None = None,
    start: str | None = None,
    timezone: str | None = None,
    series: str | None = None,
    part: int | None = None,
    of: int | None = None,
    carry_over: bool = False,
    agenda: str | None = None,
) -> Path:
    """Create a session file named from the date and title in ``folder``, make it current; return its path.

    With ``carry_over``, the open action items of the previous session of the same body come along.
    With ``agenda`` (a Markdown outline's file name, ``-`` for stdin), its sections open the proceedings.
    The file's modeline points at the schema written to ``.minutes/`` (relative to the file's folder,
    as yaml-language-server resolves it); a ``.minutes/.gitignore`` keeps minutes' state out of git.
    The folder's minutes.yaml gives the organization, language and time zone that are not given.
    """
    from minutes.records.settings import new_fields

    inherited = new_fields(folder)
    organization = organization or inherited.get("organization")
    lang = lang or inherited.get("lang") or "en"
    timezone = timezone or inherited.get("timezone")
    data = _clean(
        {
            "schema_version": SCHEMA_VERSION,
            "title": title,
            "kind": kind,
            "series": _clean({"name": series, "part": part, "of": of}) or None,
            "organization": organization,
            "date": date,
            "start": start,
            "timezone": timezone,
            "place": parse_place(place) or None,
            "occasion": occasion,
            "lang": lang,
        }
    )
    header = (
        f"# yaml-language-server: $schema={STATE_DIR}/{SCHEMA_FILE}\n"
        "# A minutes session file. Edit by hand or with the minutes commands; comments are kept.\n"
    )
    people: list[dict] = []
    items: list[dict] = []
    if agenda is not None:
        from minutes.records import outline

        items = outline.load(agenda)
    if carry_over:
        from minutes.records import actions

        previous = actions.previous_session(session_files([folder]), organization, date)
        if previous is None:
            raise MinutesError(f"--carry-over: no earlier session of {organization or 'this body'} in {folder}")
        carried = actions.carried_over(previous[1])
        items += carried
        owners = {i.get("owner") for i in carried}
        people = [p.model_dump(exclude_defaults=True) for p in previous[1].people if p.id in owners]
    lists = {"people": people, "attendees": [], "proceedings": items}
    body = yamlio.dump(data) + "".join(
        yamlio.dump({k: v}) if v else f"{k}: []\n" for k, v in lists.items()
    )
    text = header + body
    sessions.parse(text, "<new session>")
    path = folder / f"{date.isoformat()}-{names.slugify(title)}.yaml"
    store.create(path, text)
    write_schema(folder)
    use(path, folder)
    from minutes.store import gitignore

    gitignore.write(folder / STATE_DIR)
    return path


def write_schema(folder: Path) -> Path:
    """Write the JSON Schemas of session files and of the folder's minutes.yaml next to the sessions, for editors;
    return the session schema's path."""
    target = folder / STATE_DIR / SCHEMA_FILE
    if target.parent.is_symlink():
        return target  # never write through a link planted in the folder
    import json

    from minutes.model import schema, settings

    try:
        target.parent.mkdir(exist_ok=True)
        for name, made in ((SCHEMA_FILE, schema.json_schema), (SETTINGS_SCHEMA_FILE, settings.json_schema)):
            store.write_atomic(target.parent / name, json.dumps(made(), indent=2, ensure_ascii=False) + "\n")
    except (OSError, MinutesError):
        pass  # the schema is a convenience for editors; the session file is what matters
    return target


# --- adding to a session -------------------------------------------------------------------


def add_item(
    path: Path,
    item: dict[str, Any],
    people: dict[str, str | None] | None = None,
    guest: bool = False,
    amend: str | None = None,
    within: str | None = None,
    finish: Callable[[edit.Draft, dict], dict[str, Any]] | None = None,
) -> tuple[str, dict]:
    """Append ``item`` to a section (``within``, else the current one) or the top level, resolving the names in
    ``people`` (field -> name) first, and adding the fields ``finish(draft, data)`` returns (a vote whose names it
    resolves, an action's owner); return its address and entry."""
    placed: list[tuple[str, dict]] = []

    def fn(draft: edit.Draft, data: dict) -> None:
        fields = dict(item)
        for field, name in (people or {}).items():
            fields[field] = person_or_guest(draft, data, name, guest, field.replace("_", " "), path)
            data = draft_data(draft, path)
        if finish is not None:
            fields.update(finish(draft, data))
            data = draft_data(draft, path)
        if fields.get("kind") == "action" and not fields.get("id"):
            fields["id"] = next_action_id(data)
        entry = _clean(dict(sorted(fields.items(), key=_item_order)))
        where, count = _container(path, data, within)
        if entry.get("kind") == "section" and entry.get("label"):
            _refuse_taken(data, entry["label"])
        draft.append(where, entry)
        placed.append(((*where, count), entry))

    said = next((item[k] for k in ("text", "title", "task", "topic") if item.get(k)), "")
    data = change(path, fn, amend, f"added {item.get('kind')}" + (f": {said}" if said else ""))
    at, entry = placed[-1]
    found = address.at_path(data, at)
    return (found.address if found is not None else "?"), entry


def _refuse_taken(data: dict, label: str) -> None:
    """Refuse a section label that another entry's address already is (a usage error naming that entry)."""
    taken = address.at_address(data, label)
    if taken is not None:
        what = "section" if address.is_section(taken.entry) else taken.entry.get("kind", "item")
        raise UsageError(f"--label {label}: {taken.address} is already the address of a {what} "
                         f"({gist(taken.entry)}); give another label")


def gist(entry: dict) -> str:
    """Return the first words of what an entry says, to name it in a message."""
    text = next((str(entry[k]) for k in ("title", "text", "task", "topic", "summary") if entry.get(k)), "")
    return text if len(text) <= 40 else text[:39] + "…"


def add_section(
    path: Path, title: str, *, label: str | None = None, within: str | None = None, note: str | None = None,
    presenter: str | None = None, consent: bool = False, current: bool = False, amend: str | None = None,
) -> str:
    """Add a section (to the section ``within``, else the current one, else the top level), with ``consent`` a
    consent agenda, and with ``current`` make it the current section; return its address."""
    if label is not None and (not label.strip() or "\n" in label or "\r" in label):
        raise UsageError("--label: give a label on one line, e.g. 2A or 7.1")
    item = {"kind": "section", "label": " ".join(label.split()) if label else None, "title": title, "note": note,
            "consent": consent or None}
    people = {"presenter": presenter} if presenter else None
    where = add_item(path, item, people, amend=amend, within=within)[0]
    if current:
        choose_section(path, where)
    return where


TOP = ("top", "/")


def _container(path: Path, data: dict, within: str | None) -> tuple[tuple[str | int, ...], int]:
    """Return the list a new entry goes to (its path in the file) and its length."""
    target = within if within is not None else current_section(path)
    if target is None or target.strip().casefold() in TOP:
        return ("proceedings",), len(data.get("proceedings") or [])
    try:
        found = address.section(data, target)
    except UsageError as exc:
        if within is None:  # the section chosen with goto is gone (removed, or relabelled by hand)
            raise UsageError(f"{exc}; the current section {target!r} is gone: run 'minutes goto ADDR' or 'minutes goto top'") from None
        raise UsageError(f"--in: {exc}") from None
    return (*found.path, "items"), len(address.children(found.entry))


def goto(path: Path, target: str) -> address.Entry | None:
    """Make the section ``target`` (an address, ``next`` or ``top``) current for later additions; return it (None: top)."""
    data, _ = valid_data(path, sessions.read_text(path))
    text = " ".join(target.split())
    if text.casefold() in TOP:
        choose_section(path, None)
        return None
    if text.casefold() == "next":
        found = address.next_section(data, current_section(path))
    else:
        found = address.section(data, text)
    choose_section(path, found.address)
    return found


ITEM_ORDER = (
    "kind", "id", "label", "at", "speaker", "on_behalf_of", "presenter", "role", "topic", "title", "task", "text",
    "summary", "points", "moved_by", "seconded_by", "vote", "votes", "result", "disposition", "action", "owner",
    "owner_group", "due", "status", "attachments",
)


def _item_order(pair: tuple[str, Any]) -> int:
    return ITEM_ORDER.index(pair[0]) if pair[0] in ITEM_ORDER else len(ITEM_ORDER)


def next_action_id(data: dict) -> str:
    """Return a new action id for the session ``data``, stable across meetings: DATE-N."""
    prefix = session_date(data).strftime("%Y%m%d")
    used = {e.entry.get("id") for e in address.entries(data) if e.entry.get("kind") == "action"}
    n = 1
    while f"{prefix}-{n}" in used:
        n += 1
    return f"{prefix}-{n}"


def text_item(kind: str, text: str, at: str | None = None) -> dict[str, Any]:
    """Return a narrative proceedings item (ceremony, announcement, discussion, ...)."""
    if kind not in TEXT_KINDS:
        raise UsageError(f"unknown item kind {kind!r}; use one of {', '.join(TEXT_KINDS)} (or add-speech, add-report, ...)")
    return {"kind": kind, "text": text, "at": at}


# --- approving -----------------------------------------------------------------------------


def approve(path: Path, on: dt.date | None = None, by: str | None = None) -> dict:
    """Mark the session approved, with the date, who approved it and its content hash; return the new data."""
    def fn(draft: edit.Draft, data: dict) -> None:
        if approved(data):
            raise MinutesError(f"{path}: already approved on {data['approval'].get('date')}")
        who = None
        if by:
            try:
                who = person_id(data, by, path=path)
            except MinutesError:
                who = by  # a body, e.g. "the General Assembly"
        fields = {"status": "approved", "date": on or clock.today(), "by": who}
        for key, value in fields.items():
            if value is not None:
                draft.set(["approval", key], value)
        draft.set(["approval", "hash"], content_hash(sessions.parse(draft.text, path)))  # a full parse, never the cache

    return change(path, fn, amend="approval")


def session_files(paths: list[Path]) -> list[Path]:
    """Return the session files named by ``paths``, expanding folders to their *.yaml files (any case: .YAML too),
    the folder's settings (minutes.yaml) and shared roster (people.yaml, or the one minutes.yaml names) left out."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml")
                                and not p.name.startswith(".") and sessions.folder_file(p) is None))
        else:
            files.append(path)
    return files

