"""Markdown writer: the document as CommonMark with GFM tables and optional YAML front matter."""

from __future__ import annotations

import re

import yaml

from minutes.document.tree import (
    BlockQuote, BulletList, CodeBlock, Document, Heading, Image, Inlines, NumberedList, PageBreak, Paragraph, Rule,
    Table, Text,
)
from minutes.markdown.escape import escape, link, target
from minutes.writers import WriteOptions


def inlines(runs: Inlines, block: bool = True) -> str:
    """Return the Markdown of a run of inlines (hard breaks as backslash-newline)."""
    parts = []
    at_start = block
    for run in runs:
        if run.code:
            text = _code(run.text) if run.href is None else f"[{_code(run.text)}](<{target(run.href)}>)"
        else:
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


def _code(text: str) -> str:
    """Return ``text`` as an inline code span, its fence longer than any run of backticks in it."""
    ticks = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text[:1] in "` " and text[-1:] in "` " and text.strip(" ") or text[:1] == "`" or text[-1:] == "`" else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _fence(block: CodeBlock) -> str:
    """Return a code block fenced by more backticks than any line of it starts with."""
    ticks = "`" * max(3, max(map(len, re.findall(r"(?m)^ *(`+)", block.text)), default=0) + 1)
    return f"{ticks}{block.lang}\n{block.text}\n{ticks}" if block.text else f"{ticks}{block.lang}\n{ticks}"


def _indent(text: str, pad: str, first: str) -> str:
    """Return ``text`` with ``first`` before its first line and ``pad`` before the others (none on blank ones)."""
    lines = text.split("\n")
    return "\n".join([first + lines[0], *(pad + line if line else line.rstrip() for line in lines[1:])])


def _list(block: BulletList | NumberedList) -> str:
    """Return a list, the blocks under each item indented to its text."""
    out = []
    for k, item in enumerate(block.items):
        mark = "- " if isinstance(block, BulletList) else f"{block.start + k}. "
        text = mark + inlines(item)
        for sub in block.nested[k] if block.nested else ():
            text += "\n" + _indent(_block(sub), " " * len(mark), " " * len(mark))
        out.append(text)
    return "\n".join(out)


def _block(block) -> str:
    """Return the Markdown of a block that may stand inside a list item or a quote."""
    return "\n\n".join(blocks(Document(blocks=[block])))


def _cell(runs: Inlines) -> str:
    return inlines(runs, block=False).replace("\\\n", " ").replace("\n", " ").strip() or " "


def _row(cells: list[Inlines]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


_ALIGN_MARKS = {"": "---", "left": ":---", "center": ":---:", "right": "---:"}


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
        elif isinstance(block, (BulletList, NumberedList)) and block.nested:
            out.append(_list(block))
        elif isinstance(block, BulletList):
            out.append("\n".join("- " + inlines(item) for item in block.items))
        elif isinstance(block, NumberedList):
            out.append("\n".join(f"{n}. " + inlines(item) for n, item in enumerate(block.items, block.start)))
        elif isinstance(block, CodeBlock):
            out.append(_fence(block))
        elif isinstance(block, BlockQuote):
            out.append(_indent("\n\n".join(blocks(Document(blocks=block.blocks))), "> ", "> ").replace("\n\n", "\n>\n"))
        elif isinstance(block, Table):
            sep = "|" + "|".join(_ALIGN_MARKS[a] for a in (block.align or [""] * len(block.header))) + "|"
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
