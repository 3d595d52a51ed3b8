"""The one document model that every template is parsed into and every writer reads."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Union

# Characters XML 1.0 forbids (lxml raises "All strings must be XML compatible" on them).
# (Written as the few ranges left out rather than as "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]":
# the same set, but a class over most of the Basic Multilingual Plane takes 15 ms to compile.)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Han, kana, Hangul and full-width forms: text that needs an East Asian font and no spaces at line joins.
CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def clean(text: str) -> str:
    """Return ``text`` without control and other characters that XML cannot hold."""
    return _NOT_XML.sub("", text)


def is_clean(text: str) -> bool:
    """Return True when ``text`` holds no character that ``clean`` would remove."""
    return _NOT_XML.search(text) is None


@dataclass(slots=True)
class Text:
    """A run of text; a newline in it is a hard line break; ``href`` makes it a link; ``code``: inline code."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    code: bool = False


Inlines = list[Text]


@dataclass(slots=True)
class Heading:
    """A heading: level 1 is the document title, 2-4 are section levels."""

    level: int
    inlines: Inlines


@dataclass(slots=True)
class Paragraph:
    """A paragraph, optionally in a named style (Subtitle, Quote, Caption, ...)."""

    inlines: Inlines
    style: str | None = None


@dataclass(slots=True)
class BulletList:
    """A bulleted list; each item is one run of inlines; ``nested`` (empty, or one per item): blocks under it."""

    items: list[Inlines]
    nested: list[list[Block]] = field(default_factory=list)


@dataclass(slots=True)
class NumberedList:
    """A numbered list starting at ``start``; ``nested`` as in BulletList."""

    items: list[Inlines]
    start: int = 1
    nested: list[list[Block]] = field(default_factory=list)


@dataclass(slots=True)
class Table:
    """A table with one header row; each cell is one run of inlines; ``align``: "left", "center", "right" or ""."""

    header: list[Inlines]
    rows: list[list[Inlines]]
    align: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CodeBlock:
    """Fixed-width text kept as it is, line by line; ``lang`` is the fence's info word."""

    text: str
    lang: str = ""


@dataclass(slots=True)
class BlockQuote:
    """A block quote holding more than paragraphs (lists, code, tables); plain quotes are Quote paragraphs."""

    blocks: list[Block]


@dataclass(slots=True)
class Image:
    """A picture, by path relative to the session file, with a caption."""

    path: str
    caption: Inlines = field(default_factory=list)


@dataclass(slots=True)
class Rule:
    """A horizontal rule between sections."""


@dataclass(slots=True)
class PageBreak:
    """A forced page break."""


Block = Union[Heading, Paragraph, BulletList, NumberedList, Table, Image, Rule, PageBreak, CodeBlock, BlockQuote]


@dataclass(slots=True)
class Metadata:
    """What a document is about: used for front matter and Word core properties."""

    title: str = ""
    author: str = ""
    date: str = ""
    lang: str = "en"
    kind: str = ""
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    key: str = ""
    page_label: str = "Page {page}"
    hash: str = ""
    footer: str = ""
    """Text after the page number in the Word footer, and the last line in Markdown (e.g. "DATE · HASH")."""


@dataclass(slots=True)
class Document:
    """Metadata and a flat sequence of blocks."""

    meta: Metadata = field(default_factory=Metadata)
    blocks: list[Block] = field(default_factory=list)
    session: Any = None  # the validated session it was made from, for data formats (popolo)


def plain(inlines: Inlines) -> str:
    """Return the text of ``inlines`` without formatting."""
    return "".join(run.text for run in inlines)


_TYPES: dict[type, str] = {}


def block_type(block: Block) -> str:
    """Return the snake_case name of a block's type, e.g. ``bullet_list``."""
    kind = type(block)
    if kind not in _TYPES:
        _TYPES[kind] = re.sub(r"(?<!^)(?=[A-Z])", "_", kind.__name__).lower()
    return _TYPES[kind]


def _run(r: Text) -> dict:
    """Return one run as plain data; a link's also has its ``href``, inline code ``"code": true``."""
    out = {"text": r.text, "bold": r.bold, "italic": r.italic}
    if r.href is not None:
        out["href"] = r.href
    if r.code:
        out["code"] = True
    return out


def _runs(runs: Inlines) -> list[dict]:
    """Return the runs as plain data; a link's run also has its ``href``."""
    return [{"text": r.text, "bold": r.bold, "italic": r.italic} if r.href is None and not r.code
            else _run(r) for r in runs]


def block_dict(block: Block) -> dict:
    """Return one block as plain data, with its type and, for text blocks, its plain text."""
    out: dict = {"type": block_type(block)}
    if isinstance(block, (Heading, Paragraph)):
        if isinstance(block, Heading):
            out["level"] = block.level
        else:
            out["style"] = block.style
        out.update(text=plain(block.inlines), inlines=_runs(block.inlines))
    elif isinstance(block, (BulletList, NumberedList)):
        if isinstance(block, NumberedList):
            out["start"] = block.start
        out["items"] = [_runs(item) for item in block.items]
        if block.nested:
            out["nested"] = [[block_dict(b) for b in blocks] for blocks in block.nested]
    elif isinstance(block, Table):
        out.update(header=[_runs(c) for c in block.header], rows=[[_runs(c) for c in row] for row in block.rows])
        if any(block.align):
            out["align"] = block.align
    elif isinstance(block, CodeBlock):
        out.update(text=block.text, lang=block.lang)
    elif isinstance(block, BlockQuote):
        out["blocks"] = [block_dict(b) for b in block.blocks]
    elif isinstance(block, Image):
        out.update(path=block.path, caption=_runs(block.caption))
    return out


def to_dict(doc: Document) -> dict:
    """Return the document as plain data: ``{"meta": ..., "blocks": [{"type": ...}, ...]}``."""
    return {"meta": asdict(doc.meta), "blocks": [block_dict(block) for block in doc.blocks]}


def text_of(doc: Document) -> list[str]:
    """Return the plain text of every paragraph-like unit, in reading order."""
    return _text_of(doc.blocks)


def _text_of(blocks: list[Block]) -> list[str]:
    """Return the plain text of every paragraph-like unit of ``blocks``, in reading order."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, (Heading, Paragraph)):
            out.append(plain(block.inlines))
        elif isinstance(block, (BulletList, NumberedList)):
            for k, item in enumerate(block.items):
                out.append(plain(item))
                out.extend(_text_of(block.nested[k]) if block.nested else ())
        elif isinstance(block, CodeBlock):
            out.append(block.text)
        elif isinstance(block, BlockQuote):
            out.extend(_text_of(block.blocks))
        elif isinstance(block, Table):
            for row in [block.header, *block.rows]:
                out.extend(plain(cell) for cell in row)
        elif isinstance(block, Image):
            out.append(plain(block.caption))
    return out
