"""The reference .docx, prepared once per process and file version: styles, paper, footers, stand-ins."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from lxml import etree

from minutes.errors import MinutesError
from minutes.writers import docx_guard
from minutes.writers.docx_runs import CJK_FONT, run_xml
from minutes.writers.docx_styles import StyleFinder, missing_warning, roomy_numbers, set_paper
from minutes.writers.docx_zip import Entry, deflate, stored
from minutes.writers.hyperlinks import character_style

STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number",
          "Caption", "Quote", "Table Grid")
CS_FONT = "Arial"
REGIONS = {"en": "en-US", "ru": "ru-RU", "zh": "zh-CN", "de": "de-DE", "ja": "ja-JP", "ko": "ko-KR"}

W_VAL, W_RFONTS = qn("w:val"), qn("w:rFonts")
EMU_PER_TWIP = 635
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Stand-ins for the footer text of each document (private-use characters: no font, no CJK, valid XML).
BEFORE, AFTER, EXTRA = "\ue000", "\ue001", "\ue002"
# Stand-ins for the core properties of each document, and the time of writing.
TITLE, AUTHOR, LANGUAGE, SUBJECT, KEYWORDS, CATEGORY = "\ue003", "\ue004", "\ue005", "\ue006", "\ue007", "\ue008"
STAMP, W3CDTF = dt.datetime(1901, 2, 3, 4, 5, 6), "%Y-%m-%dT%H:%M:%SZ"


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
        self._extra: dict[tuple, tuple[Entry, dict[str, str]]] = {}
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

    def with_styles(self, lang: str, names: tuple[str, ...]) -> tuple[Entry, dict[str, str]]:
        """Return the styles part for ``lang`` with the styles ``names`` added where missing, and their ids.

        The styles are added to a copy: documents that do not use them keep the reference's styles.
        """
        key = (lang, names)
        if key not in self._extra:
            import copy

            from docx.styles.styles import Styles

            self.styles(lang)
            element = copy.deepcopy(self.word.styles.element)
            finder = StyleFinder(Styles(element))
            ids = {name: (finder.find(name) or finder.add(name)).style_id for name in names}
            self._extra[key] = (deflate(self.styles_name, serialize_part_xml(element)), ids)
        return self._extra[key]

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
