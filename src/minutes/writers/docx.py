"""Word writer: the document in Word's named styles, poured into a reference .docx in one pass."""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from minutes.document import (
    CJK, BulletList, Document, Heading, Image, Inlines, NumberedList, PageBreak, Paragraph, Rule, Table, clean,
)
from minutes.errors import MinutesError
from minutes.writers import WriteOptions

HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}
STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number",
          "Caption", "Quote", "Table Grid")
CJK_FONT = "SimSun"
CS_FONT = "Arial"
REGIONS = {"en": "en-US", "ru": "ru-RU", "zh": "zh-CN", "de": "de-DE", "ja": "ja-JP", "ko": "ko-KR"}

W_VAL, W_RFONTS = qn("w:val"), qn("w:rFonts")
EMU_PER_TWIP = 635
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CJK_RPR = f'<w:rFonts w:eastAsia="{CJK_FONT}" w:hint="eastAsia"/>'


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run_xml(text: str, bold: bool, italic: bool, upright: bool = False) -> str:
    """Return the XML of one run: line breaks as w:br, CJK text in the East Asian font (cleaned later).

    ``upright`` keeps CJK text out of italics, even in an italic style (Subtitle, Caption, Quote):
    Chinese, Japanese and Korean are not slanted for emphasis.
    """
    if not text:
        return ""
    cjk = CJK.search(text) is not None
    upright = upright and cjk
    slant = '<w:i w:val="0"/><w:iCs w:val="0"/>' if upright else "<w:i/>" if italic else ""
    rpr = ""
    if bold or slant or cjk:
        rpr = "<w:rPr>" + (_CJK_RPR if cjk else "") + ("<w:b/>" if bold else "") + slant + "</w:rPr>"
    if "\n" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{_xml(text)}</w:t></w:r>'
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{_xml(part)}</w:t>' if part else "" for part in text.split("\n"))
    return f"<w:r>{rpr}{body}</w:r>"


def _width(text: str) -> int:
    """Return the width of ``text`` in Latin characters: a Chinese, Japanese or Korean one counts twice."""
    return len(text) + len(CJK.findall(text)) if CJK.search(text) else len(text)


@functools.lru_cache(maxsize=8)
def _reference_bytes(path: str, mtime_ns: int, size: int) -> bytes:
    return Path(path).read_bytes()


def open_reference(path: Path | None) -> docx.document.Document:
    """Return a fresh document made from the reference .docx (read once per process), or the default."""
    if path is None:
        return docx.Document()
    if path.suffix.lower() in (".dotx", ".dotm"):
        raise MinutesError(
            f"{path}: is a Word template ({path.suffix}); open it in Word and save it as a Word document "
            "(.docx), then pass that file as the reference document"
        )
    try:
        st = path.stat()
        data = _reference_bytes(str(path.resolve()), st.st_mtime_ns, st.st_size)
    except OSError as exc:
        raise MinutesError(f"{path}: cannot read the reference document: {exc.strerror}") from None
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "template" in str(exc):
            raise MinutesError(f"{path}: is a Word template, not a document; save it as .docx and try again") from None
        raise MinutesError(f"{path}: is not a Word document: {exc}") from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError) as exc:
        raise MinutesError(f"{path}: is not a Word .docx document ({type(exc).__name__})") from None


def _add_style(doc: docx.document.Document, name: str):
    """Add a plain version of a missing built-in style."""
    if name == "Table Grid":
        style = doc.styles.add_style(name, WD_STYLE_TYPE.TABLE)
        tbl_pr = style.element.get_or_add_tblPr() if hasattr(style.element, "get_or_add_tblPr") else None
        if tbl_pr is None:
            tbl_pr = etree.SubElement(style.element, qn("w:tblPr"))
        borders = etree.SubElement(tbl_pr, qn("w:tblBorders"))
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            etree.SubElement(borders, qn(f"w:{side}"), {qn("w:val"): "single", qn("w:sz"): "4", qn("w:space"): "0",
                                                         qn("w:color"): "auto"})
        return style
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    font, fmt = style.font, style.paragraph_format
    sizes = {"Title": 24, "Subtitle": 14, "Heading 1": 16, "Heading 2": 13, "Heading 3": 12, "Caption": 9}
    if name in sizes:
        font.size = Pt(sizes[name])
    font.bold = name in ("Title", "Heading 1", "Heading 2", "Heading 3") or None
    font.italic = name in ("Subtitle", "Caption", "Quote") or None
    if name.startswith("Heading") or name == "Title":
        fmt.keep_with_next = True
        fmt.space_before = Pt(12)
    if name.startswith("List") or name == "Quote":
        fmt.left_indent = Pt(18)
    return style


class Writer:
    """Pour one document into one reference .docx."""

    def __init__(self, doc: Document, options: WriteOptions):
        self.doc = doc
        self.options = options
        self.word = open_reference(options.reference_doc)
        self.body = self.word.element.body
        self.sect = self.body.find(qn("w:sectPr"))
        self.style_ids: dict[str, str] = {}
        self.numbered: dict[str, str | None] = {}
        self.width = self._text_width()
        self.upright = doc.meta.lang.split("-")[0] in ("zh", "ja", "ko")

    def warn(self, message: str) -> None:
        self.options.warnings.append(message)

    def _text_width(self) -> int:
        """Return the width between the margins, in twips."""
        try:
            sec = self.word.sections[-1]
            return int((sec.page_width - sec.left_margin - sec.right_margin) / EMU_PER_TWIP)
        except (TypeError, IndexError):
            return 9000

    def prepare(self) -> None:
        """Empty the body, make sure every style exists, and set the fonts for CJK and complex scripts."""
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        ref = self.options.reference_doc.name if self.options.reference_doc else "the default template"
        for name in STYLES:
            try:
                style = self.word.styles[name]
            except KeyError:
                style = _add_style(self.word, name)
                self.warn(f"{ref} has no '{name}' style; a plain one was added")
            self.style_ids[name] = style.style_id
            if name.startswith("List"):
                self.numbered[name] = self._num_id(style)
        self._fonts()

    def _num_id(self, style) -> str | None:
        """Return the numbering id a list style carries, following its base styles."""
        while style is not None:
            found = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
            if found:
                return found[0]
            style = style.base_style
        return None

    def _fonts(self) -> None:
        normal = self.word.styles["Normal"].element
        rpr = normal.get_or_add_rPr()
        fonts = rpr.find(W_RFONTS)
        if fonts is None:
            fonts = etree.SubElement(rpr, W_RFONTS)
            rpr.remove(fonts)
            rpr.insert(0, fonts)
        if fonts.get(qn("w:eastAsia")) is None:
            fonts.set(qn("w:eastAsia"), CJK_FONT)
        if fonts.get(qn("w:cs")) is None:
            fonts.set(qn("w:cs"), CS_FONT)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = etree.SubElement(rpr, qn("w:lang"))
        code = self.doc.meta.lang
        region = code if "-" in code else REGIONS.get(code, code)
        asian = code.split("-")[0] in ("zh", "ja", "ko")
        lang.set(W_VAL, "en-US" if asian else region)
        lang.set(qn("w:eastAsia"), region if asian else "zh-CN")

    # --- blocks, written as XML text and parsed once ------------------------------------------

    def para(self, style: str | None, runs: Inlines, prefix: str = "", bold: bool = False, ppr: str = "") -> str:
        """Return the XML of one paragraph."""
        if style and style != "Normal":
            ppr = f'<w:pStyle w:val="{self.style_id(style)}"/>' + ppr
        head = f"<w:p><w:pPr>{ppr}</w:pPr>" if ppr else "<w:p>"
        body = run_xml(prefix, False, False) if prefix else ""
        up = self.upright
        return head + body + "".join(run_xml(r.text, r.bold or bold, r.italic, up) for r in runs) + "</w:p>"

    def style_id(self, name: str) -> str:
        if name not in self.style_ids:
            try:
                self.style_ids[name] = self.word.styles[name].style_id
            except KeyError:
                self.warn(f"there is no '{name}' style; Normal was used")
                self.style_ids[name] = self.style_ids["Normal"]
        return self.style_ids[name]

    def numbered_list(self, block: NumberedList) -> list[str]:
        num = self.numbered.get("List Number")
        if num is None:
            return [self.para("List Number", item, prefix=f"{n}. ") for n, item in enumerate(block.items, block.start)]
        numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{self._restart(num, block.start)}"/></w:numPr>'
        return [self.para("List Number", item, ppr=numpr) for item in block.items]

    def _restart(self, num_id: str, start: int) -> str:
        """Return a numbering instance of the same list definition that starts at ``start``."""
        numbering = self.word.part.numbering_part.element
        found = numbering.xpath(f"./w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val")
        if not found:
            return num_id
        num = numbering.add_num(int(found[0]))
        override = etree.SubElement(num, qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
        etree.SubElement(override, qn("w:startOverride"), {W_VAL: str(start)})
        return str(num.numId)

    def table(self, block: Table) -> list[str]:
        ncols = max([len(block.header)] + [len(r) for r in block.rows])
        widths = self._widths(block, ncols)
        out = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style_id("Table Grid")}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        ]
        cells = [f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
                 '<w:spacing w:before="40" w:after="40"/></w:pPr>' for w in widths]
        for r, row in enumerate([block.header, *block.rows]):
            out.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" if r == 0 else "<w:tr>")
            for c in range(ncols):
                runs = row[c] if c < len(row) else ()
                out.append(cells[c] + "".join(run_xml(x.text, x.bold or r == 0, x.italic) for x in runs))
                out.append("</w:p></w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl><w:p/>")
        return ["".join(out)]

    def _widths(self, block: Table, ncols: int) -> list[int]:
        """Share the text width: every column fits its longest word, the rest goes by amount of text."""
        char, pad = 140, 280
        least, want = [pad + 3 * char] * ncols, [pad + 3 * char] * ncols
        for row in [block.header, *block.rows]:
            for c, cell in enumerate(row[:ncols]):
                text = "".join(r.text for r in cell)
                word = max(map(_width, text.split()), default=0)
                least[c] = max(least[c], pad + min(word, 20) * (char + 30))
                want[c] = max(want[c], pad + min(_width(text), 60) * char)
        if sum(least) >= self.width:
            return [self.width * n // sum(least) for n in least]
        if sum(want) <= self.width:
            spare = self.width - sum(want)
            return [w + spare * w // sum(want) for w in want]
        spare, extra = self.width - sum(least), [w - n for w, n in zip(want, least)]
        return [n + spare * e // max(sum(extra), 1) for n, e in zip(least, extra)]

    def image(self, block: Image) -> list[str]:
        out = []
        path = self._image_path(block.path)
        if path is not None:
            try:
                inline = self.word.part.new_pic_inline(str(path), None, None)
            except Exception as exc:  # python-docx raises several kinds for unreadable images
                self.warn(f"{block.path}: not embedded: {type(exc).__name__}: {exc}")
            else:
                limit = self.width * EMU_PER_TWIP
                if inline.extent.cx > limit:
                    cy = int(inline.extent.cy * limit / inline.extent.cx)
                    inline.extent.cx, inline.extent.cy = limit, cy
                    for ext in inline.xpath(".//pic:spPr/a:xfrm/a:ext"):
                        ext.set("cx", str(limit))
                        ext.set("cy", str(cy))
                drawing = etree.tostring(inline, encoding="unicode")
                out.append(f"<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing>{drawing}</w:drawing></w:r></w:p>")
        if block.caption:
            out.append(self.para("Caption", block.caption))
        return out

    def _image_path(self, name: str) -> Path | None:
        """Return the file of an attached picture, if it is inside the session folder (or allowed)."""
        allowed = {p.resolve() for p in self.options.allow}
        base = self.options.base_dir.resolve() if self.options.base_dir else None
        raw = Path(name)
        candidate = (raw if raw.is_absolute() or base is None else base / raw).resolve()
        if candidate not in allowed and (base is None or raw.is_absolute() or not candidate.is_relative_to(base)):
            self.warn(f"{name}: not embedded: pictures must be inside the session's folder")
            return None
        if not candidate.is_file():
            self.warn(f"{name}: not embedded: no such file")
            return None
        return candidate

    def block(self, block) -> list[str]:
        """Return the XML of one block."""
        if isinstance(block, Paragraph):
            return [self.para(block.style, block.inlines)]
        if isinstance(block, Heading):
            return [self.para(HEADING_STYLES.get(block.level, "Heading 3"), block.inlines)]
        if isinstance(block, BulletList):
            prefix = "" if self.numbered.get("List Bullet") else "• "
            return [self.para("List Bullet", item, prefix=prefix) for item in block.items]
        if isinstance(block, NumberedList):
            return self.numbered_list(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Image):
            return self.image(block)
        if isinstance(block, Rule):
            return ['<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/>'
                    "</w:pBdr></w:pPr></w:p>"]
        if isinstance(block, PageBreak):
            return ['<w:p><w:r><w:br w:type="page"/></w:r></w:p>']
        return []

    def blocks(self) -> None:
        """Re-parse the document part once, with the XML of every block before the section properties."""
        blocks = self.doc.blocks
        last = max((i for i, b in enumerate(blocks) if isinstance(b, Heading)), default=-1)
        tail = blocks[last + 1:]
        # A short closing section (the signatures, the boilerplate) stays on one page with its heading.
        together = 0 < last and 0 < len(tail) <= 8 and all(isinstance(b, Paragraph) for b in tail)
        xml = []
        for i, block in enumerate(blocks):
            if together and i > last and i < len(blocks) - 1:
                xml.append(self.para(block.style, block.inlines, ppr="<w:keepNext/><w:keepLines/>"))
            else:
                xml.extend(self.block(block))
        parts = clean("".join(xml))
        root = self.word.element
        text = etree.tostring(root, encoding="unicode")
        at = text.rfind("<w:sectPr")
        if at < 0:
            at = text.rfind("</w:body>")
            if at < 0:
                text, at = text.replace("<w:body/>", "<w:body></w:body>"), text.find("<w:body/>") + len("<w:body>")
        new = parse_xml(text[:at] + parts + text[at:])
        part = self.word.part
        part._element = new
        self.word = DocxDocument(new, part)
        self.body = new.body
        self.sect = self.body.find(qn("w:sectPr"))

    def footer(self) -> None:
        """Put "Page N · DATE · HASH" (N a PAGE field) in the footer.

        A reference document whose footer already has a page number keeps it; the date and hash of
        the minutes then go in a paragraph of their own below it.
        """
        extra = self.doc.meta.footer
        for section in self.word.sections:
            footer = section.footer
            root = footer._element
            has_page = bool(root.xpath(".//w:fldSimple[contains(@w:instr,'PAGE')] | .//w:instrText[contains(.,'PAGE')]"))
            if has_page and not extra:
                continue
            paras = footer.paragraphs
            p = paras[0] if paras and not paras[0].text.strip() and not has_page else footer.add_paragraph()
            try:
                p.style = self.word.styles["Footer"]
            except KeyError:
                pass
            p.alignment = 1  # centred
            if has_page:
                xml = run_xml(extra, False, False)
            else:
                before, _, after = self.doc.meta.page_label.partition("{page}")
                after += f" · {extra}" if extra else ""
                xml = (run_xml(before, False, False)
                       + f'<w:fldSimple w:instr=" PAGE ">{run_xml("1", False, False)}</w:fldSimple>'
                       + run_xml(after, False, False))
            for child in etree.fromstring(clean(f'<w:p xmlns:w="{W_NS}">{xml}</w:p>')):
                p._p.append(child)

    def properties(self) -> None:
        meta, props = self.doc.meta, self.word.core_properties
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
        props.title = clean(meta.title)[:255]
        props.author = clean(meta.author)[:255]
        props.last_modified_by = props.author
        props.created = props.modified = now
        props.language = meta.lang
        props.subject = meta.kind
        props.keywords = clean(", ".join(meta.tags))[:255]
        props.category = clean(", ".join(meta.categories))[:255]
        props.revision = 1

    def write(self) -> bytes:
        self.prepare()
        self.blocks()
        self.footer()
        self.properties()
        out = io.BytesIO()
        self.word.save(out)
        return out.getvalue()


def write(doc: Document, options: WriteOptions) -> bytes:
    """Return the document as a .docx built on ``options.reference_doc`` (or Word's defaults)."""
    return Writer(doc, options).write()
