"""Styles and paper of a reference .docx: each style found by the names Word, LibreOffice and pandoc write.

Word writes a built-in style's name in lower case ("heading 1") with an id that may be localized
("berschrift1"); LibreOffice and pandoc write "Heading 1" with the id "Heading1". A style is found
by its name, then by its name or id in any case and spacing, then (a heading) by its outline level,
so that the user's own style is used as it is. Only a style that is truly missing is added.
"""

from __future__ import annotations

import re

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from lxml import etree

PAPERS = {"a4": (11906, 16838), "letter": (12240, 15840)}  # width and height, in twips
# Regions that use US Letter (CLDR's paperSize data); every other region uses A4.
LETTER_REGIONS = frozenset("BZ CA CL CO CR GT MX NI PA PH PR SV US VE".split())
TABLE_STYLES = ("Table Grid",)
CHARACTER_STYLES = ("Verbatim Char",)
MONOSPACE = {"Source Code": "Courier New", "Verbatim Char": "Courier New"}
_SIZES = {"Title": 24, "Subtitle": 14, "Heading 1": 16, "Heading 2": 13, "Heading 3": 12, "Caption": 9}
_HEADING = re.compile(r"Heading ([1-9])")


def fold(text: str) -> str:
    """Return a style name or id as compared here: any case, without spaces, hyphens or underscores."""
    return re.sub(r"[\s_-]+", "", text).casefold()


def kind_of(name: str) -> WD_STYLE_TYPE:
    """Return the type of the style the minutes call ``name``: a table, character or paragraph style."""
    if name in CHARACTER_STYLES:
        return WD_STYLE_TYPE.CHARACTER
    return WD_STYLE_TYPE.TABLE if name in TABLE_STYLES else WD_STYLE_TYPE.PARAGRAPH


class StyleFinder:
    """The styles of one document, found by the names and ids Word, LibreOffice and pandoc write."""

    def __init__(self, styles):
        self.styles = styles
        self.exact: dict[tuple, object] = {}
        self.folded: dict[tuple, object] = {}
        self.ids: dict[tuple, object] = {}
        self.levels: dict[tuple, object] = {}
        for style in styles:
            self.note(style)

    def note(self, style) -> None:
        """Index one style by name, folded name, folded id and outline level (the first one of each wins)."""
        kind = style.type
        if style.name:
            self.exact.setdefault((kind, style.name), style)
            self.folded.setdefault((kind, fold(style.name)), style)
        if style.style_id:
            self.ids.setdefault((kind, fold(style.style_id)), style)
        for level in style.element.xpath("./w:pPr/w:outlineLvl/@w:val")[:1]:
            self.levels.setdefault((kind, level), style)

    def find(self, name: str):
        """Return the document's style for the built-in style ``name``, or None when it has none."""
        kind = kind_of(name)
        style = (self.exact.get((kind, name)) or self.folded.get((kind, fold(name)))
                 or self.ids.get((kind, fold(name))))
        heading = _HEADING.fullmatch(name)
        if style is None and heading:
            style = self.levels.get((kind, str(int(heading.group(1)) - 1)))
        return style

    def add(self, name: str):
        """Add a plain version of the missing built-in style ``name`` (a free id, a free name); return it."""
        kind = kind_of(name)
        taken = {s.name for s in self.styles}
        label = name if name not in taken else f"{name} (minutes)"
        style = self.styles.add_style(label, kind)
        ids = {s.style_id for s in self.styles if s.element is not style.element}
        free = (f"{style.style_id}{n or ''}" for n in range(len(ids) + 2))
        style.style_id = next(i for i in free if i not in ids)
        if kind == WD_STYLE_TYPE.TABLE:
            _grid(style)
        elif kind == WD_STYLE_TYPE.CHARACTER:
            style.font.name = MONOSPACE.get(name)
        else:
            _plain(style, name, self.find("Normal") if name != "Normal" else None)
        self.note(style)
        return style


def missing_warning(label: str, names: list[str]) -> str:
    """Return the one-line warning that the reference document ``label`` lacks the styles ``names``."""
    quoted = [f"'{n}'" for n in names]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" or {quoted[-1]}"
    added = "a plain one was" if len(names) == 1 else "plain ones were"
    return f"{label} has no {listed} style; {added} added"


def _grid(style) -> None:
    """Give a table style single borders all round and between the cells."""
    tbl_pr = style.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = etree.SubElement(style.element, qn("w:tblPr"))
    borders = etree.SubElement(tbl_pr, qn("w:tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = {qn("w:val"): "single", qn("w:sz"): "4", qn("w:space"): "0", qn("w:color"): "auto"}
        etree.SubElement(borders, qn(f"w:{side}"), line)


def _plain(style, name: str, normal) -> None:
    """Give a new paragraph style the plain look of Word's built-in ``name``, based on Normal."""
    if normal is not None:
        style.base_style = normal
    font, fmt = style.font, style.paragraph_format
    if name in _SIZES:
        font.size = Pt(_SIZES[name])
    font.bold = name in ("Title", "Heading 1", "Heading 2", "Heading 3") or None
    font.italic = name in ("Subtitle", "Caption", "Quote") or None
    if name.startswith("Heading") or name == "Title":
        fmt.keep_with_next = True
        fmt.space_before = Pt(12)
    heading = _HEADING.fullmatch(name)
    if heading:
        ppr = style.element.get_or_add_pPr()
        etree.SubElement(ppr, qn("w:outlineLvl"), {qn("w:val"): str(int(heading.group(1)) - 1)})
    if name.startswith("List") or name == "Quote":
        fmt.left_indent = Pt(18)
    if name in MONOSPACE:
        font.name = MONOSPACE[name]
        fmt.space_after = Pt(0)


def paper_for(lang: str) -> str:
    """Return the usual paper for the language ``lang``: US Letter in the Americas' Letter regions, else A4.

    The region is the language code's two-letter subtag (``en-GB``, ``es-MX``); plain ``en`` means
    US English, and any other language without a region means A4.
    """
    tags = lang.replace("_", "-").split("-")
    region = next((t.upper() for t in tags[1:] if len(t) == 2 and t.isalpha()), None)
    if region is None:
        return "letter" if tags[0].lower() == "en" else "a4"
    return "letter" if region in LETTER_REGIONS else "a4"


def set_paper(word, paper: str, keep: bool = False) -> None:
    """Give the sections of ``word`` the page size ``paper``, keeping orientation and margins (``keep``: only unsized ones)."""
    width, height = PAPERS[paper]
    for section in word.sections:
        if keep and section.page_width and section.page_height:
            continue
        landscape = (section.page_width or 0) > (section.page_height or 0)
        long, short = Twips(height), Twips(width)
        section.page_width, section.page_height = (long, short) if landscape else (short, long)


ROOMY_INDENT = "540"  # twips: room for "100." before the text of a numbered item


def roomy_numbers(word) -> None:
    """Widen the number column of Word's default numbered list, which has no room for "10." (Word's defaults only)."""
    from docx.oxml.ns import nsmap, qn
    from lxml import etree

    def find(node, path: str) -> list:
        return etree._Element.xpath(node, path, namespaces={"w": nsmap["w"]})

    style = StyleFinder(word.styles).find("List Number")
    numbering = word.part.numbering_part.element
    num_ids = find(style.element, "./w:pPr/w:numPr/w:numId/@w:val") if style is not None else []
    for num in numbering.iterchildren(qn("w:num")):
        if num.get(qn("w:numId")) not in num_ids:
            continue
        abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        for level in find(numbering, f"./w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']"):
            for tab in find(level, "./w:pPr/w:tabs/w:tab[@w:val='num']"):
                tab.set(qn("w:pos"), ROOMY_INDENT)
            for ind in find(level, "./w:pPr/w:ind"):
                ind.set(qn("w:left"), ROOMY_INDENT)
                ind.set(qn("w:hanging"), ROOMY_INDENT)
