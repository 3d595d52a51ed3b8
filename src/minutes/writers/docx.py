"""Word writer: the document in Word's named styles, poured into a reference .docx in one pass.

The reference is prepared once per process and file version (python-docx opens it, adds any missing
style, gives the footers their slots) and kept as pre-compressed zip entries. Each document is then
one pass over its blocks, written as XML text straight into its compressed body part; only the parts
that differ between documents (body, core properties, footers, styles for another language, restarted
numbering, pictures) are made again.
"""

from __future__ import annotations

import datetime as dt
import warnings
from itertools import count
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from minutes.document.tree import (
    CJK, BlockQuote, BulletList, CodeBlock, Document, Heading, Image, Inlines, NumberedList, PageBreak, Paragraph,
    Rule, Table, clean,
)
from minutes.writers import WriteOptions
from minutes.writers import docx_guard
from minutes.writers.docx_reference import (
    AFTER, AUTHOR, BEFORE, CATEGORY, EMU_PER_TWIP, EXTRA, KEYWORDS, LANGUAGE, STAMP, STAND_INS, SUBJECT, TITLE,
    W3CDTF, reference,
)
from minutes.writers.docx_lists import CODE_CHARACTER, CODE_PARAGRAPH, Levels, code_xml, insert_abstracts, quote_xml
from minutes.writers.docx_runs import _xml, encode_clean, run_xml
from minutes.writers.docx_styles import paper_for
from minutes.writers.docx_zip import Deflater, Entry, deflate, zip_bytes
from minutes.writers.hyperlinks import R_NS, hyperlink_xml, relationship_xml

HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3", 5: "Heading 4", 6: "Heading 5"}
CHUNK = 1 << 18  # characters of body XML compressed at a time


def _width(text: str) -> int:
    """Return the width of ``text`` in Latin characters: a Chinese, Japanese or Korean one counts twice."""
    return len(text) + len(CJK.findall(text)) if not text.isascii() and CJK.search(text) else len(text)


def _widths_of(text: str) -> tuple[int, int]:
    """Return the width of ``text`` and of its widest word."""
    if text.isascii() or not CJK.search(text):
        return len(text), max(map(len, text.split()), default=0)
    return _width(text), max(map(_width, text.split()), default=0)


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
        self.last_rid = 0  # ids are only ever added: the lowest free one is never below the last given
        self.last_num = 0  # the same for numbering instances
        self.types: set[str] = set()  # picture extensions added here
        self.levels = Levels(self)
        self.code = False  # True when the monospace styles had to be added for this document

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
        return "".join([run_xml(r.text, r.bold or bold, r.italic, upright) if r.href is None and not r.code
                        else self.special(r, bold, upright) for r in runs])

    def special(self, r, bold: bool, upright: bool) -> str:
        """Return the XML of a run of inline code (in the monospace character style) or of a link."""
        style = self.style_id(CODE_CHARACTER) if r.code else self.ref.hyperlink_style
        xml = run_xml(r.text, r.bold or bold, r.italic, upright, style)
        return xml if r.href is None else self.hyperlink(r.href, xml)

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
            if found is None and name in (CODE_PARAGRAPH, CODE_CHARACTER):
                self.code = True
                found = self.ref.with_styles(self.doc.meta.lang, (CODE_PARAGRAPH, CODE_CHARACTER))[1][name]
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
        new = self.new_num_id()
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
        align = [{"center": "center", "right": "right"}.get(a, "") for a in block.align] + [""] * ncols
        cells = [f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
                 '<w:spacing w:before="40" w:after="40"/>' + (f'<w:jc w:val="{a}"/>' if a else "") + "</w:pPr>"
                 for w, a in zip(widths, align)]
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

    def new_num_id(self) -> int:
        """Return the lowest numbering instance id that neither the reference nor this document uses yet."""
        n = self.last_num + 1
        while n in self.ref.num_ids or n in self.nums:
            n += 1
        self.last_num = n
        return n

    def _new_rid(self) -> str:
        """Return a relationship id that neither the reference nor this document uses yet."""
        n = self.last_rid + 1
        while f"rId{n}" in self.ref.rids:
            n += 1
        self.last_rid = n
        return f"rId{n}"

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
            style = HEADING_STYLES.get(block.level, "Heading 3")
            if block.level > 4 and self.ref.style_id(style) is None:  # a reference without the deeper levels
                style = "Heading 3"
            return [self.para(style, block.inlines)]
        if isinstance(block, (BulletList, NumberedList)) and block.nested:
            return self.levels.items(block)
        if isinstance(block, CodeBlock):
            return [code_xml(self, block)]
        if isinstance(block, BlockQuote):
            return quote_xml(self, block)
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
            text = text[:at] + "".join(self.nums.values()) + text[at:]
            text = insert_abstracts(text, self.levels.xml) if self.levels.xml else text
            out.append(deflate(ref.numbering, text.encode()))
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
        body, lang = self.body(), self.doc.meta.lang
        styles = self.ref.with_styles(lang, (CODE_PARAGRAPH, CODE_CHARACTER))[0] if self.code else self.ref.styles(lang)
        parts = {e.name: e for e in (body, *self.footers(), self.properties(), styles, *self.package())}
        entries = [parts.pop(name, None) or self.ref.entries[name] for name in self.ref.order]
        return zip_bytes(entries + list(parts.values()) + self.media)


def write(doc: Document, options: WriteOptions) -> bytes:
    """Return the document as a .docx built on ``options.reference_doc`` (or Word's defaults)."""
    with warnings.catch_warnings():  # python-docx's own warnings are not the user's business
        warnings.simplefilter("ignore")
        return Writer(doc, options).write()
