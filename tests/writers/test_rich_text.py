"""Rich Markdown (nested lists, code, quotes with lists, aligned tables) reaches every writer, read back by real readers."""

import io
import json
import subprocess
from pathlib import Path

import docx
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from minutes.markdown import reader
from minutes.document.tree import to_dict
from minutes.writers import WRITERS, WriteOptions

RICH = (Path(__file__).parent.parent / "markdown" / "rich.md").read_text()


def _doc():
    return reader.parse(RICH)


def test_markdown_output_reads_back_as_the_same_document_with_markdown_it():
    md = WRITERS["md"](_doc(), WriteOptions()).decode()
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    types = [t.type for t in tokens]
    assert max(t.level for t in tokens if t.type == "bullet_list_open") >= 4  # bullet in numbered in bullet
    assert "fence" in types and next(t for t in tokens if t.type == "fence").info == "text"
    assert any(t.type == "th_open" and t.attrGet("style") == "text-align:center" for t in tokens)
    assert to_dict(reader.parse_tokens(md)) == to_dict(_doc())


def test_json_keeps_nesting_code_and_alignment():
    data = json.loads(WRITERS["json"](_doc(), WriteOptions()))
    kinds = [b["type"] for b in data["blocks"]]
    assert "code_block" in kinds and "block_quote" in kinds
    bullets = data["blocks"][2]
    assert bullets["nested"][1][0]["type"] == "numbered_list"
    assert data["blocks"][-1]["align"] == ["left", "center", "right"]


def test_word_nested_items_have_levels_code_is_monospace_and_links_are_hyperlinks(tmp_path):
    blob = WRITERS["docx"](_doc(), WriteOptions())
    word = docx.Document(io.BytesIO(blob))
    levels = [p.text for p in word.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None
              and p._p.pPr.numPr.ilvl.val == 2]
    assert levels == ["deep"]
    styles = {p.style.name for p in word.paragraphs}
    assert {"Source Code", "Quote", "List Number", "List Bullet"} <= styles
    table = word.tables[0]
    assert table.style.name == "Table Grid" and table.cell(1, 1).text == "b"
    rels = {r.rId: r.target_ref for r in word.part.rels.values() if r.is_external}
    links = word.element.body.findall(".//" + qn("w:hyperlink"))
    assert {rels[h.get(qn("r:id"))] for h in links} == {"https://example.org/a", "https://c.org"}
    path = tmp_path / "rich.docx"
    path.write_bytes(blob)
    back = subprocess.run(["pandoc", "-f", "docx", "-t", "markdown", str(path)], capture_output=True, text=True).stdout
    assert "        -   deep" in back and "`b`" in back and "| A  | B |" in back
