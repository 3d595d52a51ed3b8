"""Markdown escaping: text written so that CommonMark reads it back literally, URLs in it as links."""

from __future__ import annotations

import re

from markupsafe import Markup

_INLINE = re.compile(r"([\\`*\[\]<|]|&(?=#?\w+;)|!(?=\[))")
_UNDERSCORES = re.compile(r"_+")
_CLOSING = re.compile(r"(^|[ \t])(#+[ \t]*)\Z")  # would close a heading
# What may start a block at a line's start; digits only before the "." or ")" of a list item's marker (a space,
# a tab or the line's end after it): "1.1" or "3.5 million" start none.
_BLOCK_START = re.compile(r"^([ \t]*)([-+=>#~]|\d{1,9}(?=[.)](?:[ \t]|$)))", re.MULTILINE)


_PLAIN = re.compile(r"[\\`*\[\]<|&!_\n]")
_START = frozenset("-+=>#~0123456789 \t")

# A bare URL in data text (http, https or mailto, not glued to a word before it) ends before a
# character no URL holds (a space, "<", "|", "[", a quote, CJK) and before the punctuation that ends a
# sentence ("." "," ":" ";" "!" "?" "'" "*"); a ")" is its own only when it closes a "(" in it.
_NOT_CJK = r"(?![\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f])[^\x00-\x7f\W]"
_URL_CHAR = rf"[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]|{_NOT_CJK}"
_PARENS = rf"\((?:{_URL_CHAR})*\)"
_URL_END = rf"[A-Za-z0-9\-_~/#@$&+=%]|{_NOT_CJK}|{_PARENS}"
URL = re.compile(rf"(?<![A-Za-z0-9])(?i:https?://|mailto:)(?:{_URL_CHAR}|{_PARENS})*(?:{_URL_END})")
# Escaping text that holds a URL: the URL, a character to escape, or a run of underscores, in one pass.
# (A "!" before a URL is escaped too: the URL may be written "[text](<URL>)", a picture's syntax after "!".)
_LINKED = re.compile(rf"(?P<url>{URL.pattern})|(?P<under>_+)|{_INLINE.pattern}|!(?=(?i:https?://|mailto:))")
# What a link's or picture's target needs escaped inside "(<...>)", where escapes and entities are
# read, and "|" (a table's cells are split at it first).
_TARGET = re.compile(r"[\\<>|]|&(?=#?\w+;)")
# A URL that markdown-it reads back as itself, both its target and its text, when written as <URL>:
# http, https or mailto, no percent escape (the text would show it decoded) and no punycode host.
_AUTOLINK = re.compile(r"(?i:https?://|mailto:)[^\s<>%]+")


def escape(text: str, block: bool = True, links: bool = True) -> str:
    """Return ``text`` escaped so that CommonMark reads it back literally, a URL in it as a link to it."""
    if links and ":" in text and URL.search(text):
        return _escape_linked(text, block)
    if not _PLAIN.search(text) and "#" not in text:  # one line with nothing to escape in it, e.g. "Ana Weber"
        if not block or text[:1] not in _START or not _BLOCK_START.match(text):
            return text
        return _BLOCK_START.sub(_escape_start, text, count=1)
    return _escape_text(text, block)


def escape_all(text: str, block: bool = True, links: bool = True) -> str:
    """Return ``text`` escaped, every rule applied (``escape`` skips those that cannot apply)."""
    if links and URL.search(text):
        return _escape_linked(text, block)
    return _escape_text(text, block)


def _escape_text(text: str, block: bool) -> str:
    """Return ``text`` escaped, no URL in it made a link."""
    text = _INLINE.sub(r"\\\1", text)
    if "_" in text:
        text = _UNDERSCORES.sub(_escape_underscores, text)
    return _escape_ends(text, block)


def _escape_ends(text: str, block: bool) -> str:
    """Return ``text`` with what only its end or a line's start can mean escaped (closing #s, block marks)."""
    if "#" in text:
        text = _CLOSING.sub(r"\1\\\2", text)
    return _BLOCK_START.sub(_escape_start, text) if block else text


def _escape_linked(text: str, block: bool) -> str:
    """Return ``text`` escaped, with each URL in it written as a link to it."""
    def one(match: re.Match) -> str:
        if match.group("url"):
            return link(match.group(), match.group())
        if match.group("under"):
            return _escape_underscores(match)
        return "\\" + match.group()

    return _escape_ends(_LINKED.sub(one, text), block)


def link(text: str, href: str) -> str:
    """Return ``text`` linked to ``href``: ``<URL>`` if it reads back alike, else ``[text](<URL>)``."""
    if text == href and _AUTOLINK.fullmatch(href) and "xn--" not in href.lower():
        return f"<{href}>"
    label = _escape_text(text, block=False).replace("\n", "\\\n")
    return f"[{label}](<{target(href)}>)"


def target(href: str) -> str:
    """Return ``href`` escaped to stand between the angle brackets of ``[text](<URL>)`` or ``![text](<path>)``."""
    return _TARGET.sub(r"\\\g<0>", href)


def _escape_underscores(match: re.Match) -> str:
    """Keep a run of underscores between spaces on a line with other text (a form line); escape the rest."""
    text, start, end = match.string, match.start(), match.end()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) % (len(text) + 1)
    spaced = start > line_start and text[start - 1] == " " and (end == len(text) or text[end] in " \n")
    if spaced and text[line_start:line_end].replace("_", "").strip(" \\"):
        return match.group()
    return match.group().replace("_", "\\_")


def _escape_start(match: re.Match) -> str:
    lead, mark = match.groups()
    return f"{lead}{mark}\\" if mark[0].isdigit() else f"{lead}\\{mark}"


def escape_after(text: str) -> str:
    """Return ``text`` escaped as ``escape`` does, for a place after other text on its line (its start is no block start)."""
    return escape("\0" + text)[1:]


class Md(Markup):
    """Markdown source printed as is: what is joined to it (``+``, ``join``, ``format``, ``%``) is escaped first."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: object) -> Md:
        """Return ``s`` as Markdown: itself if it is already (``Md`` or a template's ``Markup``), else escaped."""
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(escape_after("" if s is None else str(s)))

    def __radd__(self, value: object) -> Md:
        """Return ``value + self``, a plain ``value`` escaped as the start of a printed text."""
        if hasattr(value, "__html__") or not isinstance(value, str):
            return super().__radd__(value)
        return Md(escape(value) + str(self))


def md_join(parts: list[object], separator: object = "") -> Md:
    """Return ``parts`` joined by ``separator`` as Markdown: a plain first part escaped as a text's start, the rest after text."""
    if not parts:
        return Md("")
    head = parts[0]
    first = str(head.__html__()) if hasattr(head, "__html__") else escape(str(head))
    if len(parts) == 1:
        return Md(first)
    sep = _after(separator)
    return Md(first + sep + sep.join([_after(part) for part in parts[1:]]))  # (one Md made, not one per part)


def _after(s: object) -> str:
    """Return ``s`` as Markdown placed after other text, as ``Md.escape`` does, as a plain string (``str`` + ``Md`` would escape)."""
    return str(s.__html__()) if hasattr(s, "__html__") else escape_after("" if s is None else str(s))
