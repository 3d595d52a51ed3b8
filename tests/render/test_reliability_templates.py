"""Templates and catalogs under attack: bounded time, memory and nesting; nothing read from outside their folders."""

import os
import time

import pytest
from markdown_it import MarkdownIt

from minutes.render import limits as templatelimits

# Each attack, as the body of a user template, and the words of the one line that stops it.
ATTACKS = {
    "a range too long": ("{% for i in range(10**9) %}x{% endfor %}", "counts too far"),
    "nested ranges": ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "takes too long"),
    "nested ranges that print": ("{% for i in range(100000) %}{% for j in range(100000) %}.{% endfor %}{% endfor %}",
                                 "too long"),
    "a text times a billion": ('{{ "x" * 10**9 }}', "makes a text too long"),
    "a billion times a text": ('{{ 10**9 * "x" }}', "makes a text too long"),
    "a list times a billion": ("{{ [1] * 10**9 }}", "makes a list too long"),
    "a huge power": ("{{ 10 ** (10 ** 10) }}", "makes a number too big"),
    "a huge product": ("{% set n = 2 ** 900000 %}{{ n * n }}", "makes a number too big"),
    "a doubling by +": ('{% set ns = namespace(s="xx") %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}'
                        "{% endfor %}{{ ns.s|length }}", "makes a text too long"),
    "a doubling by ~": ('{% set ns = namespace(s="xx") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}'
                        "{% endfor %}{{ ns.s|length }}", "makes a text too long"),
    "a join with a huge separator": ('{{ range(100000)|join("x" * 10**6) }}', "makes a text too long"),
    "a huge center": ('{{ "x"|center(10**9) }}', "makes a text too long"),
    "a huge indent": ('{{ "a\\nb"|indent(10**9) }}', "makes a text too long"),
    "a huge % width": ('{{ "%999999999d" % 1 }}', "makes a text too long"),
    "a huge format width": ('{{ "{:>999999999}".format(1) }}', "makes a text too long"),
    "a recursive macro": ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "calls itself too deeply"),
    "a template that includes itself": ('{% include "evil.md.j2" %}', "calls itself too deeply"),
}


@pytest.fixture
def fast_limits(monkeypatch):
    """Shrink the time limit to 2 s and the text limit to 5 MB, so each attack is stopped quickly."""
    monkeypatch.setattr(templatelimits, "MAX_SECONDS", 2.0)
    monkeypatch.setattr(templatelimits, "MAX_TEXT", 5_000_000)


@pytest.mark.parametrize("name", ATTACKS)
def test_a_template_past_a_limit_is_stopped_in_one_line_and_writes_nothing(cli, congress, fast_limits, name):
    source, words = ATTACKS[name]
    (cli.folder / "evil.md.j2").write_text(source + "\n", encoding="utf-8")
    before = set(cli.folder.rglob("*"))
    started = time.monotonic()
    result = cli("render", "--template", "evil.md.j2", "--out", "-", code=1)
    assert time.monotonic() - started < 20 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "evil.md.j2" in lines[0] and ": stopped: the template " in lines[0] and words in lines[0], lines[0]
    assert "(limit " in lines[0] and "Traceback" not in result.output
    assert set(cli.folder.rglob("*")) == before


def test_a_large_document_renders_within_the_limits(cli, congress):
    assert cli("render", "--out", "-").stdout.startswith("#")


def test_a_symlink_in_the_templates_folder_never_includes_a_file_outside(cli, congress, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text("TOP-SECRET-LINE\n", encoding="utf-8")
    (cli.folder / "templates").mkdir()
    os.symlink(outside, cli.folder / "templates" / "root")
    (cli.folder / "templates" / "minutes.md.j2").write_text('# X\n{% include "root/secret.txt" %}\n', encoding="utf-8")
    result = cli("render", "--out", "-", code=1)
    assert "TOP-SECRET" not in result.output
    assert "refused" in result.stderr and "leads outside" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_symlink_to_a_file_outside_is_not_included_by_an_explicit_template(cli, congress, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.txt").write_text("TOP-SECRET-LINE\n", encoding="utf-8")
    (cli.folder / "t").mkdir()
    os.symlink(outside / "secret.txt", cli.folder / "t" / "secret.txt")
    (cli.folder / "t" / "mine.md.j2").write_text('# X\n{% include "secret.txt" %}\n', encoding="utf-8")
    result = cli("render", "--template", "t/mine.md.j2", "--out", "-", code=1)
    assert "TOP-SECRET" not in result.output and "leads outside" in result.stderr


def test_an_explicit_template_may_be_a_symlink_and_include_its_neighbours(cli, congress, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "part.md.j2").write_text("PART {{ session.title }}\n", encoding="utf-8")
    (elsewhere / "mine.md.j2").write_text('# Mine\n\n{% include "part.md.j2" %}', encoding="utf-8")
    os.symlink(elsewhere / "mine.md.j2", cli.folder / "link.md.j2")
    out = cli("render", "--template", "link.md.j2", "--out", "-").stdout
    assert out.startswith("# Mine") and "PART " in out


def test_a_templates_folder_that_is_a_symlink_leading_out_is_refused(cli, congress, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "minutes.md.j2").write_text("# EVIL\n", encoding="utf-8")
    os.symlink(outside, cli.folder / "templates")
    result = cli("render", "--out", "-", code=1)
    assert "EVIL" not in result.stdout and "leads outside" in result.stderr


def test_a_fifo_in_the_templates_folder_is_refused_not_waited_on(cli, congress):
    (cli.folder / "templates").mkdir()
    os.mkfifo(cli.folder / "templates" / "minutes.md.j2")
    result = cli("render", "--out", "-", code=1)
    assert "not a regular file" in result.stderr


def test_a_broken_catalog_warns_on_stderr_and_leaves_stdout_exactly_the_markdown(cli, congress):
    (cli.folder / "templates" / "i18n").mkdir(parents=True)
    (cli.folder / "templates" / "i18n" / "en.po").write_text(
        'msgid "Agenda"\nmsgstr "Order of business"\nthis is not po\n"dangling"\nmsgid\n', encoding="utf-8")
    plain = cli("render", "--out", "-", "--lang", "de").stdout
    result = cli("render", "--out", "-")
    assert "WARNING" not in result.stdout and "not po" not in result.stdout
    tokens = MarkdownIt().parse(result.stdout)
    assert tokens[0].type == "heading_open" and result.stdout.startswith("# ")
    assert "Order of business" in result.stdout
    assert "en.po" in result.stderr and "skipped" in result.stderr and "not po" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert plain.startswith("# ")


def test_a_symlinked_catalog_pointing_outside_is_refused_and_never_printed(cli, congress, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret").write_text("root:SECRET-HASH:19000:0:99999:7:::\nmore secret\n", encoding="utf-8")
    (cli.folder / "templates" / "i18n").mkdir(parents=True)
    os.symlink(outside / "secret", cli.folder / "templates" / "i18n" / "en.po")
    result = cli("render", "--out", "-", code=1)
    assert "SECRET" not in result.output and "secret" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "en.po" in lines[0] and "leads outside" in lines[0]
