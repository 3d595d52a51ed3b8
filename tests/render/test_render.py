"""The render API: names, batches, golden Markdown, import cost and speed."""

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from render_fixtures import EXAMPLES, LANGS, congress, congress_file, congress_series

from minutes.errors import MinutesError, UsageError
from minutes.records.publish import Rendered, render_file, render_many, render_series, render_session
from minutes.render.pipeline import RenderOptions, output_name

GOLDEN = Path(__file__).parents[1] / "golden"
_REGEN_SPEC = importlib.util.spec_from_file_location("golden_regen", GOLDEN / "regen.py")
regen = importlib.util.module_from_spec(_REGEN_SPEC)
_REGEN_SPEC.loader.exec_module(regen)


def test_outputs_are_named_date_slug_kind_lang_ext():
    session = congress()
    assert output_name(session, Path("x/2023-07-23-congress.yaml"), "release", "zh", "docx") == \
        "2023-07-23-congress.release.zh.docx"
    assert output_name(session, None, "minutes", "en", "md") == \
        "2023-07-23-2nd-international-congress-of-solidarity-day-2.minutes.en.md"


@pytest.mark.parametrize("title", ["../../etc/passwd", "/abs/path", "..", ".hidden", "a\\b\\..\\c", "会议", "\x00"])
def test_no_name_taken_from_the_data_leaves_the_output_folder(title):
    session = congress().model_copy(update={"title": title})
    name = output_name(session, None, "minutes", "en", "md")
    assert "/" not in name and "\\" not in name and ".." not in name and not name.startswith(".")
    assert Path(name).name == name and name.endswith(".minutes.en.md")


def test_unknown_kind_format_language_or_front_matter_is_a_usage_error():
    for options in (RenderOptions(kind="memo"), RenderOptions(fmt="rtf"), RenderOptions(lang="../x"),
                    RenderOptions(front_matter="zola")):
        with pytest.raises(UsageError):
            render_session(congress(), None, options)


def test_render_file_reports_a_bad_session_as_a_minutes_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n")
    with pytest.raises(MinutesError, match="bad.yaml"):
        render_file(bad, RenderOptions())


@pytest.mark.parametrize("jobs", [1, 2])
def test_render_many_writes_every_good_file_and_reports_the_bad_ones(tmp_path, jobs):
    good = congress_file(tmp_path / "a")
    bad = tmp_path / "b" / "2024-01-01-bad.yaml"
    bad.parent.mkdir()
    bad.write_text("title: x\n")
    out = tmp_path / "out"
    out.mkdir()
    seen: dict[Path, tuple[Rendered | None, str | None]] = {}
    failures = render_many([good, bad], RenderOptions(kind="release", fmt="docx", lang="de"), out, jobs,
                           lambda p, r, e: seen.__setitem__(p, (r, e)))
    assert failures == 1
    assert seen[good][0].name == "2023-07-23-congress.release.de.docx" and seen[good][1] is None
    assert seen[bad][0] is None and "bad.yaml" in seen[bad][1]
    assert [p.name for p in out.iterdir()] == ["2023-07-23-congress.release.de.docx"]


def test_render_many_refuses_to_overwrite_an_output_of_the_same_batch(tmp_path):
    one = congress_file(tmp_path / "one")
    two = congress_file(tmp_path / "two")
    errors = []
    failures = render_many([one, two], RenderOptions(), tmp_path, 1, lambda p, r, e: errors.append(e))
    assert failures == 1 and "would overwrite" in errors[1]


def test_render_many_in_a_pool_reports_in_order_and_the_first_of_two_same_names_wins(tmp_path):
    one, two = congress_file(tmp_path / "one"), congress_file(tmp_path / "two")
    bad = tmp_path / "2024-01-01-bad.yaml"
    bad.write_text("title: x\n")
    others = [tmp_path / "one" / f"2023-07-23-other-{n}.yaml" for n in range(4)]
    for other in others:
        other.write_bytes(one.read_bytes())
    paths = [one, bad, *others, two]
    seen = []
    out = tmp_path / "out"
    out.mkdir()
    failures = render_many(paths, RenderOptions(fmt="docx"), out, 2, lambda p, r, e: seen.append((p, r, e)))
    assert failures == 2 and [p for p, _, _ in seen] == paths
    assert "bad.yaml" in seen[1][2] and f"already written from {one}" in seen[-1][2]
    assert len(list(out.iterdir())) == 5


def test_importing_the_writers_table_loads_no_heavy_library():
    code = ("import sys, minutes.writers, minutes.render.pipeline, minutes.records.publish; "
            "print([m for m in ('docx', 'lxml', 'jinja2', 'babel', 'markdown_it') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.replace("'", '"')) == []


@pytest.mark.parametrize("path, kind, lang", regen.golden_cases(), ids=lambda v: f"{v.parent.name}/{v.stem[:10]}" if hasattr(v, "stem") else v)
def test_examples_render_as_their_golden_markdown(path, kind, lang):
    """Only compares; regenerate on purpose with: PYTHONPATH=src python tests/golden/regen.py"""
    golden = GOLDEN / regen.golden_name(path, kind, lang)
    assert golden.exists(), f"no golden file {golden.name}; run tests/golden/regen.py and review the diff"
    assert regen.rendered(path, kind, lang).decode() == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path, kind, style, lang", regen.styled_cases(), ids=lambda v: getattr(v, "stem", v))
def test_examples_render_in_their_style_as_their_golden_markdown(path, kind, style, lang):
    """Only compares; regenerate on purpose with: PYTHONPATH=src python tests/golden/regen.py"""
    golden = GOLDEN / regen.styled_name(path, kind, style, lang)
    assert golden.exists(), f"no golden file {golden.name}; run tests/golden/regen.py and review the diff"
    assert regen.rendered(path, kind, lang, style).decode() == golden.read_text(encoding="utf-8")


def test_there_is_a_golden_file_for_every_example_kind_and_language():
    assert regen.EXAMPLES, "examples/*/*.yaml are missing"
    expected = {regen.golden_name(p, k, lang) for p, k, lang in regen.golden_cases()}
    assert expected <= {p.name for p in GOLDEN.glob("*.md")}


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """Return (type of the opening token, text) of each heading and paragraph, read by markdown-it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [(tokens[i - 1].tag, t.content) for i, t in enumerate(tokens)
            if t.type == "inline" and tokens[i - 1].type in ("heading_open", "paragraph_open")]


def test_a_two_day_series_reads_as_one_set_of_minutes_with_a_heading_per_day():
    out = render_series(congress_series(), Path("x/2023-07-22-day-1.yaml"), RenderOptions(kind="minutes"))
    assert out.name == "2023-07-22-day-1-series.minutes.en.md"
    blocks = _blocks(out.data.decode())
    assert blocks[0] == ("h1", "Minutes of the 2nd International Congress of Solidarity")
    assert "**Date:** July 22\u2009–\u200923, 2023" in next(t for tag, t in blocks if t.startswith("**"))
    h2 = [t for tag, t in blocks if tag == "h2"]
    assert h2[h2.index("Agenda") + 1:h2.index("Agenda") + 3] == \
        ["Day 1: Saturday, July 22, 2023", "Day 2: Sunday, July 23, 2023"]
    h3 = [t for tag, t in blocks if tag == "h3"]
    numbers = [int(t.split(".")[0]) for t in h3 if t[0].isdigit()]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == 3 + 7  # one numbering across the days
    assert ("p", "**Day 1: July 22**") in blocks and ("p", "**Day 2: July 23**") in blocks  # the agenda, by day
    assert not any("·" in t and t.startswith("*2023") for _, t in blocks)  # no single file's hash


def test_a_two_day_series_reads_as_one_press_release_in_every_language():
    leads = {"en": "On July 22\u2009–\u200923, the 2nd International Congress of Solidarity was held",
             "ru": "22—23 июля в онлайн-формате", "zh": "7月22–23日，第二届国际团结大会", "de": "Am 22.–23. Juli fand"}
    days = {"en": "Day 2: July 23", "ru": "День 2: 23 июля", "zh": "第2天：7月23日", "de": "Tag 2: 23. Juli"}
    for lang in LANGS:
        out = render_series(congress_series(), None, RenderOptions(kind="release", lang=lang)).data.decode()
        blocks = _blocks(out)
        assert any(t.startswith(leads[lang]) for _, t in blocks), (lang, blocks[:8])
        assert ("h2", days[lang]) in blocks, lang
        data = render_series(congress_series(), None, RenderOptions(kind="release", lang=lang, fmt="json")).data
        subtitle = next(b["text"] for b in json.loads(data)["blocks"] if b.get("style") == "Subtitle")
        assert congress_series()[0].series.name[lang] in subtitle, (lang, subtitle)  # the series, not day 2


def test_without_the_parts_a_compiled_series_still_renders():
    from minutes.records.series import compile_series

    out = render_session(compile_series(congress_series()), None, RenderOptions(kind="release")).data.decode()
    assert "On July 22, the 2nd International Congress of Solidarity was held" in out


def test_actions_carried_over_open_the_proceedings_under_their_own_heading_with_their_status():
    from minutes.records.publish import render_file

    april = next(p for p in EXAMPLES if p.parent.name == "board-follow-up" and "2024-04-09" in p.name)
    blocks = _blocks(render_file(april, RenderOptions(kind="minutes")).data.decode())
    headings = [text for tag, text in blocks if tag in ("h2", "h3")]
    carried = headings.index("Action items carried over from the meeting of March 12, 2024")
    assert headings[carried - 1] == "Proceedings" and headings[carried + 1].startswith("4. ")
    lines = [text for tag, text in blocks if tag == "p" and "Action 20240312-" in text]
    assert len(lines) == 3
    # the carried-over actions are items 1 to 3, numbered as `show`, `set item.N` and `remove N` count them
    assert [re.match(r"\*\*(\d+)\\?\. ", line).group(1) for line in lines] == ["1", "2", "3"]
    assert lines[0].endswith("due April 5, 2024; done on April 9, 2024")
    assert "done" not in lines[1] and "done" not in lines[2]


def _session(**extra):
    from minutes.store import loader as sessions
    from minutes.store import yamlio

    data = {"title": "Board", "date": "2024-03-12", "lang": "en",
            "people": [{"id": "ana", "name": "Ana Weber", "role": "Treasurer", "organization": "Acme e.V.", "pronoun": "she"},
                       {"id": "ben", "name": "Ben Okafor", "role": "Secretary", "pronoun": "he"}],
            "attendees": [{"person": "ana"}, {"person": "ben", "note": "left at 11:04"}]}
    data.update(extra)
    return sessions.parse(yamlio.dump(data))


def _markdown(session, kind="minutes"):
    from minutes.records.publish import render_session

    return render_session(session, None, RenderOptions(kind=kind)).data.decode()


def test_a_resolution_text_keeps_its_paragraphs_and_lines_in_markdown_and_word(tmp_path):
    import io

    import docx

    from minutes.records.publish import render_session

    text = "WHEREAS the roof leaks;\nWHEREAS funds exist;\n\nRESOLVED that the roof is fixed.\n\nRESOLVED further that a report follows."
    s = _session(schema_version=1, proceedings=[{"kind": "resolution", "title": "Roof", "text": text, "result": "adopted"}])
    tokens = MarkdownIt("commonmark").parse(_markdown(s))
    opened = [i for i, t in enumerate(tokens) if t.type == "blockquote_open"]
    quoted = [t.content for t in tokens if t.type == "inline" and any(
        o < k for o in opened for k in [tokens.index(t)])][:3]
    assert len([t for t in tokens if t.type == "paragraph_open"]) >= 3
    assert any("WHEREAS the roof leaks;\\\nWHEREAS funds exist;" in c or "WHEREAS the roof leaks;" in c for c in quoted)
    word = docx.Document(io.BytesIO(render_session(s, None, RenderOptions(fmt="docx")).data))
    paragraphs = [p.text for p in word.paragraphs]
    assert "WHEREAS the roof leaks;\nWHEREAS funds exist;" in paragraphs
    assert "RESOLVED that the roof is fixed." in paragraphs and "RESOLVED further that a report follows." in paragraphs


def test_a_summary_keeps_its_paragraphs_in_the_minutes_and_the_release():
    s = _session(proceedings=[{"kind": "speech", "speaker": "ana", "summary": "First point.\n\nSecond point."}])
    for kind in ("minutes", "release"):
        paragraphs = [t.content for t in MarkdownIt("commonmark").parse(_markdown(s, kind)) if t.type == "inline"]
        # the release attributes a summary typed as a sentence: "First point, she said."
        assert any(p.endswith(("First point.", "First point, she said.")) for p in paragraphs), kind
        assert "Second point." in paragraphs, kind


def test_the_agenda_never_cuts_a_title_at_an_abbreviation_or_inside_a_quote():
    from minutes.render.sentences import shorten

    s = _session(proceedings=[
        {"kind": "report", "presenter": "ana", "title": "Position No. 2 and the 9:30 a.m. shift"},
        {"kind": "resolution", "title": "Appoint Dr. Weber. Then review", "result": "adopted"},
        {"kind": "announcement", "text": "The meeting on Position No. 2 starts at 9:30 a.m. sharp. Coffee after."},
    ])
    agenda = _markdown(s).split("## Agenda", 1)[1].split("\n## ", 1)[0]
    assert "“Position No. 2 and the 9:30 a.m. shift”" in agenda
    assert "Appoint Dr. Weber. Then review" in agenda
    assert "The meeting on Position No. 2 starts at 9:30 a.m. sharp" in agenda and "Coffee" not in agenda
    long = shorten("word " * 60, 120)
    assert long.endswith("…") and " wor…" not in long and len(long) <= 121


def test_the_release_names_a_speaker_again_in_a_new_capacity_and_with_their_organization():
    s = _session(proceedings=[
        {"kind": "speech", "speaker": "ana", "summary": "opened the meeting."},
        {"kind": "speech", "speaker": "ana", "role": "Acting Chair", "summary": "closed the debate."},
    ])
    release = _markdown(s, "release")
    assert "Ana Weber, Treasurer, Acme e.V.," in release
    assert "Ana Weber, Acting Chair, Acme e.V., closed the debate." in release


def test_an_attendee_note_and_an_action_time_are_in_the_minutes():
    s = _session(proceedings=[{"kind": "action", "id": "20240312-1", "at": "11:30", "task": "Call", "owner": "ben"}])
    out = _markdown(s)
    assert "Ben Okafor, Secretary (left at 11:04)" in out
    assert "**1\\. Action 20240312-1 (11:30):**" in out
