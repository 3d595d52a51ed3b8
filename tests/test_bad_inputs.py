"""The bad-input corpus (tests/bad/) run through every command that reads a session file.

Every bad file must give a one-line error that names the file and the line or field, exit 1 or 2,
no traceback, and leave the file byte-identical. Unusual but valid files (BOM, CRLF, CJK, RTL,
emoji, Norway values, a 1 MB title) must work, and writes must keep them as they were.
`tests/bad/make_corpus.py` writes the files and `tests/bad/cases.json`, which says what each must do.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import typer.main
import typer.testing
import yaml
from typer.testing import CliRunner

from minutes.store import yamlio
from minutes.cli.app import app

BAD = Path(__file__).resolve().parent / "bad"
CASES = {c["name"]: c for c in json.loads((BAD / "cases.json").read_text(encoding="utf-8"))}
BASE = (BAD / "ok-plain.yaml").read_text(encoding="utf-8")

# Built once: building the click command from the Typer app costs ~50 ms, running it a few ms.
COMMAND = typer.main.get_command(app)
APP_COMMANDS = set(COMMAND.commands)  # type: ignore[attr-defined]

# How each command that reads a session file is run against FILE (OUT is a folder for output).
READERS: dict[str, Callable[[str, str], list[str]]] = {
    "check": lambda f, out: ["check", f],
    "show": lambda f, out: ["show", f],
    "show --json": lambda f, out: ["show", f, "--json"],
    "agenda": lambda f, out: ["agenda", f],
    "agenda --json": lambda f, out: ["agenda", f, "--json"],
    "settings": lambda f, out: ["settings", f, "--json"],
    "use": lambda f, out: ["use", f],
    "set": lambda f, out: ["set", "adjourned", "19:30", "-f", f],
    "add-attendee": lambda f, out: ["add-attendee", "Carla Diaz", "--status", "guest", "-f", f],
    "add-person": lambda f, out: ["add-person", "Dora Lind", "--handle", "@dlind", "-f", f],
    "add-group": lambda f, out: ["add-group", "Observers", "--non-voting", "-f", f],
    "add-speech": lambda f, out: ["add-speech", "Ana", "--summary", "Added by the corpus test.", "-f", f],
    "add-report": lambda f, out: ["add-report", "Ben", "--title", "Corpus report", "-f", f],
    "add-resolution": lambda f, out: [
        "add-resolution", "Corpus motion", "--for", "2", "--against", "1", "--result", "adopted", "-f", f,
    ],
    "add-item": lambda f, out: ["add-item", "discussion", "Corpus discussion.", "-f", f],
    "add-action": lambda f, out: ["add-action", "Corpus task", "--owner", "Ben", "--due", "2024-04-30", "-f", f],
    "add-section": lambda f, out: ["add-section", "Corpus section", "--label", "9Z", "-f", f],
    "add-decision": lambda f, out: ["add-decision", "Corpus decision.", "-f", f],
    "goto": lambda f, out: ["goto", "top", "-f", f],
    "remove": lambda f, out: ["remove", "1", "-f", f],
    "edit": lambda f, out: ["edit", "-f", f, "--editor", "true"],
    "verify": lambda f, out: ["verify", f],
    "approve": lambda f, out: ["approve", "-f", f, "--on", "2024-04-09", "--by", "the Board"],
    "render": lambda f, out: ["render", f, "--out", out, "--format", "md"],
    "migrate": lambda f, out: ["migrate", f],
    "record": lambda f, out: ["record", f],
}
# What a reader gets on stdin (`record` replays these lines).
READER_INPUT = {"record": "- Added by the corpus test.\n"}
WRITERS = {
    "set", "add-attendee", "add-person", "add-group", "add-speech", "add-report", "add-resolution", "add-item", "add-action", "remove", "approve",
    "add-section", "migrate", "add-decision", "record",
}
# Commands that act on an entry a file may not hold (a resolution, a consent agenda's item, an earlier action):
# run on the bad files only, where the file's own error must come first.
ENTRY_READERS: dict[str, Callable[[str, str], list[str]]] = {
    "add-vote": lambda f, out: ["add-vote", "1", "--voice", "-f", f],
    "pull": lambda f, out: ["pull", "1", "-f", f],
    "review": lambda f, out: ["review", "20240312-1", "--status", "Corpus status", "-f", f],
}
# Commands that read every session in a folder: run on a folder holding the whole corpus.
FOLDER_READERS: dict[str, Callable[[str, str], list[str]]] = {
    "list": lambda d, out: ["list", d],
    "list --json": lambda d, out: ["list", d, "--json"],
    "actions": lambda d, out: ["actions", d],
    "actions --json": lambda d, out: ["actions", d, "--json"],
    "report resolutions": lambda d, out: ["report", "resolutions", d],
    "report attendance": lambda d, out: ["report", "attendance", d, "--format", "csv", "--out", out + "/att.csv"],
    "report speakers": lambda d, out: ["report", "speakers", d, "--format", "json"],
    "done": lambda d, out: ["done", "no-such-action", "--dir", d],
}
# Commands that read no session file.
NOT_READERS = {"new", "schema"}


def _readers() -> list[str]:
    """The readers this version of minutes has: `render` joins as soon as the command exists."""
    return [r for r in READERS if r.split()[0] in APP_COMMANDS]


# --- generated cases: too big to keep in the repository ----------------------------------------------


def _oversized() -> bytes:
    pad = b"# padding to exceed the size limit\n" * ((yamlio.MAX_BYTES // 35) + 2)
    return BASE.encode() + pad


TITLE_1MB = ("Minutes of the extraordinary general assembly, " * 22_000)[: 2**20].strip()


def _title_1mb() -> bytes:
    return BASE.replace("title: Board meeting", f"title: {TITLE_1MB}").encode()


GENERATED: dict[str, tuple[Callable[[], bytes], dict]] = {
    "oversized.yaml": (_oversized, {"expect": "error", "message": "larger than", "what": "a file over the size cap"}),
    "ok-title-1mb.yaml": (
        _title_1mb,
        {"expect": "ok", "keep": "comments", "json": {"title": TITLE_1MB}, "what": "a title of 1 MB"},
    ),
}
for _name, (_, _case) in GENERATED.items():
    CASES[_name] = {"name": _name, "message": "", **_case}

ERROR_CASES = sorted(n for n, c in CASES.items() if c["expect"] == "error")
CHECK_CASES = sorted(n for n, c in CASES.items() if c["expect"] == "check")
OK_CASES = sorted(n for n, c in CASES.items() if c["expect"] == "ok")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("generated")
    files = {}
    for name, (make, _) in GENERATED.items():
        files[name] = folder / name
        files[name].write_bytes(make())
    return files


class Run:
    """A copy of one corpus file in an empty folder, and a way to run commands on it."""

    def __init__(self, folder: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        self.path = folder / source.name
        shutil.copyfile(source, self.path)
        self.original = self.path.read_bytes()
        self.out = folder / "out"
        self.out.mkdir()
        monkeypatch.chdir(folder)
        monkeypatch.delenv("MINUTES_FILE", raising=False)
        monkeypatch.setenv("COLUMNS", "200")
        monkeypatch.setattr(typer.testing, "_get_command", lambda _: COMMAND)
        self.before = self.listing()

    def __call__(self, reader: str, args: list[str] | None = None, input: str | None = None):
        argv = args if args is not None else READERS[reader](str(self.path), str(self.out))
        input = READER_INPUT.get(reader) if input is None else input
        result = CliRunner().invoke(app, argv, input=input, catch_exceptions=True, prog_name="minutes")
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{argv} raised {type(result.exception).__name__}: {result.exception}"
        )
        assert "Traceback" not in result.output and "Traceback" not in result.stderr
        return result

    def listing(self) -> set[str]:
        return {str(p.relative_to(self.folder)) for p in self.folder.rglob("*")}

    def new_files(self, *, cache: bool = False) -> set[str]:
        """Return the files that appeared, apart from the lock file and minutes's own state.

        The state is `minutes use`'s choice and the editors' schema; the parse cache and the folder
        index live in the user's cache folder, never here (``cache`` is kept for the callers).
        """
        expected = {".minutes", ".minutes/locks", f".minutes/locks/{self.path.name}.lock", ".minutes/current",
                    ".minutes/session.schema.json"}
        return {p for p in self.listing() - self.before if p not in expected and not p.startswith("out/")}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, generated: dict[str, Path]):
    def make(name: str) -> Run:
        return Run(tmp_path, generated.get(name) or BAD / name, monkeypatch)

    return make


def assert_located_error(line: str, case: dict, path: Path) -> None:
    """Check that an error line names the file and the line or field, and says what is wrong."""
    assert path.name in line, f"the error does not name the file: {line}"
    if case.get("line") is not None:
        assert re.search(rf"{re.escape(path.name)}:{case['line']}\b", line), f"expected line {case['line']}: {line}"
    if case.get("field"):
        assert case["field"] in line, f"expected the field {case['field']!r}: {line}"
    assert case["message"].lower() in line.lower(), f"expected {case['message']!r}: {line}"
    assert "internal error" not in line


# `render` ends a batch with a count ("rendered 0 of 1 file(s) into out; 1 failed"): a summary, not an error.
BATCH_SUMMARY = re.compile(r"^rendered \d+ of \d+ file")


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and not BATCH_SUMMARY.match(line)]


# --- the corpus itself ----------------------------------------------------------------------------


def test_the_corpus_holds_at_least_40_bad_inputs_and_every_file_has_an_expectation():
    files = {p.name for p in BAD.iterdir() if p.suffix == ".yaml"}
    listed = {n for n in CASES if n not in GENERATED}
    assert files == listed, f"files without a case: {files - listed}; cases without a file: {listed - files}"
    bad = len(ERROR_CASES) + len(CHECK_CASES) + len(BAD_COMMAND_LINES)
    assert bad >= 40
    assert len(ERROR_CASES) + len(CHECK_CASES) >= 40


def test_the_corpus_files_are_what_make_corpus_writes(tmp_path: Path):
    """The committed files match their generator, so a case cannot drift from its description."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", BAD / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    for entry in module.CASES:
        assert (BAD / entry["name"]).read_bytes() == entry["_data"], entry["name"]


def test_every_command_that_can_read_a_session_is_run_on_the_corpus():
    """A new command must be added to READERS (or NOT_READERS), so no reader escapes the corpus."""
    known = {r.split()[0] for r in READERS} | {r.split()[0] for r in FOLDER_READERS} | set(ENTRY_READERS)
    classified = known | NOT_READERS
    assert APP_COMMANDS <= classified, f"commands not run on the corpus: {APP_COMMANDS - classified}"
    missing = known - APP_COMMANDS
    assert not missing, f"READERS names commands that do not exist: {missing}"


# --- bad files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("reader", _readers())
@pytest.mark.parametrize("name", ERROR_CASES)
def test_a_bad_file_gives_a_one_line_located_error_and_stays_unchanged(corpus, name: str, reader: str):
    run = corpus(name)
    case = CASES[name]
    result = run(reader)
    assert result.exit_code in (1, 2), (result.exit_code, result.stdout, result.stderr)
    lines = error_lines(result.stderr)
    if reader == "check":
        assert lines and all(line.startswith("error: ") for line in lines), lines
        assert_located_error(lines[0], case, run.path)
        assert re.search(r"[1-9]\d* error", result.stdout)
    else:
        assert len(lines) == 1, lines
        assert lines[0].startswith("minutes: error: "), lines
        assert_located_error(lines[0], case, run.path)
        assert result.stdout == ""
    assert run.path.read_bytes() == run.original
    new = run.new_files()
    if reader == "edit":  # edit keeps what the editor returned next to the file, for the user to fix
        new = {p for p in new if "-rejected-" not in p}
    assert not new, f"files left behind: {new}"
    assert not any(run.out.iterdir()), "output written for a bad file"


@pytest.mark.parametrize("reader", ENTRY_READERS)
@pytest.mark.parametrize("name", ERROR_CASES)
def test_a_command_on_an_entry_names_the_bad_file_first(corpus, name: str, reader: str):
    run = corpus(name)
    result = run(reader, ENTRY_READERS[reader](str(run.path), str(run.out)))
    assert result.exit_code in (1, 2), (result.exit_code, result.stdout, result.stderr)
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and lines[0].startswith("minutes: error: "), lines
    assert_located_error(lines[0], CASES[name], run.path)
    assert run.path.read_bytes() == run.original


@pytest.mark.parametrize("name", CHECK_CASES)
def test_check_reports_a_reference_to_nobody_with_its_line(corpus, name: str):
    run = corpus(name)
    result = run("check")
    assert result.exit_code == 1
    lines = [line for line in error_lines(result.stderr) if line.startswith("error: ")]
    assert len(lines) == 1, lines
    assert_located_error(lines[0], CASES[name], run.path)
    assert run.path.read_bytes() == run.original


@pytest.mark.parametrize("reader", [r for r in _readers() if r not in ("check", "render")])
@pytest.mark.parametrize("name", CHECK_CASES)
def test_a_file_with_a_dangling_reference_can_still_be_shown_and_added_to(corpus, name: str, reader: str):
    """Only `check` fails on a reference to nobody: the user needs show and the add commands to fix it."""
    run = corpus(name)
    result = run(reader)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    if reader in WRITERS - {"remove", "set", "migrate"}:
        assert_lines_kept(run.original, run.path.read_bytes())


@pytest.mark.parametrize("name", CHECK_CASES)
def test_render_refuses_or_renders_a_dangling_reference_without_a_traceback(corpus, name: str):
    run = corpus(name)
    result = run("render")
    assert result.exit_code in (0, 1)
    if result.exit_code == 1:
        lines = error_lines(result.stderr)
        assert len(lines) == 1 and lines[0].startswith("minutes: error: ")
    assert run.path.read_bytes() == run.original


# --- unusual but valid files --------------------------------------------------------------------------


def assert_lines_kept(before: bytes, after: bytes) -> None:
    """Every line of the old file is still there, in order (comments and layout survive a write)."""
    old = before.decode("utf-8-sig").splitlines()
    new = iter(after.decode("utf-8-sig").splitlines())
    for line in old:
        assert any(line == candidate for candidate in new), f"line lost: {line!r}"


def assert_kept_as_it_was(case: dict, before: bytes, after: bytes) -> None:
    keep = case.get("keep", "").split()
    assert after.startswith(b"\xef\xbb\xbf") == ("bom" in keep), "byte-order mark added or dropped"
    assert after.count(b"\xef\xbb\xbf") <= 1
    body = after.removeprefix(b"\xef\xbb\xbf")
    if "crlf" in keep:
        assert b"\n" not in body.replace(b"\r\n", b""), "a bare LF in a CRLF file"
        assert b"\r" not in body.replace(b"\r\n", b""), "a bare CR in a CRLF file"
    elif "cr" in keep:
        assert b"\n" not in body, "an LF in a CR-only file"
    else:
        assert b"\r" not in body or b"\r" in before
    if "comments" in keep:
        assert [l for l in before.splitlines() if l.lstrip().startswith(b"#")] == [
            l for l in after.splitlines() if l.lstrip().startswith(b"#")
        ]


@pytest.mark.parametrize("reader", _readers())
@pytest.mark.parametrize("name", OK_CASES)
def test_an_unusual_but_valid_file_works_and_keeps_its_form(corpus, name: str, reader: str):
    run = corpus(name)
    case = CASES[name]
    result = run(reader)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert not [line for line in error_lines(result.stderr) if "error" in line.lower()], result.stderr
    after = run.path.read_bytes()
    if reader in WRITERS:
        assert after != run.original
        assert_kept_as_it_was(case, run.original, after)
        if reader not in ("remove", "set", "migrate"):  # migrate rewrites schema_version and texts to escape
            assert_lines_kept(run.original, after)
        yaml.safe_load(after.decode("utf-8-sig"))  # any YAML reader, not only ours, can still parse it
        data = yamlio.load(after.decode("utf-8-sig"))
        for key, value in case.get("json", {}).items():
            assert data[key] == value
    else:
        assert after == run.original
    if reader == "show --json":
        shown = json.loads(result.stdout)
        for key, value in case.get("json", {}).items():
            assert shown[key] == value, key
    if reader == "show":
        flat = re.sub(r"\s+", "", result.stdout)
        for text in case.get("show", []):
            assert re.sub(r"\s+", "", text) in flat, text
    assert not run.new_files(cache=True)


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name in CASES:
        if name not in GENERATED:
            shutil.copyfile(BAD / name, folder / name)
    return folder


@pytest.mark.parametrize("reader", [r for r in FOLDER_READERS if r.split()[0] in APP_COMMANDS])
def test_a_folder_command_names_every_file_it_could_not_read(
    corpus_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reader: str
):
    """A register or list that silently leaves out a broken session would lose a meeting without a word."""
    folder = tmp_path / "sessions"
    shutil.copytree(corpus_folder, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(typer.testing, "_get_command", lambda _: COMMAND)
    result = CliRunner().invoke(app, FOLDER_READERS[reader](str(folder), str(tmp_path)), catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in ((0, 1, 2) if reader == "done" else (0, 1)), (result.exit_code, result.stderr)
    assert "Traceback" not in result.output + result.stderr
    assert "internal error" not in result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    if reader != "done":
        said = result.stdout + result.stderr
        unnamed = [n for n in ERROR_CASES if n in before and n not in said]
        assert not unnamed, f"{len(unnamed)} unreadable files not mentioned, e.g. {unnamed[:3]}"


# --- bad command lines --------------------------------------------------------------------------------

# (id, arguments after the command name with F for the file, stdin, allowed exit codes, text the error must hold)
BAD_COMMAND_LINES: list[tuple[str, list[str], str | None, set[int], str]] = [
    ("unknown speaker", ["add-speech", "Nobody At All", "--summary", "x", "-f", "F"], None, {1}, "unknown speaker"),
    ("misspelt speaker", ["add-speech", "Ana Lma", "--summary", "x", "-f", "F"], None, {1}, "did you mean 'Ana Lima'"),
    ("ambiguous speaker", ["add-speech", "B", "--summary", "x", "-f", "F"], None, {1}, "ambiguous"),
    ("unknown owner", ["add-action", "Task", "--owner", "Zoe", "-f", "F"], None, {1}, "unknown owner"),
    ("unknown chair", ["set", "chair", "Nobody", "-f", "F"], None, {1}, "unknown chair"),
    ("negative vote", ["add-resolution", "M", "--for", "-1", "-f", "F"], None, {2}, "--for"),
    ("vote in words", ["add-resolution", "M", "--for", "many", "-f", "F"], None, {2}, "--for"),
    ("counts and acclamation", ["add-resolution", "M", "--for", "1", "--acclamation", "-f", "F"], None, {2}, "acclamation"),
    ("result that does not exist", ["add-resolution", "M", "--result", "maybe", "-f", "F"], None, {2}, "--result"),
    ("due on 30 February", ["add-action", "Task", "--due", "2024-02-30", "-f", "F"], None, {2}, "--due"),
    ("due in month 13", ["add-action", "Task", "--due", "2024-13-01", "-f", "F"], None, {2}, "--due"),
    ("due written as no date", ["add-action", "Task", "--due", "03/01/2024", "-f", "F"], None, {2}, "--due"),
    ("two vote methods", ["add-resolution", "M", "--voice", "--unanimous", "-f", "F"], None, {2}, "--unanimous"),
    ("roll call with counts", ["add-resolution", "M", "--aye", "Ana", "--for", "2", "-f", "F"], None, {2}, "--aye"),
    ("vote on a missing item", ["add-vote", "99", "--voice", "-f", "F"], None, {2}, "99"),
    ("time 25:00", ["add-speech", "Ana", "--at", "25:00", "-f", "F"], None, {1, 2}, "25:00"),
    ("set date to 30 February", ["set", "date", "2024-02-30", "-f", "F"], None, {1, 2}, "date"),
    ("set adjourned to 99:99", ["set", "adjourned", "99:99", "-f", "F"], None, {1, 2}, "adjourned"),
    ("set lang to a sentence", ["set", "lang", "English!", "-f", "F"], None, {1, 2}, "language code"),
    ("set a list field", ["set", "people", "x", "-f", "F"], None, {2}, "people"),
    ("set the schema version", ["set", "schema_version", "2", "-f", "F"], None, {1, 2}, "schema_version"),
    ("set a field that does not exist", ["set", "colour", "blue", "-f", "F"], None, {1, 2}, "colour"),
    ("item kind that does not exist", ["add-item", "party", "Cake.", "-f", "F"], None, {2}, "party"),
    ("item without text", ["add-item", "discussion", "-f", "F"], None, {2}, "text"),
    ("summary from empty stdin", ["add-speech", "Ana", "--summary", "-", "-f", "F"], "", {2}, "stdin"),
    ("remove item 0", ["remove", "0", "-f", "F"], None, {2}, "no item 0"),
    ("remove an action id that does not exist", ["remove", "20990101-1", "-f", "F"], None, {2}, "no item"),
    ("remove an item past the end", ["remove", "99", "-f", "F"], None, {2}, "99"),
    ("attendee twice", ["add-attendee", "Ana Lima", "-f", "F"], None, {2}, "already"),
    ("attendance that does not exist", ["add-attendee", "Carla", "--status", "asleep", "-f", "F"], None, {2}, "--status"),
    ("BEL in a summary", ["add-speech", "Ana", "--summary", "ring\x07ring", "-f", "F"], None, {1, 2}, "U+0007"),
    ("ESC in a title", ["set", "title", "\x1b[31mred", "-f", "F"], None, {1, 2}, "U+001B"),
    ("NUL in a topic", ["add-speech", "Ana", "--topic", "a\x00b", "-f", "F"], None, {1, 2}, "U+0000"),
    ("U+FFFF in a task", ["add-action", "Task\uffff", "-f", "F"], None, {1, 2}, "U+FFFF"),
    ("bytes that are not UTF-8", ["add-speech", "Ana", "--summary", "caf\udce9", "-f", "F"], None, {1, 2}, "U+DCE9"),
    ("set bytes that are not UTF-8", ["set", "title", "caf\udce9", "-f", "F"], None, {1, 2}, "U+DCE9"),
    ("set bytes that are not UTF-8 in a time", ["set", "adjourned", "\udcff", "-f", "F"], None, {1, 2}, "U+DCFF"),
    ("file that does not exist", ["add-speech", "Ana", "-f", "missing.yaml"], None, {1}, "no such file"),
    ("folder instead of a file", ["add-speech", "Ana", "-f", "out"], None, {1}, "folder"),
    ("file in a folder that does not exist", ["show", "nowhere/s.yaml"], None, {1}, "no such"),
    ("new session dated 30 February", ["new", "Board", "--date", "2024-02-30"], None, {2}, "--date"),
    # `minutes record FILE < lines`: the file first, then each line as the command it stands for
    ("record a file that does not exist", ["record", "missing.yaml"], "- x\n", {1}, "missing.yaml: no such file"),
    ("record a folder", ["record", "out"], "- x\n", {1}, "out: is a folder"),
    ("record lines that are not UTF-8", ["record", "F"], b"- caf\xe9\n\xff\xfe\x00\x01", {1}, "not UTF-8"),
    ("record a 5 MB word", ["record", "F"], "x" * 5_000_000 + "\n", {1}, "<stdin>:1: 'xxxxxxxx"),
    ("record BEL in a line", ["record", "F"], "- ring\x07ring\n", {1}, "<stdin>:1:"),
    ("record ESC in a name", ["record", "F"], "Ana\x1b[31m: hi\n", {1}, "'ana\\x1b[31m'"),
    ("record NUL in a line", ["record", "F"], "- a\x00b\n", {1}, "U+0000"),
    ("record U+001C in a line", ["record", "F"], "- a\x1cb\n", {1}, "U+001C"),
    ("record an unknown word", ["record", "F"], "\n# a comment\nblah blah\n- never\n", {1}, "<stdin>:3: 'blah'"),
    ("record new inside", ["record", "F"], "new Board --date 2024-04-09\n", {1}, "does not run inside"),
    ("record with clock and no clock", ["record", "F", "--clock", "--no-clock"], "- x\n", {2}, "--clock"),
]


@pytest.mark.parametrize(
    ("args", "stdin", "codes", "message"),
    [pytest.param(a, s, c, m, id=i) for i, a, s, c, m in BAD_COMMAND_LINES],
)
def test_a_bad_command_line_gives_one_error_line_and_leaves_the_file_unchanged(
    corpus, args: list[str], stdin: str | None, codes: set[int], message: str
):
    run = corpus("ok-plain.yaml")
    argv = [str(run.path) if a == "F" else a for a in args]
    result = run("", argv, input=stdin)
    assert result.exit_code in codes, (result.exit_code, result.stdout, result.stderr)
    lines = [line for line in error_lines(result.stderr) if re.match(r"(minutes: error: |Error: )", line)]
    assert len(lines) == 1, result.stderr
    assert message.lower() in lines[0].lower(), lines[0]
    assert "internal error" not in lines[0]
    assert run.path.read_bytes() == run.original
    assert not run.new_files(), run.new_files()


# Unusual but valid command lines: the text must land in the file exactly as typed.
ODD_VALUES = [
    ("title", "No"),
    ("title", "!!binary aGVsbG8="),
    ("title", "[draft"),
    ("title", "12:30"),
    ("title", "2024-01-01"),
    ("title", "1e3"),  # a float to a YAML 1.2 reader, text to a YAML 1.1 one: must be quoted
    ("title", "010"),
    ("title", "# not a comment"),
    ("title", "- not a list"),
    ("title", "'quoted'"),
    ("title", "a: b"),
    ("title", "第二届国际团结大会 — مجلس الإدارة — 🎉👩🏽‍💻"),
    ("occasion", "line one\nline two"),
    ("occasion", "trailing space "),
    ("occasion", "x" * 100_000),
    ("title", "1" * 5000),  # digits over Python's int-str limit: text, not a crash
]


@pytest.mark.parametrize(("field", "value"), ODD_VALUES, ids=[f"{f}={v[:20]!r}" for f, v in ODD_VALUES])
def test_set_stores_any_text_exactly_as_typed(corpus, field: str, value: str):
    run = corpus("ok-plain.yaml")
    result = run("", ["set", "-f", str(run.path), "--", field, value])  # `--`: a value may start with "-"
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(run.path.read_text(encoding="utf-8"))
    assert data[field] == value
    assert yamlio.load(run.path.read_text(encoding="utf-8"))[field] == value


@pytest.mark.parametrize(("field", "value"), ODD_VALUES, ids=[f"{f}={v[:20]!r}" for f, v in ODD_VALUES])
def test_add_speech_stores_any_summary_exactly_as_typed(corpus, field: str, value: str):
    run = corpus("ok-plain.yaml")
    result = run("", ["add-speech", "Ana", "-f", str(run.path), f"--summary={value}"])
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(run.path.read_text(encoding="utf-8"))
    assert data["proceedings"][-1]["summary"] == value
    assert_lines_kept(run.original, run.path.read_bytes())


def test_a_guest_with_a_cjk_or_emoji_name_gets_a_usable_id(corpus):
    run = corpus("ok-plain.yaml")
    for name in ("李继正", "مريم", "🎉", "👩🏽‍💻 Dev"):
        result = run("", ["add-speech", name, "--guest", "--summary", "hi", "-f", str(run.path)])
        assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(run.path.read_text(encoding="utf-8"))
    ids = [p["id"] for p in data["people"]]
    assert len(ids) == len(set(ids)) == 7
    speakers = [item["speaker"] for item in data["proceedings"][-4:]]
    names = {p["id"]: p["name"] for p in data["people"]}
    assert [names[s] for s in speakers] == ["李继正", "مريم", "🎉", "👩🏽‍💻 Dev"]
    assert run("check").exit_code == 0
