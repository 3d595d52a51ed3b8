"""JSON writer: the document for scripts."""

import json

from render_fixtures import congress

from minutes.records.publish import render_session
from minutes.render.pipeline import RenderOptions


def test_json_holds_metadata_and_typed_blocks():
    data = json.loads(render_session(congress(), None, RenderOptions(fmt="json")).data)
    assert data["format"] == "minutes-document" and data["version"] == 1
    assert data["meta"]["title"].startswith("Minutes of the") and data["meta"]["lang"] == "en"
    types = {b["type"] for b in data["blocks"]}
    assert {"heading", "paragraph", "bullet_list", "numbered_list", "table"} <= types
    heading = data["blocks"][0]
    assert heading == {"type": "heading", "level": 1, "text": heading["text"], "inlines": heading["inlines"]}


def test_json_keeps_non_ascii_text_readable():
    raw = render_session(congress(), None, RenderOptions(fmt="json", lang="zh")).data.decode()
    assert "会议记录" in raw
