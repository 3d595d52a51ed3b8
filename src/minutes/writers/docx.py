"""Word writer: the document in Word's named styles, poured into a reference .docx in one pass.

The reference is prepared once per process and file version (python-docx opens it, adds any missing
style, gives the footers their slots) and kept as pre-compressed zip entries. Each document is then
one pass over its blocks, written as XML text straight into its compressed body part; only the parts
that differ between documents (body, core properties, footers, styles for another language, restarted
numbering, pictures) are made again.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import struct
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from lxml import etree

from minutes.document.tree import (
    CJK, BulletList, Document, Heading, Image, Inlines, NumberedList, PageBreak, Paragraph, Rule, Table, clean,
)
from minutes.errors import MinutesError
from minutes.writers import WriteOptions
from minutes.writers import docx_guard
from minutes.writers.docx_styles import StyleFinder, missing_warning, paper_for, roomy_numbers, set_paper
from minutes.writers.hyperlinks import R_NS, character_style, hyperlink_xml, relationship_xml

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
# Stand-ins for the footer text of each document (private-use characters: no font, no CJK, valid XML).
BEFORE, AFTER, EXTRA = "\ue000", "\ue001", "\ue002"
# Stand-ins for the core properties of each document, and the time of writing.
TITLE, AUTHOR, LANGUAGE, SUBJECT, KEYWORDS, CATEGORY = "\ue003", "\ue004", "\ue005", "\ue006", "\ue007", "\ue008"
STAMP, W3CDTF = dt.datetime(1901, 2, 3, 4, 5, 6), "%Y-%m-%dT%H:%M:%SZ"
CHUNK = 1 << 18  # characters of body XML compressed at a time
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _xml(text: str) -> str:
    """Return ``text`` escaped for an XML text node."""
    return text.translate(_ESCAPE) if "&" in text or "<" in text or ">" in text else text


def run_xml(text: str, bold: bool, italic: bool, upright: bool = False, style: str = "") -> str:
    """Return the XML of one run: line breaks as w:br, CJK text in the East Asian font (cleaned later).

    ``upright`` keeps CJK text out of italics, even in an italic style (Subtitle, Caption, Quote):
    Chinese, Japanese and Korean are not slanted for emphasis. ``style`` is a character style's id.
    """
    if not text:
        return ""
    cjk = not text.isascii() and CJK.search(text) is not None
    if not (bold or italic or cjk or style or "\n" in text):
        return f'<w:r><w:t xml:space="preserve">{_xml(text)}</w:t></w:r>'
    upright = upright and cjk
    slant = '<w:i w:val="0"/><w:iCs w:val="0"/>' if upright else "<w:i/>" if italic else ""
    rpr = ""
    if bold or slant or cjk or style:
        rpr = ("<w:rPr>" + (f'<w:rStyle w:val="{style}"/>' if style else "") + (_CJK_RPR if cjk else "")
               + ("<w:b/>" if bold else "") + slant + "</w:rPr>")
    if "\n" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{_xml(text)}</w:t></w:r>'
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{_xml(part)}</w:t>' if part else "" for part in text.split("\n"))
    return f"<w:r>{rpr}{body}</w:r>"


def _width(text: str) -> int:
    """Return the width of ``text`` in Latin characters: a Chinese, Japanese or Korean one counts twice."""
    return len(text) + len(CJK.findall(text)) if not text.isascii() and CJK.search(text) else len(text)


def _widths_of(text: str) -> tuple[int, int]:
    """Return the width of ``text`` and of its widest word."""
    if text.isascii() or not CJK.search(text):
        return len(text), max(map(len, text.split()), default=0)
    return _width(text), max(map(_width, text.split()), default=0)


_CONTROL = bytes([*range(9), 11, 12, *range(14, 32)])


def encode_clean(text: str) -> bytes:
    """Return ``text`` as UTF-8 without the characters XML cannot hold (as ``clean``, faster on long text).

    Control characters are single bytes in UTF-8, so they are dropped from the bytes; text with a
    lone surrogate or U+FFFE/U+FFFF, which bytes cannot show so simply, goes through ``clean``.
    """
    if "\ufffe" in text or "\uffff" in text:  # instant for text with no character above U+00FF
        return clean(text).encode()
    try:
        return text.encode().translate(None, _CONTROL)
    except UnicodeEncodeError:
        return clean(text).encode()


# --- zip entries, compressed once ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One compressed zip member: its name, raw deflate data, CRC-32 and size."""

    name: str
    data: bytes
    crc: int
    size: int


class Deflater:
    """A zip member compressed as it is written, so that a large part is never held whole."""

    def __init__(self, name: str):
        self.name = name
        self.zip = zlib.compressobj(6, zlib.DEFLATED, -15)
        self.out: list[bytes] = []
        self.crc = self.size = 0

    def write(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        self.out.append(self.zip.compress(data))

    def close(self) -> Entry:
        self.out.append(self.zip.flush())
        return Entry(self.name, b"".join(self.out), self.crc, self.size)


def deflate(name: str, data: bytes) -> Entry:
    """Return ``data`` as a compressed zip member."""
    sink = Deflater(name)
    sink.write(data)
    return sink.close()


def stored(package: zipfile.ZipFile, data: memoryview, name: str) -> Entry:
    """Return a member of the zip archive ``data`` as it is stored, compressed once already."""
    info = package.getinfo(name)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return deflate(name, package.read(name))
    name_len, extra_len = struct.unpack_from("<2H", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    return Entry(name, bytes(data[start:start + info.compress_size]), info.CRC, info.file_size)


_DOS_DATE = (0, 0x21)  # 1980-01-01 00:00: the same bytes for the same document


def zip_bytes(entries: list[Entry]) -> bytes:
    """Return a zip archive of already compressed members."""
    out, central = io.BytesIO(), io.BytesIO()
    for e in entries:
        name = e.name.encode()
        fields = (20, 0, 8, *_DOS_DATE, e.crc, len(e.data), e.size, len(name))
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, out.tell()) + name)
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + name)
        out.write(e.data)
    at, size = out.tell(), central.tell()
    out.write(central.getvalue())
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), size, at, 0))
    return out.getvalue()


# --- the reference document, prepared once per process ----------------------------------------


def open_reference(path: Path | None) -> docx.document.Document:
    """Return the reference .docx opened with python-docx (or Word's defaults), or a clear error."""
    if path is None:
        word = docx.Document()
        roomy_numbers(word)
        return word
    try:
        data = docx_guard.read_at_most(path, docx_guard.MAX_REFERENCE)
    except OSError as exc:
        raise MinutesError(f"{path}: cannot read the reference document: {exc.strerror}") from None
    if data is None:
        raise MinutesError(f"{path}: refused: the reference document is larger than {docx_guard.MAX_REFERENCE // docx_guard.MB} MB")
    docx_guard.check_reference(path, data)
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "template" in str(exc):
            raise MinutesError(f"{path}: is a Word template, not a document; save it as .docx and try again") from None
        raise MinutesError(f"{path}: is not a Word document: {exc}") from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError) as exc:
        raise MinutesError(f"{path}: is not a Word .docx document ({type(exc).__name__})") from None


def _num_id(style) -> str | None:
    """Return the numbering id a list style carries, following its base styles."""
    while style is not None:
        found = style.element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        if found:
            return found[0]
        style = style.base_style
    return None


def _set_fonts(normal, code: str) -> None:
    """Give the Normal style fonts for CJK and complex scripts, and the language of ``code``."""
    rpr = normal.element.get_or_add_rPr()
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
    region = code if "-" in code else REGIONS.get(code, code)
    asian = code.split("-")[0] in ("zh", "ja", "ko")
    lang.set(W_VAL, "en-US" if asian else region)
    lang.set(qn("w:eastAsia"), region if asian else "zh-CN")


def _fill_footer(word: docx.document.Document, extra: bool, style) -> set[str]:
    """Put "Page N · DATE · HASH" (N a PAGE field) in the footers, the text as stand-ins; return the parts changed.

    A reference document whose footer already has a page number keeps it; the date and hash of
    the minutes (``extra``) then go in a paragraph of their own below it.
    """
    changed = set()
    for section in word.sections:
        footer = section.footer
        root = footer._element
        has_page = bool(root.xpath(".//w:fldSimple[contains(@w:instr,'PAGE')] | .//w:instrText[contains(.,'PAGE')]"))
        if has_page and not extra:
            continue
        paras = footer.paragraphs
        p = paras[0] if paras and not paras[0].text.strip() and not has_page else footer.add_paragraph()
        if style is not None:
            p.style = style
        p.alignment = 1  # centred
        if has_page:
            xml = run_xml(EXTRA, False, False)
        else:
            xml = (run_xml(BEFORE, False, False) + f'<w:fldSimple w:instr=" PAGE ">{run_xml("1", False, False)}'
                   "</w:fldSimple>" + run_xml(AFTER, False, False))
        for child in etree.fromstring(f'<w:p xmlns:w="{W_NS}">{xml}</w:p>'):
            p._p.append(child)
        changed.add(footer.part.partname[1:])
    return changed


def _mend_core_link(package) -> None:
    """Link the core properties by Word's relationship type where LibreOffice used its own (not to make two)."""
    for rel in list(package.rels.values()):
        odd = rel.reltype != RT.CORE_PROPERTIES and rel.reltype.endswith("/metadata/core-properties")
        if odd and not rel.is_external:
            package.rels.add_relationship(RT.CORE_PROPERTIES, rel.target_part, rel.rId)


def _stand_in_properties(props: CoreProperties) -> None:
    """Fill the core properties with stand-ins, replaced by each document's own."""
    props.title, props.author, props.last_modified_by = TITLE, AUTHOR, AUTHOR
    props.created = props.modified = STAMP
    props.language, props.subject, props.keywords, props.category = LANGUAGE, SUBJECT, KEYWORDS, CATEGORY
    props.revision = 1


def _stand_in(mark: str) -> re.Pattern:
    """Return a pattern for the run that holds the stand-in ``mark``, however lxml wrote it."""
    return re.compile(rf'<w:r(?: [^>]*)?><w:t xml:space="preserve">{mark}</w:t></w:r>')


STAND_INS = {mark: _stand_in(mark) for mark in (BEFORE, AFTER, EXTRA)}


class Reference:
    """A reference .docx made ready for the minutes, with its parts compressed once."""

    def __init__(self, word: docx.document.Document, label: str, extra: bool, paper: str, keep: bool):
        self.word = word
        self.warnings: list[str] = docx_guard.drop_outside_content(word, label)
        self.style_ids: dict[str, str] = {}
        self.numbered: dict[str, str | None] = {}
        self.finder = StyleFinder(word.styles)
        self._styles: dict[str, Entry] = {}
        self._prepare(label)
        self.hyperlink_style = character_style(word)
        set_paper(word, paper, keep)
        footers = _fill_footer(word, extra, self.finder.find("Footer"))
        _mend_core_link(word.part.package)
        _stand_in_properties(word.core_properties)
        self.width = self._text_width()
        self.next_id = word.part.next_id
        self._name_parts()
        self._save(footers)
        self._lists()
        self._pictures(word.part)
        self._check_prefixes(label, footers)

    def _name_parts(self) -> None:
        """Note the zip names of the parts each document may change."""
        part = self.word.part
        self.document = part.partname[1:]
        self.rels = part.partname.rels_uri[1:]
        self.styles_name = part.part_related_by(RT.STYLES).partname[1:]
        self.core = part.package.part_related_by(RT.CORE_PROPERTIES).partname[1:]
        self.numbering = self._related(RT.NUMBERING)

    def _save(self, footers: set[str]) -> None:
        """Save the prepared reference once: compress the parts every document shares, keep the others as text."""
        saved = io.BytesIO()
        self.word.save(saved)
        package = zipfile.ZipFile(saved)
        self.order = package.namelist()
        mine = {self.document, self.styles_name, self.core, *footers}  # made again for every document
        self.entries = {name: stored(package, saved.getbuffer(), name) for name in self.order if name not in mine}
        self.footers = {name: package.read(name).decode() for name in footers}
        self.text = {name: package.read(name).decode()
                     for name in (self.document, self.rels, "[Content_Types].xml", self.core, self.numbering) if name}
        self.head, self.tail = self._split(self.text.pop(self.document))

    def _prepare(self, label: str) -> None:
        """Empty the body and make sure every style exists."""
        body = self.word.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        missing = []
        for name in STYLES:
            style = self.finder.find(name)
            if style is None:
                style = self.finder.add(name)
                missing.append(name)
            self.style_ids[name] = style.style_id
            if name.startswith("List"):
                self.numbered[name] = _num_id(style)
        if missing:
            self.warnings.append(missing_warning(label, missing))

    def _text_width(self) -> int:
        """Return the width between the margins, in twips."""
        try:
            sec = self.word.sections[-1]
            return int((sec.page_width - sec.left_margin - sec.right_margin) / EMU_PER_TWIP)
        except (TypeError, IndexError):
            return 9000

    def _related(self, reltype: str) -> str | None:
        """Return the zip name of the part the document relates to by ``reltype``, if any."""
        try:
            return self.word.part.part_related_by(reltype).partname[1:]
        except KeyError:
            return None

    @staticmethod
    def _split(text: str) -> tuple[str, str]:
        """Split the document part where the blocks go: before the last section properties."""
        at = text.rfind("<w:sectPr")
        if at < 0:
            at = text.rfind("</w:body>")
            if at < 0:
                text, at = text.replace("<w:body/>", "<w:body></w:body>"), text.find("<w:body/>") + len("<w:body>")
        return text[:at], text[at:]

    def _lists(self) -> None:
        """Note the numbering instances: their ids, and the list definition each one uses."""
        self.nums: dict[str, int] = {}
        self.num_ids: set[int] = set()
        if self.numbering is None:
            return
        for num in self.word.part.part_related_by(RT.NUMBERING).element.iterchildren(qn("w:num")):
            self.num_ids.add(int(num.get(qn("w:numId"))))
            for abstract in num.xpath("./w:abstractNumId/@w:val")[:1]:
                self.nums.setdefault(num.get(qn("w:numId")), int(abstract))

    def _check_prefixes(self, label: str, footers: set[str]) -> None:
        """Refuse a reference whose parts name Word's namespace other than ``w:`` (XML is added as text)."""
        names = {self.document, self.numbering, *footers}
        for part in self.word.part.package.iter_parts():
            if part.partname[1:] in names and part.element.nsmap.get("w") != W_NS:
                raise MinutesError(f"{label}: {part.partname[1:]} does not use the usual w: prefix; save it again in Word")

    def _pictures(self, part) -> None:
        """Note the pictures the reference already holds, so that the same one is not stored twice."""
        images = part.package.image_parts
        self.images = {img.sha1: (img.partname[len("/word/"):], img.image.filename) for img in images}
        self.image_numbers = {img.partname.idx for img in images}
        self.image_rids = {rel.target_ref: rid for rid, rel in part.rels.items()
                           if rel.reltype == RT.IMAGE and not rel.is_external}
        self.rids = set(part.rels)

    def style_id(self, name: str) -> str | None:
        """Return the id of the style called ``name``, or None when there is none."""
        style = self.finder.find(name)
        return None if style is None else style.style_id

    def styles(self, lang: str) -> Entry:
        """Return the styles part with the fonts and language for ``lang``."""
        if lang not in self._styles:
            _set_fonts(self.finder.find("Normal"), lang)
            self._styles[lang] = deflate(self.styles_name, serialize_part_xml(self.word.styles.element))
        return self._styles[lang]


@functools.lru_cache(maxsize=8)
def _prepared(path: Path | None, resolved: str, mtime_ns: int, size: int, extra: bool, paper: str,
              keep: bool) -> Reference:
    return Reference(open_reference(path), path.name if path else "the default template", extra, paper, keep)


def reference(path: Path | None, extra: bool, paper: str = "letter", keep: bool = False) -> Reference:
    """Return the reference .docx at ``path`` (None: Word's defaults) on ``paper``, prepared once per file version.

    ``keep`` keeps the page size of a reference document that has one.
    """
    if path is None:
        return _prepared(None, "", 0, 0, extra, paper, False)
    if path.suffix.lower() in (".dotx", ".dotm"):
        raise MinutesError(
            f"{path}: is a Word template ({path.suffix}); open it in Word and save it as a Word document "
            "(.docx), then pass that file as the reference document"
        )
    try:
        st = path.stat()
    except OSError as exc:
        raise MinutesError(f"{path}: cannot read the reference document: {exc.strerror}") from None
    return _prepared(path, str(path.resolve()), st.st_mtime_ns, st.st_size, extra, paper, keep)


# --- one document ------------------------------------------------------------------------------


class Writer:
    """Pour one document into one prepared reference .docx."""

    def __init__(self, doc: Document, options: WriteOptions):
        self.doc = doc
        self.options = options
        # The paper: --paper, else the reference document's own, else the usual one for the language.
        paper = options.paper or paper_for(doc.meta.lang)
        self.ref = reference(options.reference_doc, bool(doc.meta.footer), paper, keep=options.paper is None)
        options.warnings.extend(self.ref.warnings)
        self.style_ids = dict(self.ref.style_ids)
        self.numbered = self.ref.numbered
        self.width = self.ref.width
        self.upright = doc.meta.lang.split("-")[0] in ("zh", "ja", "ko")
        self.nums: dict[int, str] = {}  # numbering instances added here, by id
        self.media: list[Entry] = []
        self.pictures: dict[str, tuple[str, str]] = {}  # sha1 -> (target, file name) added here
        self.numbers: set[int] = set()  # N of the word/media/imageN files added here
        self.rels: dict[str, str] = {}  # target -> relationship id added here
        self.links: dict[str, str] = {}  # URL -> relationship id of the hyperlinks added here
        self.types: set[str] = set()  # picture extensions added here

    def warn(self, message: str) -> None:
        self.options.warnings.append(message)

    # --- blocks, written as XML text ------------------------------------------------------------

    def para(self, style: str | None, runs: Inlines, prefix: str = "", bold: bool = False, ppr: str = "") -> str:
        """Return the XML of one paragraph."""
        if style and style != "Normal":
            ppr = f'<w:pStyle w:val="{self.style_id(style)}"/>' + ppr
        head = f"<w:p><w:pPr>{ppr}</w:pPr>" if ppr else "<w:p>"
        body = run_xml(prefix, False, False) if prefix else ""
        return head + body + self.runs(runs, bold, self.upright) + "</w:p>"

    def runs(self, runs: Inlines, bold: bool = False, upright: bool = False) -> str:
        """Return the XML of a paragraph's runs, a link's as a hyperlink."""
        return "".join([run_xml(r.text, r.bold or bold, r.italic, upright) if r.href is None
                        else self.hyperlink(r.href, run_xml(r.text, r.bold or bold, r.italic, upright,
                                                            self.ref.hyperlink_style)) for r in runs])

    def hyperlink(self, href: str, runs: str) -> str:
        """Return ``runs`` (XML) as a hyperlink to ``href``, whose relationship is added once per document."""
        if not runs:
            return ""
        if href not in self.links:
            self.links[href] = self._new_rid()
        return hyperlink_xml(self.links[href], runs, f'xmlns:r="{R_NS}"' not in self.ref.head)

    def style_id(self, name: str) -> str:
        if name not in self.style_ids:
            found = self.ref.style_id(name)
            if found is None:
                self.warn(f"there is no '{name}' style; Normal was used")
                found = self.style_ids["Normal"]
            self.style_ids[name] = found
        return self.style_ids[name]

    def numbered_list(self, block: NumberedList) -> list[str]:
        num = self.numbered.get("List Number")
        if num is None:
            return [self.para("List Number", item, prefix=f"{n}. ") for n, item in enumerate(block.items, block.start)]
        numpr = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{self._restart(num, block.start)}"/></w:numPr>'
        return [self.para("List Number", item, ppr=numpr) for item in block.items]

    def _restart(self, num_id: str, start: int) -> str:
        """Return a numbering instance of the same list definition that starts at ``start``."""
        abstract = self.ref.nums.get(num_id)
        if abstract is None:
            return num_id
        new = next(n for n in count(1) if n not in self.ref.num_ids and n not in self.nums)
        self.nums[new] = (f'<w:num w:numId="{new}"><w:abstractNumId w:val="{abstract}"/><w:lvlOverride w:ilvl="0">'
                          f'<w:startOverride w:val="{start}"/></w:lvlOverride></w:num>')
        return str(new)

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
            # No row is split across pages; the header row is repeated at the top of each page.
            out.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if r == 0 else "") + "</w:trPr>")
            for c in range(ncols):
                runs = row[c] if c < len(row) else ()
                out.append(cells[c] + self.runs(runs, bold=r == 0))
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
                width, word = _widths_of("".join([r.text for r in cell]))
                least[c] = max(least[c], pad + min(word, 20) * (char + 30))
                want[c] = max(want[c], pad + min(width, 60) * char)
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
                inline = self._picture(path)
            except Exception as exc:  # python-docx raises several kinds for unreadable images
                self.warn(f"{block.path}: not embedded: {type(exc).__name__}: {exc}")
            else:
                if inline is None:
                    self.warn(f"{block.path}: not embedded: larger than {docx_guard.MAX_PICTURE // docx_guard.MB} MB")
                else:
                    drawing = etree.tostring(inline, encoding="unicode")
                    out.append(f"<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing>{drawing}</w:drawing></w:r></w:p>")
        if block.caption:
            out.append(self.para("Caption", block.caption))
        return out

    def _picture(self, path: Path):
        """Return the inline drawing of the picture at ``path``, stored once, at most the text wide (None: too large)."""
        from docx.image.image import Image as Picture
        from docx.oxml.shape import CT_Inline

        blob = docx_guard.read_at_most(path, docx_guard.MAX_PICTURE)
        if blob is None:
            return None
        pic = Picture.from_blob(blob)
        target, filename = self.pictures.get(pic.sha1) or self.ref.images.get(pic.sha1) or self._store(pic)
        rid = self.rels.get(target) or self.ref.image_rids.get(target) or self._relate(target)
        cx, cy = pic.width, pic.height
        limit = self.width * EMU_PER_TWIP
        if cx > limit:
            cx, cy = limit, int(cy * limit / cx)
        return CT_Inline.new_pic_inline(self.ref.next_id, rid, filename, cx, cy)

    def _store(self, pic) -> tuple[str, str]:
        """Add a picture to the package as word/media/imageN.EXT; return its target and file name."""
        n = next(n for n in count(1) if n not in self.ref.image_numbers and n not in self.numbers)
        self.numbers.add(n)
        target = f"media/image{n}.{pic.ext}"
        self.media.append(deflate(f"word/{target}", pic.blob))
        self.types.add(f'<Default Extension="{pic.ext}" ContentType="{pic.content_type}"/>')
        self.pictures[pic.sha1] = (target, pic.filename)
        return self.pictures[pic.sha1]

    def _relate(self, target: str) -> str:
        """Add a relationship from the document to a picture; return its id."""
        self.rels[target] = self._new_rid()
        return self.rels[target]

    def _new_rid(self) -> str:
        """Return a relationship id that neither the reference nor this document uses yet."""
        used = self.ref.rids | set(self.rels.values()) | set(self.links.values())
        return next(f"rId{n}" for n in range(1, len(used) + 2) if f"rId{n}" not in used)

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

    def body(self) -> Entry:
        """Return the document part: the reference's, with the XML of every block before the section properties."""
        blocks = self.doc.blocks
        last = max((i for i, b in enumerate(blocks) if isinstance(b, Heading)), default=-1)
        tail = blocks[last + 1:]
        # A short closing section (the signatures, the boilerplate) stays on one page with its heading.
        together = 0 < last and 0 < len(tail) <= 8 and all(isinstance(b, Paragraph) for b in tail)
        sink = Deflater(self.ref.document)
        sink.write(self.ref.head.encode())
        xml: list[str] = []
        size = 0
        for i, block in enumerate(blocks):
            if together and last < i < len(blocks) - 1:
                new = [self.para(block.style, block.inlines, ppr="<w:keepNext/><w:keepLines/>")]
            else:
                new = self.block(block)
            xml.extend(new)
            size += sum(map(len, new))
            if size > CHUNK:
                sink.write(encode_clean("".join(xml)))
                xml, size = [], 0
        sink.write(encode_clean("".join(xml)) + self.ref.tail.encode())
        return sink.close()

    def footers(self) -> list[Entry]:
        """Return the footer parts with this document's page label, date and hash in place of the stand-ins."""
        extra = self.doc.meta.footer
        before, _, after = self.doc.meta.page_label.partition("{page}")
        after += f" · {extra}" if extra else ""
        runs = {BEFORE: before, AFTER: after, EXTRA: extra}
        out = []
        for name, text in self.ref.footers.items():
            for mark, value in runs.items():
                text = STAND_INS[mark].sub(lambda _, v=value: clean(run_xml(v, False, False)), text)
            out.append(deflate(name, text.encode()))
        return out

    def properties(self) -> Entry:
        """Return the core properties part: title, author, dates, language, kind, tags and categories."""
        meta = self.doc.meta
        values = {
            TITLE: clean(meta.title)[:255], AUTHOR: clean(meta.author)[:255], LANGUAGE: meta.lang,
            SUBJECT: meta.kind, KEYWORDS: clean(", ".join(meta.tags))[:255],
            CATEGORY: clean(", ".join(meta.categories))[:255],
        }
        now = dt.datetime.now(dt.timezone.utc).strftime(W3CDTF)
        text = self.ref.text[self.ref.core].replace(STAMP.strftime(W3CDTF), now)
        for mark, value in values.items():
            text = text.replace(mark, _xml(value))
        return deflate(self.ref.core, text.encode())

    def package(self) -> list[Entry]:
        """Return the parts restarted lists and pictures change: numbering, relationships, content types."""
        ref, out = self.ref, []
        if self.nums:
            text = ref.text[ref.numbering]
            at = text.find("<w:numIdMacAtCleanup")
            at = text.rfind("</w:numbering>") if at < 0 else at
            out.append(deflate(ref.numbering, (text[:at] + "".join(self.nums.values()) + text[at:]).encode()))
        if self.rels or self.links:
            rels = "".join(f'<Relationship Id="{rid}" Type="{RT.IMAGE}" Target="{target}"/>'
                           for target, rid in self.rels.items())
            rels += "".join(relationship_xml(rid, href) for href, rid in self.links.items())
            out.append(deflate(ref.rels, ref.text[ref.rels].replace("</Relationships>", rels + "</Relationships>").encode()))
        types = ref.text["[Content_Types].xml"]
        new = "".join(t for t in sorted(self.types) if t.split('" ')[0] + '"' not in types)
        if new:
            at = types.index(">", types.index("<Types")) + 1
            out.append(deflate("[Content_Types].xml", (types[:at] + new + types[at:]).encode()))
        return out

    def write(self) -> bytes:
        """Return the .docx: the reference's parts, with this document's in place of theirs."""
        parts = {e.name: e for e in (self.body(), *self.footers(), self.properties(),
                                     self.ref.styles(self.doc.meta.lang), *self.package())}
        entries = [parts.pop(name, None) or self.ref.entries[name] for name in self.ref.order]
        return zip_bytes(entries + list(parts.values()) + self.media)


def write(doc: Document, options: WriteOptions) -> bytes:
    """Return the document as a .docx built on ``options.reference_doc`` (or Word's defaults)."""
    with warnings.catch_warnings():  # python-docx's own warnings are not the user's business
        warnings.simplefilter("ignore")
        return Writer(doc, options).write()
