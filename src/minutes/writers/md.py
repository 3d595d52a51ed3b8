"""Markdown writer: the document as CommonMark with GFM tables and optional YAML front matter."""

from __future__ import annotations

import re

import yaml

from minutes.document.tree import (
    BulletList, Document, Heading, Image, Inlines, NumberedList, PageBreak, Paragraph, Rule, Table, Text,
)
from minutes.writers import WriteOptions

_INLINE = re.compile(r"([\\`*\[\]<|]|&(?=#?\w+;)|!(?=\[))")
_UNDERSCORES = re.compile(r"_+")
_CLOSING = re.compile(r"(^|[ \t])(#+[ \t]*)\Z")  # would close a heading
_BLOCK_START = re.compile(r"^([ \t]*)([-+=>#~]|\d{1,9}(?=[.)]))", re.MULTILINE)


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


def inlines(runs: Inlines, block: bool = True) -> str:
    """Return the Markdown of a run of inlines (hard breaks as backslash-newline)."""
    parts = []
    at_start = block
    for run in runs:
        text = escape(run.text, at_start) if run.href is None else link(run.text, run.href)
        if "\n" in text:
            text = text.replace("\n", "\\\n")
        at_start = block and run.text.endswith("\n")
        parts.append(_marked(text, run) if run.bold or run.italic else text)
    return "".join(parts)


def _marked(text: str, run: Text) -> str:
    """Return escaped ``text`` in the marks of ``run``'s format, with its outer spaces outside them."""
    if not text.strip():
        return text
    core = text.strip(" ")
    pad_l, pad_r = text[: len(text) - len(text.lstrip(" "))], text[len(text.rstrip(" ")):]
    mark = ("**" if run.bold else "") + ("*" if run.italic else "")
    return f"{pad_l}{mark}{core}{mark[::-1]}{pad_r}"


def _cell(runs: Inlines) -> str:
    return inlines(runs, block=False).replace("\\\n", " ").replace("\n", " ").strip() or " "


def _row(cells: list[Inlines]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def blocks(doc: Document, skip_title: bool = False) -> list[str]:
    """Return the Markdown of each block."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            # A Word style other than Quote (Subtitle, Caption) has no Markdown: the paragraph is plain.
            text = inlines(block.inlines)
            # Every line of a quote carries its mark, so no reader takes a broken line for a lazy continuation.
            out.append("> " + text.replace("\n", "\n> ") if block.style == "Quote" else text)
        elif isinstance(block, Heading):
            if skip_title and block.level == 1 and not out:
                continue
            out.append("#" * block.level + " " + inlines(block.inlines, block=False))
        elif isinstance(block, BulletList):
            out.append("\n".join("- " + inlines(item) for item in block.items))
        elif isinstance(block, NumberedList):
            out.append("\n".join(f"{n}. " + inlines(item) for n, item in enumerate(block.items, block.start)))
        elif isinstance(block, Table):
            sep = "|" + "|".join("---" for _ in block.header) + "|"
            out.append("\n".join([_row(block.header), sep, *(_row(r) for r in block.rows)]))
        elif isinstance(block, Image):
            alt = inlines(block.caption, block=False).replace("\\\n", " ")
            out.append(f"![{alt}](<{target(block.path)}>)")
        elif isinstance(block, Rule):
            out.append("---")
        elif isinstance(block, PageBreak):
            out.append("<!-- pagebreak -->")
    return out


def front_matter(doc: Document, flavour: str) -> str:
    """Return a YAML front matter block for Hugo, Jekyll or pandoc."""
    m = doc.meta
    data: dict = {"title": m.title, "date": m.date}
    if flavour == "pandoc":
        data.update(author=m.author or None, lang=m.lang, keywords=m.tags or None)
    else:
        data.update(tags=m.tags or None, categories=m.categories or None, lang=m.lang)
        if flavour == "hugo":
            data["translationKey"] = m.key or None
    data = {k: v for k, v in data.items() if v not in (None, "")}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n\n"


_SHORTCODE = re.compile(r"\{\{(?=\s*[<%])")


def _no_shortcodes(text: str) -> str:
    """Return ``text`` with Hugo's shortcode openers ``{{<`` and ``{{%`` written so that Hugo runs none.

    The second brace becomes the character reference ``&#123;``: Markdown readers show "{{<" as typed,
    while Hugo, which looks for shortcodes before it reads the Markdown, sees no opener.
    """
    return _SHORTCODE.sub("{&#123;", text) if "{{" in text else text


def write(doc: Document, options: WriteOptions) -> bytes:
    """Return the document as UTF-8 CommonMark."""
    parts = blocks(doc, skip_title=bool(options.front_matter))
    if doc.meta.footer:  # what Word prints in the page footer ("DATE · HASH") ends the Markdown
        parts.append(inlines([Text(doc.meta.footer, italic=True)]))
    parts = parts or [""]
    if options.front_matter == "hugo":
        parts = [_no_shortcodes(part) for part in parts]
    # The front matter and the final newline join the first and last pieces, not a copy of the whole text.
    parts[0] = (front_matter(doc, options.front_matter) if options.front_matter else "") + parts[0]
    parts[-1] += "\n"
    return "\n\n".join(parts).encode("utf-8")
