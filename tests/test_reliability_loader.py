"""The strict loader and the atomic store, tested below the command line: what they refuse, and where they say it is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from minutes import store, yamlio
from minutes.errors import MinutesError


def error_of(text: str) -> str:
    with pytest.raises(MinutesError) as info:
        yamlio.load(text, "s.yaml")
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a: !!binary Bw==\n", "!!binary"),
        ("a: !!timestamp 2024-01-01\n", "!!timestamp"),
        ("a: !!set {x, y}\n", "!!set"),
        ("a: !!omap [{x: 1}]\n", "!!omap"),
        ("a: !!pairs [{x: 1}]\n", "!!pairs"),
        ("a: !!python/object/apply:os.system [ls]\n", "!!python/object/apply:os.system"),
        ("a: !!python/name:os.system\n", "!!python/name:os.system"),
        ("a: !Ref x\n", "!Ref"),
        ("a: !<tag:example.com,2000:x> y\n", "tag:example.com,2000:x"),
        ("a: !!merge x\n", "!!merge"),
    ],
)
def test_only_the_core_tags_are_allowed_and_the_refused_one_is_named(text: str, shown: str):
    assert error_of(text) == f"s.yaml:1:4: tag {shown} is not allowed in session files"


def test_the_core_tags_may_be_written_explicitly():
    text = "a: !!str 12\nb: !!int '12'\nc: !!float '1.5'\nd: !!bool true\ne: !!null ''\nf: !!seq [1]\ng: !!map {x: 1}\n"
    assert yamlio.load(text) == {"a": "12", "b": 12, "c": 1.5, "d": True, "e": None, "f": [1], "g": {"x": 1}}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('a: "bell\\a"\n', "U+0007"),
        ('a: "\\x1b[31m"\n', "U+001B"),
        ('a: "\\0"\n', "U+0000"),
        ('a: "\\uFFFF"\n', "U+FFFF"),
        ('a: "\\uFFFE"\n', "U+FFFE"),
        ('a: "\\x7f"\n', "U+007F"),
        ('a: "\\x9b"\n', "U+009B"),
        ('"\\a": x\n', "U+0007"),
    ],
)
def test_an_escaped_control_character_is_refused_like_a_raw_one(text: str, code: str):
    message = error_of(text)
    assert message.startswith("s.yaml:1:") and code in message


def test_escaped_tabs_and_line_breaks_are_text():
    assert yamlio.load('a: "x\\ty\\nz\\r"\nb: "\\N\\u00e9"\n') == {"a": "x\ty\nz\r", "b": "\x85é"}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 中文中文\nb: 中文\nc: x\x07\n", 3),  # the position libyaml reports counts bytes, not characters
        ("a: 1\rb: 2\rc: \x07\r", 3),  # CR alone ends a line in YAML
        ("a: 1\r\nb: 2\r\nc: \x07\r\n", 3),
        ("a: 🎉🎉🎉\n\nc: \uffff\n", 3),
    ],
)
def test_a_bad_character_is_reported_on_its_own_line(text: str, line: int):
    assert error_of(text).startswith(f"s.yaml:{line}: character U+")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"a: 1\r\nb: \xff\n", "s.yaml:2: not valid UTF-8 (byte 0xff)"),
        (b"a: 1\rb: \xc3\n", "s.yaml:2: not valid UTF-8 (byte 0xc3)"),
        (b"\xff\xfe\x00\x00a\x00\x00\x00", "s.yaml:1: file is UTF-32"),
        (b"\xff\xfea\x00", "s.yaml:1: file is UTF-16"),
        (b"a\x00:\x00 \x001\x00", "s.yaml:1: file holds NUL bytes"),
        (b"a: 1\nb: 2\x00\n", "s.yaml:2: file holds NUL bytes"),
    ],
)
def test_an_undecodable_file_is_reported_with_its_line(raw: bytes, message: str):
    with pytest.raises(MinutesError) as info:
        yamlio.decode(raw, "s.yaml")
    assert str(info.value).startswith(message)


def test_a_byte_order_mark_is_dropped_on_reading():
    assert yamlio.decode(b"\xef\xbb\xbfa: 1\n", "s.yaml") == "a: 1\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\nb: 'x\nc: 2\n", "s.yaml:2:4: unclosed quote: the quoted text that starts here does not end"),
        ('a: 1\nb: "x\nc: 2\n', "s.yaml:2:4: unclosed quote"),
        ("a: [1,\n 2\nb: 3\n", "s.yaml:1:4: unclosed [: the list that starts here does not end"),
        ("a: {x: 1\n\nb: 2\n", "s.yaml:1:4: unclosed {: the mapping that starts here does not end"),
        ("a: 1\n---\nb: 2\n", "s.yaml:2:1: expected a single document in the stream, but found another document"),
    ],
)
def test_a_syntax_error_points_where_the_mistake_starts(text: str, message: str):
    assert error_of(text).startswith(message)


def test_digits_are_a_decimal_number_even_with_a_leading_zero():
    assert yamlio.load("a: 010\nb: -007\nc: !!int 0x1F\n") == {"a": 10, "b": -7, "c": 31}


def test_a_lone_surrogate_from_the_command_line_is_refused_in_one_line():
    with pytest.raises(MinutesError) as info:
        yamlio.dump({"summary": "caf\udce9"})
    assert str(info.value).startswith("the text holds U+DCE9, which is not valid Unicode")


def test_what_dump_writes_reads_back_the_same_in_any_yaml_reader():
    data = {"a": "No", "b": "on", "c": "12:30", "d": "2024-01-01", "e": "010", "f": "x: y", "g": "- z", "h": "#",
            "i": "line\nbreak", "j": "tab\there", "k": "", "l": "~", "m": "1e3", "n": "0o17", "o": "中文 🎉"}
    text = yamlio.dump(data)
    assert yamlio.load(text) == data
    assert yaml.safe_load(text) == data


def test_a_file_over_the_size_cap_is_refused_before_it_is_parsed():
    with pytest.raises(MinutesError) as info:
        yamlio.decode(b"#" * (yamlio.MAX_BYTES + 1), "s.yaml")
    assert str(info.value) == f"s.yaml: file is larger than {yamlio.MAX_BYTES // 2**20} MB"


# --- the store ----------------------------------------------------------------------------------------------


def test_update_keeps_a_byte_order_mark(tmp_path: Path):
    path = tmp_path / "s.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    store.update(path, lambda text: text + "b: 2\n", lambda p: yamlio.decode(p.read_bytes(), p))
    assert path.read_bytes() == b"\xef\xbb\xbfa: 1\nb: 2\n"


def test_update_writes_nothing_when_nothing_changed(tmp_path: Path):
    path = tmp_path / "s.yaml"
    path.write_text("a: 1\n")
    before = path.stat().st_ino
    store.update(path, lambda text: text, lambda p: p.read_text())
    assert path.stat().st_ino == before


def test_temp_files_are_found_by_their_literal_name_not_as_a_pattern(tmp_path: Path):
    path = tmp_path / "[draft] s.yaml"
    path.write_text("a: 1\n")
    leftover = tmp_path / ".[draft] s.yaml.tmp-abc123"
    leftover.write_text("half")
    other = tmp_path / ".d s.yaml.tmp-xyz"  # would match the pattern "[draft] s.yaml" read as a glob
    other.write_text("not ours")
    assert store.leftover_temps(path) == [leftover]
    store.update(path, lambda text: text + "b: 2\n", lambda p: p.read_text())
    assert not leftover.exists() and other.exists()


def test_write_atomic_refuses_text_that_is_not_unicode(tmp_path: Path):
    path = tmp_path / "s.yaml"
    path.write_text("a: 1\n")
    with pytest.raises(MinutesError, match="U\\+DCFF"):
        store.write_atomic(path, "a: \udcff\n")
    assert path.read_text() == "a: 1\n" and not store.leftover_temps(path)


def test_create_refuses_an_existing_file_and_a_dangling_symlink(tmp_path: Path):
    existing = tmp_path / "a.yaml"
    existing.write_text("x")
    dangling = tmp_path / "b.yaml"
    dangling.symlink_to(tmp_path / "nowhere")
    for path in (existing, dangling):
        with pytest.raises(MinutesError, match="already exists"):
            store.create(path, "new")
        assert not store.lock_path(path).exists()
    assert existing.read_text() == "x" and not (tmp_path / "nowhere").exists()


def test_the_lock_file_is_opened_without_following_a_symlink(tmp_path: Path):
    victim = tmp_path / "victim"
    victim.write_text("precious")
    path = tmp_path / "s.yaml"
    path.write_text("a: 1\n")
    store.lock_path(path).parent.mkdir(parents=True)
    store.lock_path(path).symlink_to(victim)
    with pytest.raises(MinutesError, match="symbolic link"):
        store.update(path, lambda text: text + "b: 2\n", lambda p: p.read_text())
    assert victim.read_text() == "precious" and path.read_text() == "a: 1\n"


def test_a_missing_file_leaves_no_lock_file_behind(tmp_path: Path):
    with pytest.raises(MinutesError, match="no such file"):
        store.update(tmp_path / "gone.yaml", lambda t: t, lambda p: p.read_text())
    assert os.listdir(tmp_path) == []


def test_a_structure_nested_too_deeply_is_refused_with_its_line():
    text = "a: 1\nb: " + "[" * 150 + "]" * 150 + "\n"
    assert error_of(text).startswith("s.yaml:2:") and "nested more than" in error_of(text)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("a: !!map x\n", "expected a mapping"), ("a: !!seq x\n", "expected a list"), ("a: !!str [x]\n", "single value"),
     ("a: !!int [x]\n", "single value")],
)
def test_a_core_tag_on_the_wrong_kind_of_node_is_refused(text: str, problem: str):
    assert problem in error_of(text)


def test_the_fast_builder_and_pyyaml_agree_on_a_real_session():
    from minutes.yamlio import StrictLoader

    text = (Path(__file__).parent / "bad" / "ok-norway.yaml").read_text(encoding="utf-8")
    assert yamlio.load(text) == yaml.load(text, Loader=StrictLoader)


def test_classic_mac_line_endings_are_read_as_lines_and_written_back_as_they_were(tmp_path: Path):
    path = tmp_path / "s.yaml"
    path.write_bytes(b"# old Mac file\ra: 1\rb: 2\r")
    assert yamlio.decode(path.read_bytes(), path) == "# old Mac file\na: 1\nb: 2\n"
    store.update(path, lambda text: text + "c: 3\n", lambda p: yamlio.decode(p.read_bytes(), p))
    assert path.read_bytes() == b"# old Mac file\ra: 1\rb: 2\rc: 3\r"


def test_crlf_text_is_left_as_it_is_on_reading():
    assert yamlio.decode(b"a: 1\r\nb: 2\r\n", "s.yaml") == "a: 1\r\nb: 2\r\n"
