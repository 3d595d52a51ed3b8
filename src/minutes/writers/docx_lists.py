"""Word lists nested in levels, code in a monospace style, and quotes that hold more than paragraphs."""

from __future__ import annotations

import re

from minutes.document.tree import BlockQuote, BulletList, CodeBlock, NumberedList, Paragraph, Text

BULLETS = ("\u2022", "\u25e6", "\u25aa")
CODE_PARAGRAPH, CODE_CHARACTER = "Source Code", "Verbatim Char"
_ABSTRACT = re.compile(r'<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"')


def abstract_xml(abstract: int, bullet: bool) -> str:
    """Return a nine-level list definition: bullets, or decimal numbers, each level indented further."""
    step = 360 if bullet else 540
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{"bullet" if bullet else "decimal"}"/>'
        f'<w:lvlText w:val="{BULLETS[n % 3] if bullet else f"%{n + 1}."}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{step * (n + 1)}" w:hanging="{step}"/></w:pPr></w:lvl>' for n in range(9))
    return f'<w:abstractNum w:abstractNumId="{abstract}"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'


def insert_abstracts(numbering: str, abstracts: list[str]) -> str:
    """Return the numbering part with ``abstracts`` before its first w:num (the schema's order)."""
    m = re.search(r"<w:num\b(?!Id)", numbering)
    at = m.start() if m else numbering.rfind("</w:numbering>")
    return numbering[:at] + "".join(abstracts) + numbering[at:]


class Levels:
    """Lists of a Word document nested in levels, each list a numbering instance of its own."""

    def __init__(self, writer):
        self.w = writer
        self.abstracts: dict[bool, int] = {}  # bullet? -> abstractNumId added here
        self.xml: list[str] = []

    def abstract(self, bullet: bool) -> int:
        """Return the id of this document's list definition for bullets or numbers, added on first use."""
        if bullet not in self.abstracts:
            ref = self.w.ref
            used = {int(a) for a in _ABSTRACT.findall(ref.text.get(ref.numbering) or "")} | set(self.abstracts.values())
            new = next(n for n in range(len(used) + 1) if n not in used)
            self.abstracts[bullet] = new
            self.xml.append(abstract_xml(new, bullet))
        return self.abstracts[bullet]

    def num(self, bullet: bool, level: int, start: int) -> str:
        """Return a new numbering instance whose ``level`` starts at ``start``."""
        nums = self.w.nums
        new = self.w.new_num_id()
        nums[new] = (f'<w:num w:numId="{new}"><w:abstractNumId w:val="{self.abstract(bullet)}"/>'
                     f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>')
        return str(new)

    def items(self, block: BulletList | NumberedList, level: int = 0) -> list[str]:
        """Return the paragraphs of a list and of the blocks under its items, an item's level as w:ilvl."""
        bullet = isinstance(block, BulletList)
        style = "List Bullet" if bullet else "List Number"
        start = 1 if bullet else block.start
        num = self.num(bullet, level, start) if self.w.ref.numbering else None
        out = []
        for k, item in enumerate(block.items):
            if num:
                ppr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
                out.append(self.w.para(style, item, ppr=ppr))
            else:
                mark = BULLETS[level % 3] + " " if bullet else f"{start + k}. "
                out.append(self.w.para(style, item, prefix=mark, ppr=f'<w:ind w:left="{360 * (level + 1)}"/>'))
            for sub in block.nested[k] if block.nested else ():
                out.extend(self.items(sub, level + 1) if isinstance(sub, (BulletList, NumberedList))
                           else self.w.block(sub))
        return out


def code_xml(writer, block: CodeBlock) -> str:
    """Return a code block as one paragraph in the monospace paragraph style, its lines kept."""
    return writer.para(CODE_PARAGRAPH, [Text(block.text)] if block.text else [])


def quote_xml(writer, block: BlockQuote) -> list[str]:
    """Return a quote's blocks, its paragraphs in the Quote style."""
    out = []
    for inner in block.blocks:
        if isinstance(inner, Paragraph) and inner.style is None:
            inner = Paragraph(inner.inlines, "Quote")
        out.extend(writer.block(inner))
    return out
