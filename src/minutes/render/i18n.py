"""Phrase catalogs (gettext .po files read with Babel) and dates formatted per language."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import sys
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.pofile import PoFileParser

from minutes.errors import MinutesError
from minutes.markdown.escape import Md, md_join
from minutes.markdown.text import ends_in_paragraph
from minutes.render.resources import own_folder, read_inside, templates_dir

_FIELD = re.compile(r"\{(\w+)\}")
_DOUBLE_THE = re.compile(r"\b(the) the\b", re.IGNORECASE)
DATE_FORMS = {"long": "long", "full": "full", "short": "medium"}


class Catalog:
    """The phrases and date forms of one language."""

    def __init__(self, lang: str, locale: Locale, messages: dict[tuple[str | None, str], str]):
        self.lang = lang
        self.locale = locale
        self.messages = messages

    def pgettext(self, context: str | None, msgid: str, /, **values: object) -> str:
        """Return ``msgid`` in this language for ``context``, with ``{name}`` fields filled in."""
        text = self.messages.get((context, msgid)) or self.messages.get((None, msgid)) or msgid
        return _fill(text, msgid, values) if "{" in text else text

    def gettext(self, msgid: str, /, **values: object) -> str:
        """Return ``msgid`` in this language, with ``{name}`` fields filled in."""
        return self.pgettext(None, msgid, **values)

    def label(self, text: object) -> str:
        """Return ``text`` followed by the colon of the language: "Date:", "日期："."""
        return self.gettext("{label}:", label=text)

    def paren(self, text: object, note: object) -> str:
        """Return ``text`` with ``note`` in the brackets of the language: "Present (4)", "出席（4）"."""
        return self.pgettext("paren", "{text} ({note})", text=text, note=note)

    def date(self, value: dt.date, form: str = "long") -> str:
        """Return ``value`` as "July 23" (``month_day``), "July 23, 2023" (``long``) or with weekday (``full``)."""
        return _date(value, form, self.locale)

    def date_interval(self, start: dt.date, end: dt.date, form: str = "long") -> str:
        """Return the span from ``start`` to ``end``: "July 22–23" (``month_day``) or with the year."""
        skeleton = "MMMMd" if form == "month_day" else "yMMMMd"
        return format_interval(start, end, skeleton, locale=self.locale)

    def year(self, value: dt.date) -> str:
        """Return the year of ``value`` as this language writes it on its own."""
        return format_skeleton("y", value, locale=self.locale)

    def join(self, items: list[str]) -> str:
        """Return ``items`` as a list in this language: "A, B and C"."""
        items = [i for i in items if i]
        if any(isinstance(i, Md) for i in items):  # Markdown among them: the plain ones escaped, the list is Markdown
            return Md(format_list([md_join([i]) for i in items], style="standard", locale=self.locale))
        return format_list(items, style="standard", locale=self.locale) if items else ""

    def language_name(self, code: str) -> str:
        """Return the name of language ``code`` in that language, capitalised."""
        try:
            name = Locale.parse(code.replace("-", "_")).get_display_name() or code
        except (ValueError, UnknownLocaleError):
            return code
        return name[:1].upper() + name[1:]


@functools.lru_cache(maxsize=1024)
def _pieces(text: str) -> tuple[list[str], tuple[str, ...]]:
    """Return ``text`` split into text, field name, text, ... (the field names at odd places), and its field names."""
    pieces = _FIELD.split(text)
    return pieces, tuple(pieces[1::2])


def _fill(text: str, msgid: str, values: dict[str, object]) -> str:
    """Return ``text`` with its ``{name}`` fields filled from ``values`` (``msgid`` names it in errors)."""
    pieces, keys = _pieces(text)
    out: list[str] = [pieces[0]]
    rest: list[str] = []
    markdown = any(isinstance(values.get(key), Md) for key in keys)  # never in a version 1 file: the plain path
    for k, key in enumerate(keys, 1):
        if key not in values:
            raise MinutesError(f"the phrase {msgid!r} needs a value for {{{key}}}")
        value = values[key]
        if value is None:
            value = ""
        elif not (markdown and isinstance(value, Md)):
            value = str(value)
        elif "\n\n" in value:  # a block value: its first paragraph joins the phrase
            head, more = str.split(value, "\n\n", 1)  # (plain str: a Markup's split would wrap each part)
            value = Md(head)
            rest.append(more)
        after = pieces[2 * k]
        if value.endswith(".") and after.startswith(".") and not after.startswith(".."):
            after = after[1:]  # "e.V." ends the sentence: "Veranstalter: Makerspace e.V.", not "e.V.."
        out += (value, after)
    if markdown:
        return _markdown(out, rest)
    filled = "".join(out)
    return _DOUBLE_THE.sub(r"\1", filled) if _DOUBLE_THE.search(filled) else filled


def _markdown(out: list[str], rest: list[str]) -> Md:
    """Return a phrase filled with Markdown: its plain runs escaped, then the other blocks of its block values."""
    runs: list[str] = []
    for part in out:
        if isinstance(part, Md) or not runs or isinstance(runs[-1], Md):
            runs.append(part)
        else:
            runs[-1] += part
    filled = md_join([r for r in runs if r])
    filled = Md(_DOUBLE_THE.sub(r"\1", filled)) if _DOUBLE_THE.search(filled) else filled
    if not rest:
        return filled
    # The other blocks follow the phrase; a blank line after them, unless a paragraph ends them (what follows
    # on the next line continues it, as the text of a version 1 file did).
    return Md("\n\n".join([filled, *rest, *([] if ends_in_paragraph(rest[-1]) else [""])]))


@functools.lru_cache(maxsize=4096)
def _date(value: dt.date, form: str, locale: Locale) -> str:
    if form == "month_day":
        return format_skeleton("MMMMd", value, locale=locale)
    if form == "iso":
        return value.isoformat()
    return format_date(value, format=DATE_FORMS.get(form, "long"), locale=locale)


def known(lang: str) -> bool:
    """Return whether Babel knows ``lang`` or, for a regional form it lacks, its base language."""
    try:
        _locale(lang)
    except MinutesError:
        return False
    return True


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        try:
            return Locale.parse(lang.split("-")[0])
        except (ValueError, UnknownLocaleError):
            raise MinutesError(f"unknown language {lang!r}; use a code like en, ru, zh or de") from None


class _Parser(PoFileParser):
    """Babel's .po parser, keeping the lines it skips instead of printing them on stdout."""

    def __init__(self, catalog: PoCatalog) -> None:
        super().__init__(catalog)
        self.skipped: list[int] = []

    def _invalid_pofile(self, line: str, lineno: int, msg: str) -> None:
        self.skipped.append(lineno + 1)


def read_catalog(path: Path, data: bytes | None = None) -> dict[tuple[str | None, str], str]:
    """Return the translated messages of the .po file at ``path`` (or of its ``data``); lines Babel skips are one warning on stderr."""
    try:
        if data is None:
            data = path.read_bytes()
        po = PoCatalog()
        parser = _Parser(po)
        parser.parse(io.BytesIO(data))
    except OSError as exc:
        raise MinutesError(f"{path}: cannot read: {exc.strerror}") from None
    except Exception as exc:  # Babel raises several kinds on a malformed file
        raise MinutesError(f"{path}: not a valid .po catalog: {exc}") from None
    if parser.skipped:
        lines = ", ".join(map(str, parser.skipped[:5])) + (", ..." if len(parser.skipped) > 5 else "")
        print(f"minutes: warning: {path}: skipped {len(parser.skipped)} line(s) that are not valid .po (line {lines})",
              file=sys.stderr)
    return {(m.context, m.id): m.string for m in po if m.id and isinstance(m.id, str) and m.string}


@functools.lru_cache(maxsize=64)
def catalog(lang: str, folders: tuple[Path, ...] = ()) -> Catalog:
    """Return the catalog for ``lang``: the shipped one, overridden by ``i18n/LANG.po`` in ``folders``.

    A catalog is read only from a regular file inside its folder: a symlink leading out is refused.
    """
    messages: dict[tuple[str | None, str], str] = {}
    for folder in (templates_dir(), *map(own_folder, folders)):
        for code in dict.fromkeys((lang.split("-")[0], lang)):
            found = read_inside(folder, f"i18n/{code}.po")
            if found is not None:
                messages.update(read_catalog(found[1], found[0]))
    return Catalog(lang, _locale(lang), messages)


def languages() -> list[str]:
    """Return the languages that ship with a catalog."""
    return sorted(p.stem for p in (templates_dir() / "i18n").glob("*.po"))
