import pytest

from minutes.store import startup
from minutes.store import yamlio
from minutes.errors import MinutesError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: No", "No"),
        ("a: on", "on"),
        ("a: yes", "yes"),
        ("a: 12:30", "12:30"),
        ("a: 2024-01-01", "2024-01-01"),
        ("a: 0o17", "0o17"),
        ("a: 3", 3),
        ("a: 2.5", 2.5),
        ("a: true", True),
        ("a: ~", None),
        ("a:", None),
    ],
)
def test_scalars_keep_the_meaning_the_user_wrote(text, expected):
    assert yamlio.load(text)["a"] == expected


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: 1\nb: 2\na: 3\n", "duplicate key 'a'", ":3:"),
        ("a: &x [1]\nb: *x\n", "aliases", ":1:"),
        ("a:\n\tb: 1\n", "tab character", ":2:"),
        ("a: 1\nb: \x07\n", "U+0007", ":2:"),
        ("a: \uffff\n", "U+FFFF", ":1:"),
        ("a: !!python/object:os.system x\n", "python/object", ":1:"),
        ("a: [1, 2\n", "", ":"),
    ],
)
def test_bad_yaml_gives_a_located_one_line_error(text, message, line):
    with pytest.raises(MinutesError) as info:
        yamlio.load(text, "s.yaml")
    text_of_error = str(info.value)
    assert text_of_error.startswith("s.yaml" + line)
    assert message in text_of_error
    assert "\n" not in text_of_error


def test_a_merge_key_is_plain_text_and_merges_nothing():
    assert yamlio.load("a: 1\n<<: {b: 2}\n") == {"a": 1, "<<": {"b": 2}}


def test_an_alias_bomb_is_refused_before_it_expands():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9)
    )
    with pytest.raises(MinutesError, match="aliases"):
        yamlio.load(bomb, "bomb.yaml")


def test_an_oversized_file_is_refused(monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_BYTES", 100)
    with pytest.raises(MinutesError, match="larger than"):
        yamlio.decode(b"a: " + b"x" * 200, "big.yaml")


def test_decode_names_the_line_of_a_bad_utf8_byte():
    with pytest.raises(MinutesError, match=r"f.yaml:2: not valid UTF-8 \(byte 0xff\)"):
        yamlio.decode(b"a: 1\nb: \xff\n", "f.yaml")


def test_decode_refuses_utf16_and_strips_a_utf8_bom():
    with pytest.raises(MinutesError, match="UTF-16"):
        yamlio.decode("a: 1".encode("utf-16"), "f.yaml")
    assert yamlio.decode(b"\xef\xbb\xbfa: 1\n", "f.yaml") == "a: 1\n"


@pytest.mark.parametrize("value", ["18:30", "No", "on", "2024-01-01", "x: y", "- a", "#c", "", "multi\nline"])
def test_dumped_text_reads_back_the_same_in_any_yaml_reader(value):
    import yaml

    text = yamlio.dump({"v": value})
    assert yaml.safe_load(text)["v"] == value
    assert yamlio.load(text)["v"] == value
    assert yaml.safe_load("v: " + yamlio.scalar(value))["v"] == value


def test_the_seeded_non_printable_class_matches_pyyamls_own_on_every_code_point():
    import re

    import yaml

    own = re.compile(startup.YAML_NON_PRINTABLE, re.UNICODE)  # another cache key: compiled as PyYAML writes it
    seeded = yaml.reader.Reader.NON_PRINTABLE
    text = "".join(map(chr, range(0x110000)))
    assert [m.start() for m in own.finditer(text)] == [m.start() for m in seeded.finditer(text)]


def test_pyyaml_compiles_its_non_printable_class_from_the_seeded_cache():
    import subprocess
    import sys

    code = "import minutes.store.yamlio, minutes.store.startup as s, yaml; print(yaml.reader.Reader.NON_PRINTABLE.pattern == s.NON_PRINTABLE)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "True\n"
