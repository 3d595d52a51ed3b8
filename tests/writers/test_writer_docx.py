"""Word writer: named styles, fonts for Chinese, a PAGE field, pictures, reference documents."""

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from lxml import etree
from render_fixtures import congress, congress_file, large, png

from minutes.markdown import reader as markdown
from minutes.document.tree import (
    BulletList, Document, Heading, Image, Metadata, NumberedList, Paragraph, Table, Text, clean, text_of,
)
from minutes.errors import MinutesError
from minutes.records.publish import render_file, render_session
from minutes.render.pipeline import RenderOptions, build_document
from minutes.writers import WRITERS, WriteOptions
from minutes.writers.docx_styles import paper_for
from conftest import BOARD, ROOT

NAMED = {"Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number", "Caption",
         "Normal", "Quote"}


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _text(element) -> str:
    return "".join(n.text or "" if n.tag == qn("w:t") else "\n" for n in element.iter(qn("w:t"), qn("w:br"))).strip()


def _texts(word: docx.document.Document) -> list[str]:
    """Return the text of every body paragraph and table cell, line breaks as newlines."""
    out = []
    for child in word.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(_text(child))
        elif child.tag == qn("w:tbl"):
            out.extend(_text(tc) for tc in child.iter(qn("w:tc")))
    return [t for t in out if t]


def simple_docx(doc: Document) -> bytes:
    """The slow, obvious way: python-docx add_paragraph and add_table, block by block."""
    word = docx.Document()

    def runs(p, inlines):
        for r in inlines:
            run = p.add_run(r.text)
            run.bold, run.italic = r.bold or None, r.italic or None

    for block in doc.blocks:
        if isinstance(block, Heading):
            runs(word.add_paragraph(style={1: "Title", 2: "Heading 1", 3: "Heading 2"}.get(block.level, "Heading 3")),
                 block.inlines)
        elif isinstance(block, Paragraph):
            runs(word.add_paragraph(style=block.style or "Normal"), block.inlines)
        elif isinstance(block, (BulletList, NumberedList)):
            style = "List Bullet" if isinstance(block, BulletList) else "List Number"
            for item in block.items:
                runs(word.add_paragraph(style=style), item)
        elif isinstance(block, Table):
            table = word.add_table(rows=0, cols=len(block.header))
            for row in [block.header, *block.rows]:
                cells = table.add_row().cells
                for cell, inlines in zip(cells, row):
                    runs(cell.paragraphs[0], inlines)
        elif isinstance(block, Image):
            runs(word.add_paragraph(style="Caption"), block.caption)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def congress_docx(tmp_path_factory):
    folder = tmp_path_factory.mktemp("congress")
    path = congress_file(folder)
    return {lang: render_file(path, RenderOptions(kind="minutes", fmt="docx", lang=lang)) for lang in ("en", "zh")}


def test_the_docx_reopens_and_uses_only_named_styles(congress_docx):
    word = _open(congress_docx["en"].data)
    used = {p.style.name for p in word.paragraphs}
    assert used <= NAMED and {"Title", "Heading 1", "Heading 2", "List Bullet", "List Number"} <= used
    assert all(t.style.name == "Table Grid" for t in word.tables) and len(word.tables) == 2
    assert word.paragraphs[0].text.startswith("Minutes of the 2nd International Congress")


def test_normal_style_and_chinese_runs_name_an_east_asian_font(congress_docx):
    word = _open(congress_docx["zh"].data)
    fonts = word.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) and fonts.get(qn("w:cs"))
    cjk_runs = [r for p in word.paragraphs for r in p.runs if "会议" in r.text]
    assert cjk_runs
    assert all(r._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for r in cjk_runs)


def test_the_footer_carries_a_page_field(congress_docx):
    for rendered in congress_docx.values():
        footer = _open(rendered.data).sections[0].footer
        fields = footer._element.xpath(".//w:fldSimple/@w:instr")
        assert [f.strip() for f in fields] == ["PAGE"]
    assert "第" in _open(congress_docx["zh"].data).sections[0].footer.paragraphs[0].text


def test_core_properties_are_set(congress_docx):
    props = _open(congress_docx["en"].data).core_properties
    assert props.title.startswith("Minutes of the") and props.author == "Chinese Executive Committee of the DPRK ISG"
    assert props.created is not None and props.language == "en"


def test_attached_photos_are_embedded_with_their_captions(congress_docx):
    data = congress_docx["en"].data
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(io.BytesIO(data)).namelist())
    captions = [p.text for p in _open(data).paragraphs if p.style.name == "Caption"]
    assert captions == ["The first slide"]
    assert congress_docx["en"].warnings == []


def test_a_missing_photo_is_a_warning_not_a_crash(tmp_path):
    path = congress_file(tmp_path)
    (tmp_path / "photos" / "slide.png").unlink()
    out = render_file(path, RenderOptions(fmt="docx"))
    assert any("slide.png" in w and "no such file" in w for w in out.warnings)


def test_a_photo_outside_the_session_folder_is_not_embedded(tmp_path):
    png(tmp_path / "secret.png")
    doc = Document(Metadata(), [Image("../secret.png", [Text("x")]), Image(str(tmp_path / "secret.png"), [])])
    options = WriteOptions(base_dir=tmp_path / "sessions")
    (tmp_path / "sessions").mkdir()
    data = WRITERS["docx"](doc, options)
    assert not any(n.startswith("word/media/") for n in zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert len(options.warnings) == 2 and all("inside the session" in w for w in options.warnings)
    allowed = WriteOptions(base_dir=tmp_path / "sessions", allow=(tmp_path / "secret.png",))
    data = WRITERS["docx"](Document(Metadata(), [Image(str(tmp_path / "secret.png"), [])]), allowed)
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(io.BytesIO(data)).namelist())


def test_control_characters_are_cleaned_never_a_crash():
    doc = Document(Metadata(title="T\x00itle\x0b"), [Paragraph([Text("a\x01b\x1fc\x08")]), Heading(2, [Text("h\x0c")])])
    word = _open(WRITERS["docx"](doc, WriteOptions()))
    assert [p.text for p in word.paragraphs] == ["abc", "h"]
    assert word.core_properties.title == "Title"


def test_encode_clean_is_clean_then_utf8():
    from minutes.writers.docx import encode_clean

    for text in ("plain", "a\x00b\x1f\tc\n\r\x7f", "x\ud800y", "x\ufffe\uffffy\ufffd", "中文\x0b", "ü\x01", ""):
        assert encode_clean(text) == clean(text).encode(), repr(text)


def _reference(tmp_path, drop: str | None = None, suffix: str = ".docx"):
    word = docx.Document()
    word.add_paragraph("old body text")
    if drop:
        word.styles[drop].element.getparent().remove(word.styles[drop].element)
    path = tmp_path / f"ref{suffix}"
    word.save(path)
    return path


def test_a_reference_doc_restyles_and_its_body_is_replaced(tmp_path):
    ref = _reference(tmp_path)
    word = docx.Document(ref)
    word.styles["Heading 1"].font.name = "Courier New"
    word.save(ref)
    out = render_session(congress(), None, RenderOptions(fmt="docx", reference_doc=ref))
    got = _open(out.data)
    assert got.styles["Heading 1"].font.name == "Courier New"
    assert "old body text" not in [p.text for p in got.paragraphs]


def test_a_reference_doc_lacking_list_bullet_works_with_a_warning(tmp_path):
    ref = _reference(tmp_path, drop="List Bullet")
    out = render_session(congress(), None, RenderOptions(fmt="docx", reference_doc=ref))
    assert any("'List Bullet'" in w for w in out.warnings)
    bullets = [p for p in _open(out.data).paragraphs if p.style.name == "List Bullet"]
    assert bullets and all(p.text.startswith("• ") for p in bullets)


def test_a_dotx_is_refused_with_a_clear_error(tmp_path):
    with pytest.raises(MinutesError, match="Word template"):
        render_session(congress(), None, RenderOptions(fmt="docx", reference_doc=_reference(tmp_path, suffix=".dotx")))


def test_a_file_that_is_not_a_docx_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    with pytest.raises(MinutesError, match="not a Word"):
        render_session(congress(), None, RenderOptions(fmt="docx", reference_doc=bad))


def test_numbered_lists_restart_at_their_own_start():
    doc = Document(Metadata(), [NumberedList([[Text("a")]]), NumberedList([[Text("b")]], start=5)])
    word = _open(WRITERS["docx"](doc, WriteOptions()))
    ids = [p._p.pPr.numPr.numId.val for p in word.paragraphs]
    assert ids[0] != ids[1]
    numbering = word.part.numbering_part.element
    assert numbering.xpath(f"./w:num[@w:numId='{ids[1]}']//w:startOverride/@w:val") == ["5"]


def test_the_fast_writer_and_simple_add_paragraph_agree_on_the_text():
    for session in (congress(), large(60)):
        for kind in ("minutes", "release"):
            doc = build_document(session, None, RenderOptions(kind=kind))
            fast = _texts(_open(WRITERS["docx"](doc, WriteOptions())))
            simple = _texts(_open(simple_docx(doc)))
            assert fast == simple
            assert fast == [t.strip() for t in text_of(doc) if t.strip()]


def _styled(word: docx.document.Document) -> list[tuple[str, str]]:
    """Return (style name, text) of every body paragraph and table cell paragraph that has text."""
    paras = [*word.paragraphs, *(p for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs)]
    return [(p.style.name, _text(p._p)) for p in paras if _text(p._p)]


def test_the_fast_writer_and_simple_add_paragraph_agree_on_styles_and_text(tmp_path):
    path = congress_file(tmp_path)
    for lang in ("en", "zh"):
        for kind in ("minutes", "release"):
            doc = build_document(congress(), path, RenderOptions(kind=kind, lang=lang))
            fast = _open(WRITERS["docx"](doc, WriteOptions(base_dir=tmp_path)))
            assert _styled(fast) == _styled(_open(simple_docx(doc)))


def _parts(data: bytes) -> dict[str, bytes]:
    """Return every part of a .docx but the core properties, which carry the time of writing."""
    package = zipfile.ZipFile(io.BytesIO(data))
    return {name: package.read(name) for name in package.namelist() if name != "docProps/core.xml"}


def test_documents_written_one_after_another_in_one_process_do_not_leak_into_each_other(tmp_path):
    path = congress_file(tmp_path)
    minutes = build_document(congress(), path, RenderOptions(kind="minutes"))
    numbered = Document(Metadata(footer="2024-01-01 · abc"), [NumberedList([[Text("a")]], start=3)])
    first = _parts(WRITERS["docx"](minutes, WriteOptions(base_dir=tmp_path)))
    WRITERS["docx"](numbered, WriteOptions())
    WRITERS["docx"](build_document(large(60), None, RenderOptions(kind="release", lang="zh")), WriteOptions())
    assert _parts(WRITERS["docx"](minutes, WriteOptions(base_dir=tmp_path))) == first


def test_a_changed_reference_doc_is_read_again(tmp_path):
    ref = _reference(tmp_path)
    assert _open(render_session(congress(), None, RenderOptions(fmt="docx", reference_doc=ref)).data)
    word = docx.Document(ref)
    word.styles["Heading 1"].font.name = "Courier New"
    word.save(ref)
    got = _open(render_session(congress(), None, RenderOptions(fmt="docx", reference_doc=ref)).data)
    assert got.styles["Heading 1"].font.name == "Courier New"


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_every_speaker_report_and_resolution(tmp_path):
    session = congress()
    for kind in ("minutes", "release"):
        out = render_session(session, None, RenderOptions(kind=kind, fmt="docx"))
        (tmp_path / "x.docx").write_bytes(out.data)
        plain = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", str(tmp_path / "x.docx")],
                               capture_output=True, text=True, check=True).stdout
        for name in ("Li Jizheng", "Vera", "Alexander Mostov", "Negotiations on a truce in Korea",
                     "congratulatory telegram"):
            assert name.casefold() in plain.casefold(), (kind, name)


def test_markdown_and_word_carry_the_same_text():
    session = congress()
    doc = build_document(session, None, RenderOptions(kind="release", lang="ru"))
    md = markdown.parse(WRITERS["md"](doc, WriteOptions()).decode())
    assert text_of(md) == text_of(doc)


def _footer_text(word: docx.document.Document) -> str:
    return _text(word.sections[0].footer._element)


def test_the_minutes_footer_carries_the_page_date_and_content_hash():
    from minutes.model.digest import content_hash

    session = congress()
    word = _open(render_session(session, None, RenderOptions(kind="minutes", fmt="docx")).data)
    footer = word.sections[0].footer._element
    assert [f.strip() for f in footer.xpath(".//w:fldSimple/@w:instr")] == ["PAGE"]
    assert _footer_text(word) == f"Page 1 · 2023-07-23 · {content_hash(session)}"
    zh = _open(render_session(session, None, RenderOptions(kind="minutes", fmt="docx", lang="zh")).data)
    assert _footer_text(zh) == f"第1页 · 2023-07-23 · {content_hash(session)}"


def test_a_press_release_footer_has_the_page_but_no_hash():
    word = _open(render_session(congress(), None, RenderOptions(kind="release", fmt="docx")).data)
    assert _footer_text(word) == "Page 1"


def test_a_reference_footer_with_its_own_page_number_keeps_it_and_gains_the_hash(tmp_path):
    from docx.oxml import parse_xml

    from minutes.model.digest import content_hash

    ref = docx.Document()
    p = ref.sections[0].footer.paragraphs[0]
    p._p.append(parse_xml('<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                          'w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    path = tmp_path / "ref.docx"
    ref.save(path)
    word = _open(render_session(congress(), None, RenderOptions(kind="minutes", fmt="docx", reference_doc=path)).data)
    footer = word.sections[0].footer
    assert len(footer._element.xpath(".//w:fldSimple[contains(@w:instr,'PAGE')]")) == 1
    assert footer.paragraphs[-1].text == f"2023-07-23 · {content_hash(congress())}"


def _hyperlinks(word: docx.document.Document) -> list[tuple[str, str, set[str]]]:
    """Return (target, text, character styles) of every hyperlink in the body and its tables."""
    paras = [*word.paragraphs, *(p for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs)]
    return [(h.url, h.text, {r.style.name for r in h.runs}) for p in paras for h in p.hyperlinks]


def test_a_url_is_a_word_hyperlink_in_the_hyperlink_style():
    from test_writer_md import URLS, linked_session

    word = _open(render_session(linked_session(), None, RenderOptions(fmt="docx")).data)
    links = _hyperlinks(word)
    for url in URLS.values():
        assert (url, url, {"Hyperlink"}) in links, url
    rels = [r for r in word.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert {r.target_ref for r in rels} == set(URLS.values()) and all(r.is_external for r in rels)
    assert word.styles["Hyperlink"].type == WD_STYLE_TYPE.CHARACTER


def test_a_link_in_a_table_cell_is_a_hyperlink_and_keeps_its_format():
    rules = Text("rules", bold=True, italic=True, href="https://x.org/r?a=1&b=2")
    doc = Document(Metadata(), [Table([[Text("Site")]], [[[Text("the ", bold=True), rules]]])])
    word = _open(WRITERS["docx"](doc, WriteOptions()))
    (link,) = word.tables[0].rows[1].cells[0].paragraphs[0].hyperlinks
    assert (link.url, link.text, link.runs[0].bold, link.runs[0].italic) == ("https://x.org/r?a=1&b=2", "rules", True, True)


def test_many_links_and_a_picture_each_get_their_own_relationship(tmp_path):
    png(tmp_path / "p.png")
    urls = [f"https://x.org/{n}" for n in range(300)]
    blocks = [Paragraph([Text("see "), Text("it", href=url)]) for url in urls] + [Image("p.png", [])]
    blocks.append(Paragraph([Text("again", href=urls[7])]))
    word = _open(WRITERS["docx"](Document(Metadata(), blocks), WriteOptions(base_dir=tmp_path)))
    rels = word.part.rels
    assert [h.url for p in word.paragraphs for h in p.hyperlinks] == [*urls, urls[7]]
    assert sorted(r.target_ref for r in rels.values() if r.reltype.endswith("/hyperlink")) == sorted(urls)
    assert len([r for r in rels.values() if r.reltype.endswith("/image")]) == 1
    # the lowest free ids, in the order given: every id up to the highest is the reference's or ours
    assert {int(rid[3:]) for rid in rels} == set(range(1, len(rels) + 1))


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_the_hyperlinks_back(tmp_path):
    from markdown_it import MarkdownIt
    from test_writer_md import URLS, linked_session

    (tmp_path / "x.docx").write_bytes(render_session(linked_session(), None, RenderOptions(fmt="docx")).data)
    text = subprocess.run(["pandoc", "-f", "docx", "-t", "markdown", "--wrap=none", str(tmp_path / "x.docx")],
                          capture_output=True, text=True, check=True).stdout
    hrefs = {c.attrGet("href") for t in MarkdownIt("commonmark").parse(text) for c in t.children or ()
             if c.type == "link_open"}
    assert set(URLS.values()) <= hrefs


def test_a_reference_doc_keeps_its_own_hyperlink_style(tmp_path):
    from docx.shared import RGBColor

    ref = tmp_path / "ref.docx"
    word = docx.Document()
    word.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER).font.color.rgb = RGBColor(0xAA, 0, 0)
    word.save(ref)
    doc = Document(Metadata(), [Paragraph([Text("x", href="https://x.org/")])])
    got = _open(WRITERS["docx"](doc, WriteOptions(reference_doc=ref)))
    assert got.styles["Hyperlink"].font.color.rgb == RGBColor(0xAA, 0, 0)
    assert [s.name for s in got.styles].count("Hyperlink") == 1
    assert _hyperlinks(got) == [("https://x.org/", "x", {"Hyperlink"})]


# --- reference documents as pandoc and LibreOffice write them ------------------------------------

HAVE_PANDOC = shutil.which("pandoc") is not None
HAVE_SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NO_PANDOC = "pandoc is not installed (the CI image installs it)"
NO_SOFFICE = "LibreOffice is not installed (the CI image installs it)"


def _pandoc_reference(folder):
    """Return pandoc's own reference.docx, as `pandoc --print-default-data-file reference.docx` writes it."""
    path = folder / "pandoc-reference.docx"
    subprocess.run(["pandoc", "-o", str(path), "--print-default-data-file", "reference.docx"], check=True)
    return path


def _libreoffice_reference(folder):
    """Return a document saved by LibreOffice: one with a Title, headings in Courier New 20 pt, put through soffice."""
    word = docx.Document()
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        word.add_paragraph(f"A {name}", style=name)
    word.styles["Heading 1"].font.name, word.styles["Heading 1"].font.size = "Courier New", Pt(20)
    source = folder / "source" / "lo-reference.docx"
    source.parent.mkdir()
    word.save(source)
    program = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return folder / "lo-reference.docx"


@pytest.fixture(scope="module", params=["pandoc", "libreoffice"])
def foreign_reference(request, tmp_path_factory):
    """Return a reference .docx written by pandoc or by LibreOffice (not by python-docx or Word)."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "pandoc":
        if not HAVE_PANDOC:
            pytest.skip(NO_PANDOC)
        return _pandoc_reference(folder)
    if not HAVE_SOFFICE:
        pytest.skip(NO_SOFFICE)
    return _libreoffice_reference(folder)


def _style_xml(word: docx.document.Document, style_id: str) -> bytes:
    (element,) = word.styles.element.xpath(f"./w:style[@w:styleId='{style_id}']")
    return etree.tostring(element)


def test_a_pandoc_or_libreoffice_reference_keeps_its_own_title_and_heading_styles(foreign_reference, tmp_path):
    ref = docx.Document(foreign_reference)
    names = {s.get(qn("w:styleId")): s.find(qn("w:name")).get(qn("w:val"))
             for s in ref.styles.element.iterchildren(qn("w:style"))}
    assert names["Heading1"] == "Heading 1"  # not Word's "heading 1": python-docx's ref.styles["Heading 1"] misses it
    out = render_session(congress(), None, RenderOptions(fmt="docx", reference_doc=foreign_reference))
    about_styles = [w for w in out.warnings if "style" in w]
    assert not [w for w in about_styles if "'Heading" in w or "'Title'" in w], about_styles
    assert len(about_styles) <= 1  # what is truly missing, in one line
    got = _open(out.data)
    ids = got.styles.element.xpath("./w:style/@w:styleId")
    assert len(ids) == len(set(ids))  # nothing added beside the user's own styles under the same id
    used = {p._p.pPr.pStyle.val for p in got.paragraphs if p._p.pPr is not None and p._p.pPr.pStyle is not None}
    for style_id in ("Title", "Heading1", "Heading2"):
        assert style_id in used
        assert _style_xml(got, style_id) == _style_xml(ref, style_id)  # font, size, colour: the reference's
    (tmp_path / "out.docx").write_bytes(out.data)
    if not HAVE_PANDOC:
        return
    md = subprocess.run(["pandoc", "-f", "docx", "-t", "markdown", "-s", "--wrap=none", str(tmp_path / "out.docx")],
                        capture_output=True, text=True, check=True).stdout
    headings = [p.text for p in got.paragraphs if p.style is not None and p.style.style_id == "Heading1"]
    assert headings and all(f"\n# {h}\n" in md for h in headings), md[:2000]
    assert "title: Minutes of the 2nd International Congress" in md


@pytest.mark.skipif(not HAVE_PANDOC, reason=NO_PANDOC)
def test_no_python_docx_or_style_warning_reaches_the_terminal_with_pandoc_s_reference(tmp_path):
    ref = _pandoc_reference(tmp_path)
    shutil.copy(BOARD, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONWARNINGS": "default",
           "MINUTES_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "minutes", "render", BOARD.name, "--format", "docx",
                           "--reference-doc", ref.name, "--out", "out"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Warning:" not in done.stderr and "deprecated" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if "warning" in line]
    assert len(lines) == 1 and "'List Bullet', 'List Number', 'Quote' or 'Table Grid' style" in lines[0], lines


def _reference_styles(tmp_path, edit) -> Path:
    """Return a reference .docx of python-docx's defaults, its styles changed by ``edit``."""
    word = docx.Document()
    edit(word.styles)
    path = tmp_path / "ref.docx"
    word.save(path)
    return path


def _rename(styles, name: str, new_name: str, new_id: str) -> None:
    element = styles[name].element
    element.find(qn("w:name")).set(qn("w:val"), new_name)
    element.set(qn("w:styleId"), new_id)


@pytest.mark.parametrize("new_name, new_id", [
    ("HEADING 1", "H1"),  # the name in capitals, an id of its own
    ("Kopf", "heading1"),  # a name of its own, the id in lower case
    ("Überschrift 1", "berschrift1"),  # a localized name and id: found by its outline level (0)
])
def test_a_heading_style_is_found_by_name_or_id_in_any_case_or_by_its_outline_level(tmp_path, new_name, new_id):
    def edit(styles):
        assert styles["Heading 1"].element.xpath("./w:pPr/w:outlineLvl/@w:val") == ["0"]
        _rename(styles, "Heading 1", new_name, new_id)

    out = render_session(congress(), None, RenderOptions(fmt="docx", reference_doc=_reference_styles(tmp_path, edit)))
    assert not [w for w in out.warnings if "style" in w]
    got = _open(out.data)
    assert "Heading1" not in got.styles.element.xpath("./w:style/@w:styleId")
    assert [p for p in got.paragraphs if p.style.style_id == new_id]


def test_a_missing_style_is_added_under_an_id_no_other_style_has(tmp_path):
    def edit(styles):
        styles["Quote"].element.getparent().remove(styles["Quote"].element)
        styles["Quote Char"].element.set(qn("w:styleId"), "Quote")  # a character style holds the id "Quote"

    ref = _reference_styles(tmp_path, edit)
    doc = Document(Metadata(), [Paragraph([Text("cited")], style="Quote")])
    options = WriteOptions(reference_doc=ref)
    got = _open(WRITERS["docx"](doc, options))
    assert options.warnings == ["ref.docx has no 'Quote' style; a plain one was added"]
    ids = got.styles.element.xpath("./w:style/@w:styleId")
    assert len(ids) == len(set(ids))
    (para,) = got.paragraphs
    assert para.style.name == "Quote" and para.style.type == WD_STYLE_TYPE.PARAGRAPH


def test_a_libreoffice_document_with_its_own_core_properties_link_is_written_once(tmp_path):
    ref = _reference(tmp_path)
    package = zipfile.ZipFile(ref)
    parts = {name: package.read(name) for name in package.namelist()}
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(  # the relationship type LibreOffice writes
        b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties")
    with zipfile.ZipFile(ref, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    data = render_session(congress(), None, RenderOptions(fmt="docx", reference_doc=ref)).data
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names.count("docProps/core.xml") == 1
    assert _open(data).core_properties.title.startswith("Minutes of the")


# --- paper ------------------------------------------------------------------------------------

A4, LETTER = (11906, 16838), (12240, 15840)


def _paper(data: bytes) -> tuple[int, int]:
    (section,) = _open(data).sections
    return section.page_width.twips, section.page_height.twips


@pytest.mark.parametrize("lang, paper", [
    ("en", "letter"), ("en-US", "letter"), ("en-CA", "letter"), ("en-GB", "a4"), ("en-AU", "a4"), ("de", "a4"),
    ("ru", "a4"), ("zh", "a4"), ("zh-Hant-TW", "a4"), ("es-MX", "letter"), ("fr-CA", "letter"), ("fr", "a4"),
])
def test_the_paper_of_a_language_is_letter_for_us_english_and_the_letter_regions_else_a4(lang, paper):
    assert paper_for(lang) == paper


@pytest.mark.parametrize("lang, paper, size", [
    ("en", None, LETTER), ("de", None, A4), ("zh", None, A4), ("ru", None, A4), ("en-GB", None, A4),
    ("en", "a4", A4), ("de", "letter", LETTER),
])
def test_word_output_is_on_the_language_s_paper_unless_paper_is_given(lang, paper, size):
    doc = Document(Metadata(lang=lang), [Paragraph([Text("x")])])
    assert _paper(WRITERS["docx"](doc, WriteOptions(paper=paper))) == size


def test_a_reference_document_s_own_page_size_wins_unless_paper_is_given(tmp_path):
    word = docx.Document()
    word.sections[0].page_width, word.sections[0].page_height = Twips(A4[1]), Twips(A4[0])  # A4 landscape
    ref = tmp_path / "a4.docx"
    word.save(ref)
    doc = Document(Metadata(lang="en"), [Paragraph([Text("x")])])
    assert _paper(WRITERS["docx"](doc, WriteOptions(reference_doc=ref))) == (A4[1], A4[0])
    assert _paper(WRITERS["docx"](doc, WriteOptions(reference_doc=ref, paper="letter"))) == (LETTER[1], LETTER[0])


@pytest.mark.skipif(not HAVE_PANDOC, reason=NO_PANDOC)
def test_a_reference_document_without_a_page_size_gets_the_language_s(tmp_path):
    ref = _pandoc_reference(tmp_path)
    assert docx.Document(ref).sections[0].page_width is None
    for lang, size in (("de", A4), ("en", LETTER)):
        doc = Document(Metadata(lang=lang), [Paragraph([Text("x")])])
        assert _paper(WRITERS["docx"](doc, WriteOptions(reference_doc=ref))) == size


# --- tables across pages --------------------------------------------------------------------------


def test_no_table_row_splits_across_pages_and_the_header_row_repeats():
    rows = [[[Text(f"row {n}")], [Text("long text " * 40)]] for n in range(80)]
    doc = Document(Metadata(), [Table([[Text("Who")], [Text("What")]], rows)])
    (table,) = _open(WRITERS["docx"](doc, WriteOptions())).tables
    trs = table._tbl.findall(qn("w:tr"))
    assert len(trs) == 81
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in trs)
    assert [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in trs] == [True] + [False] * 80


def test_the_default_numbered_list_has_room_for_two_and_three_digit_numbers():
    from docx.oxml.ns import qn

    doc = Document(Metadata(), [NumberedList([[Text(f"item {n}")] for n in range(1, 13)])])
    word = _open(WRITERS["docx"](doc, WriteOptions()))
    from lxml import etree

    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    numbering = word.part.numbering_part.element
    levels = etree._Element.xpath(numbering, "//w:abstractNum/w:lvl[@w:ilvl='0'][w:pStyle/@w:val='ListNumber']",
                                  namespaces=ns)
    assert levels, "no numbered-list level found"
    for level in levels:
        (ind,) = etree._Element.xpath(level, "./w:pPr/w:ind", namespaces=ns)
        assert int(ind.get(qn("w:hanging"))) >= 540 and int(ind.get(qn("w:left"))) >= 540
