"""Sandboxed templates: lookup order, escaping of data, and clean errors."""

import pytest
from jinja2.sandbox import SandboxedEnvironment
from render_fixtures import EXAMPLES, KINDS, LANGS, congress, large

from minutes.render import context
from minutes.render import i18n
from minutes.store import loader as session
from minutes.render import templating
from minutes.errors import MinutesError
from minutes.records.publish import render_session
from minutes.render.pipeline import RenderOptions


def _render(tmp_path, source: str, name: str = "mine.md.j2"):
    template = tmp_path / name
    template.write_text(source, encoding="utf-8")
    cat = i18n.catalog("en")
    return templating.render("minutes", context.build(congress(), cat), cat, template=template)


def test_a_user_template_sees_the_view_context_and_phrases(tmp_path):
    out = _render(tmp_path, "# {{ _('Agenda') }}: {{ session.title }} ({{ items|length }})\n")
    assert out == "# Agenda: 2nd International Congress of Solidarity, Day 2 (8)\n"


def test_an_undefined_variable_names_the_template_and_line(tmp_path):
    with pytest.raises(MinutesError) as err:
        _render(tmp_path, "line one\n{{ no_such_thing }}\n")
    assert "mine.md.j2:2" in str(err.value) and "no_such_thing" in str(err.value)


def test_reaching_into_python_internals_is_refused(tmp_path):
    with pytest.raises(MinutesError) as err:
        _render(tmp_path, "ok\n\n{{ ''.__class__.__mro__ }}\n")
    assert "mine.md.j2:3" in str(err.value)


def test_a_syntax_error_names_the_template_and_line(tmp_path):
    with pytest.raises(MinutesError, match=r"bad\.md\.j2:2: template syntax error"):
        _render(tmp_path, "x\n{% if %}\n", name="bad.md.j2")


def test_data_is_printed_literally_not_read_as_markdown(tmp_path):
    out = _render(tmp_path, "{{ v }}\n".replace("v", "'# *not* a [link](x) | 1. item'"))
    assert out.startswith("\\# \\*not\\* a \\[link\\](x) \\| 1. item")


def test_a_template_next_to_the_sessions_wins_over_the_shipped_one(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "release.md.j2").write_text("# Local {{ press.headline }}\n", encoding="utf-8")
    out = render_session(congress(), tmp_path / "s.yaml", RenderOptions(kind="release"))
    assert out.data.decode() == "# Local Large Online Meeting in China Held\n"


def test_an_explicit_template_wins_over_the_folder(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "release.md.j2").write_text("# Local\n", encoding="utf-8")
    explicit = tmp_path / "other.md.j2"
    explicit.write_text("# Explicit\n", encoding="utf-8")
    out = render_session(congress(), tmp_path / "s.yaml", RenderOptions(kind="release", template=explicit))
    assert out.data.decode() == "# Explicit\n"


def test_a_missing_explicit_template_is_a_clear_error(tmp_path):
    with pytest.raises(MinutesError, match="no such template"):
        render_session(congress(), tmp_path / "s.yaml", RenderOptions(template=tmp_path / "nope.md.j2"))


def test_whether_a_summary_continues_a_sentence_is_read_in_the_session_language():
    """A Chinese predicate has no capital letter, so the English text decides how it is used."""
    for lang in ("en", "zh"):
        items = context.build(congress(), i18n.catalog(lang))["items"]
        speech = next(i for i in items if i["kind"] == "speech")
        assert speech["summary_is_clause"] and speech["points_are_clauses"]
    session = congress().model_copy(deep=True)
    speech = next(i for i in session.proceedings if i.kind == "speech")
    speech.summary = {"en": "The speaker welcomed everyone.", "zh": "发言人欢迎所有人。"}
    zh = next(i for i in context.build(session, i18n.catalog("zh"))["items"] if i["kind"] == "speech")
    assert not zh["summary_is_clause"]


def test_predicate_points_become_one_sentence_in_the_release():
    release = {lang: render_session(congress(), None, RenderOptions(kind="release", lang=lang)).data.decode()
               for lang in ("en", "zh")}
    assert "In his speech, he welcomed all the participants. He also outlined the history of the Group." in release["en"]
    assert "他在讲话中欢迎全体与会者。他还简要介绍了小组的历史。" in release["zh"]


def test_the_sandbox_shortcuts_change_no_output(monkeypatch):
    """Reading dicts, loops and namespaces and calling phrases past the sandbox's checks gives its very text."""
    def rendered() -> list[str]:
        templating._environment.cache_clear()
        out = []
        for s in [session.load(p) for p in EXAMPLES] + [congress(), large(60)]:
            for lang in LANGS:
                cat = i18n.catalog(lang)
                view = context.build(s, cat)
                out += [templating.render(kind, view, cat) for kind in KINDS]
        return out

    fast = rendered()
    monkeypatch.setattr(templating, "Environment", SandboxedEnvironment)
    try:
        assert rendered() == fast
    finally:
        templating._environment.cache_clear()
