"""The strict loader and the atomic store, tested below the command line: what they refuse, and where they say it is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from figures import record  # noqa: E402
from minutes.store import atomic as store
from minutes.store import yamlio
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
    from minutes.store.yamlio import StrictLoader

    text = (Path(__file__).parents[1] / "bad" / "ok-norway.yaml").read_text(encoding="utf-8")
    assert yamlio.load(text) == yaml.load(text, Loader=StrictLoader)


def test_classic_mac_line_endings_are_read_as_lines_and_written_back_as_they_were(tmp_path: Path):
    path = tmp_path / "s.yaml"
    path.write_bytes(b"# old Mac file\ra: 1\rb: 2\r")
    assert yamlio.decode(path.read_bytes(), path) == "# old Mac file\na: 1\nb: 2\n"
    store.update(path, lambda text: text + "c: 3\n", lambda p: yamlio.decode(p.read_bytes(), p))
    assert path.read_bytes() == b"# old Mac file\ra: 1\rb: 2\rc: 3\r"


def test_crlf_text_is_left_as_it_is_on_reading():
    assert yamlio.decode(b"a: 1\r\nb: 2\r\n", "s.yaml") == "a: 1\r\nb: 2\r\n"


# --- special files named *.yaml: refused at once, and folder commands go on --------------------------

SESSION = (Path(__file__).parents[1] / "bad" / "ok-plain.yaml").read_text(encoding="utf-8")


def _plant(kind: str, name: str) -> object:
    """Make ``name`` (in the working folder) a file of ``kind``; return what keeps it alive."""
    import socket

    if kind == "FIFO":
        os.mkfifo(name)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(name)  # relative: a socket's path must be short
        return sock
    else:
        os.symlink({"link to /dev/zero": "/dev/zero", "link to /dev/null": "/dev/null"}[kind], name)
    return None


SPECIAL = {"FIFO": "a FIFO", "socket": "a socket", "link to /dev/zero": "a character device",
           "link to /dev/null": "a character device"}


@pytest.fixture
def alarm():
    """Fail a command that blocks or reads forever, instead of hanging the suite."""
    import signal

    def ring(*_):
        raise TimeoutError("the command did not return within 10 s")

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("kind", SPECIAL)
def test_a_special_file_named_yaml_is_refused_at_once_by_show_and_add(cli, alarm, kind: str):
    keep = _plant(kind, "bad.yaml")  # noqa: F841 - the socket stays bound while the test runs
    for args in (["show", "bad.yaml"], ["add-speech", "Ana", "--summary", "x", "-f", "bad.yaml"], ["use", "bad.yaml"]):
        result = cli(*args, code=1)
        said = result.stderr.strip()  # a write names the link's target, which it locks and reads
        assert said in {f"minutes: error: {n}: is {SPECIAL[kind]}, not a session file" for n in ("bad.yaml", os.path.realpath("bad.yaml"))}, args


@pytest.mark.parametrize("kind", SPECIAL)
def test_a_special_file_in_a_folder_is_reported_and_the_other_sessions_still_are_read(cli, alarm, kind: str):
    (cli.folder / "good.yaml").write_text(SESSION, encoding="utf-8")
    keep = _plant(kind, "bad.yaml")  # noqa: F841
    said = f"bad.yaml: is {SPECIAL[kind]}, not a session file"
    checked = cli("check", ".", code=1)
    assert f"error: {said}" in checked.stderr and "2 file(s) checked" in checked.stdout
    listed = cli("list", ".")
    assert said in listed.stdout and "Board meeting" in listed.stdout
    actions = cli("actions", ".")
    assert said in actions.stderr and "Publish the minutes" in actions.stdout
    report = cli("report", "attendance", ".")
    assert said in report.stderr and "Ana Lima" in report.stdout
    rendered = cli("render", ".", "--out", "O", code=1)
    assert said in rendered.stderr and [p.name for p in (cli.folder / "O").iterdir()] == [
        "2024-03-12-good.minutes.en.md"
    ]


def test_a_device_itself_is_refused_by_every_reader(cli, alarm):
    for args in (["show", "/dev/null"], ["check", "/dev/null"], ["add-speech", "Ana", "-f", "/dev/zero"]):
        result = cli(*args, code=1)
        assert ": is a character device, not a session file" in result.stderr, args


def test_the_size_cap_is_checked_on_the_open_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from minutes.store import readfile

    path = tmp_path / "s.yaml"
    path.write_bytes(b"a: 1\n" * 10)
    assert readfile.read(path, 50) == b"a: 1\n" * 10
    with pytest.raises(MinutesError, match="file is larger than"):
        readfile.read(path, 49)
    sizes = iter([10])  # a file that grows after the fstat: at most cap + 1 bytes are read
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], next(sizes, 10), *real_fstat(fd)[7:])))
    with pytest.raises(MinutesError, match="file is larger than"):
        readfile.read(path, 49)


@pytest.mark.parametrize("kind", ["FIFO", "link to /dev/zero"])
def test_a_special_file_in_the_cache_folder_is_ignored_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, alarm, kind: str
):
    from minutes.store import cache
    from minutes.store import index
    from minutes.store import loader as session

    path = tmp_path / "s.yaml"
    path.write_text(SESSION + "# padding\n" * 2000, encoding="utf-8")  # over 16 KB: cached in full
    for planted in (cache.entry_path(path), index._target(tmp_path)):
        planted.parent.mkdir(parents=True, exist_ok=True)
        monkeypatch.chdir(planted.parent)
        _plant(kind, planted.name)
    assert session.load(path).title == "Board meeting"
    assert index.cached([path], "list", lambda p: p.name) == ["s.yaml"]


# --- error storms: one parse, the first 20 errors and a count ----------------------------------------


def _run_check(tmp_path: Path, text: str, name: str) -> tuple[int, list[str], str]:
    import subprocess
    import sys
    import time

    path = tmp_path / "storm.yaml"
    path.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src"), "MINUTES_CACHE_DIR": str(tmp_path / "c")}
    start = time.monotonic()
    done = subprocess.run(  # a generous bound: before the fix these took minutes (2,000 items) and hours (100,000 keys)
        [sys.executable, "-m", "minutes", "check", str(path)], capture_output=True, text=True, timeout=60, env=env,
        cwd=tmp_path,
    )
    record(name, seconds=round(time.monotonic() - start, 2))
    return done.returncode, done.stderr.splitlines(), done.stdout


def test_two_thousand_bad_items_are_reported_quickly_first_twenty_and_a_count(tmp_path: Path):
    items = "".join(f"- kind: speech\n  speaker: ana\n  summary: s{i}\n  at: '99:{i % 60:02d}'\n" for i in range(2000))
    text = SESSION + items
    code, errors, summary = _run_check(tmp_path, text, "check of 2,000 bad items")
    assert code == 1
    first = SESSION.count("\n") + 4  # the `at:` of the fourth item: the three of the base are valid
    assert errors[0].startswith(f"error: {tmp_path / 'storm.yaml'}:{first}: item 4, at: must be a time")
    assert len(errors) == 21 and errors[-1].endswith(": ... and 1,980 more errors")
    assert errors[19].startswith(f"error: {tmp_path / 'storm.yaml'}:{first + 19 * 4}: item 23, at")
    assert "21 error(s)" in summary


def test_a_hundred_thousand_unknown_keys_are_reported_quickly_first_twenty_and_a_count(tmp_path: Path):
    text = SESSION + "".join(f"unknown_{i}: x\n" for i in range(100_000))
    code, errors, _ = _run_check(tmp_path, text, "check of 100,000 unknown keys")
    assert code == 1
    assert errors[0] == f"error: {tmp_path / 'storm.yaml'}:{SESSION.count(chr(10)) + 1}: unknown_0: unknown field"
    assert errors[-1].endswith(": ... and 99,980 more errors") and len(errors) == 21


def test_parse_counts_every_error_of_a_storm_not_only_those_shown():
    from minutes.store import loader as session

    text = SESSION + "".join(f"unknown_{i}: x\n" for i in range(50))
    with pytest.raises(MinutesError, match=r"unknown_0: unknown field \(and 49 more; run 'minutes check'\)$"):
        session.parse(text, "s.yaml")


def test_errors_are_located_from_one_composition_of_the_file(monkeypatch: pytest.MonkeyPatch):
    from minutes.store import loader as session

    calls = []
    real = yaml.compose
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: calls.append(1) or real(*a, **k))
    text = SESSION + "".join(f"unknown_{i}: x\n" for i in range(500))
    errors = session.validate(text, "s.yaml")
    assert len(errors) == 21 and errors.total == 500
    assert len(calls) == 1


def test_check_locates_many_findings_from_one_composition(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    from minutes.records import checks

    people = "".join(f"- person: p{i}\n  status: present\n" for i in range(300))
    path = tmp_path / "s.yaml"
    path.write_text(SESSION.replace("attendees:\n", "attendees:\n" + people), encoding="utf-8")
    calls = []
    real = yaml.compose
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: calls.append(1) or real(*a, **k))
    found = checks.check_file(path)
    assert sum("is not in people" in f.message for f in found) == 300
    assert len(calls) <= 2  # the load, and one for locating every finding


# --- values the loader cannot turn into numbers or flags: located one-line errors --------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!int abc\n", "s.yaml:1:4: 'abc' is not a valid !!int"),
        ("a: !!float abc\n", "s.yaml:1:4: 'abc' is not a valid !!float"),
        ("a: !!bool maybe\n", "s.yaml:1:4: 'maybe' is not a valid !!bool"),
        ("a: 1\nb: " + "7" * 5000 + "\n", "s.yaml:2:4: a number of 5,000 digits is too long (at most 4,300)"),
        ("a: !!int " + "7" * 4301 + "\n", "s.yaml:1:4: a number of 4,301 digits is too long (at most 4,300)"),
    ],
)
def test_a_value_that_is_not_the_number_or_flag_it_claims_is_a_located_error(text: str, message: str):
    assert error_of(text) == message


def test_a_number_of_4300_digits_is_still_a_number():
    assert yamlio.load("a: " + "7" * 4300 + "\n") == {"a": int("7" * 4300)}


def test_a_lone_surrogate_in_text_to_load_is_a_one_line_error():
    assert error_of("a: 1\nb: caf\udce9\n") == (
        "s.yaml:2: the text holds U+DCE9, which is not valid Unicode (is the terminal set to UTF-8?)"
    )
