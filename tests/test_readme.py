"""Every shell block of README.md works as pasted.

The rule, stated in README.md ("Development"): a block tagged ``sh`` runs with ``bash -euo pipefail``
in an empty folder, with the installed ``minutes`` on PATH; when its first line is
``# in a copy of examples/NAME`` it runs in a copy of that example folder (the whole examples/ tree
is copied, so the other examples are its neighbours). A block that uses ``.venv/`` sets up a checkout:
its install and test commands are what .ci/run does on a fresh machine, and its ``.venv/bin/minutes``
commands run here. Text not meant to run is tagged ``text`` or ``console``.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLES, ROOT
from installed import minutes_env
from minutes.store import yamlio

README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"
MARKER = re.compile(r"# in a copy of examples/([\w-]+)")
SHELLS = {"bash", "shell", "zsh", "shell-session", "sh-session"}  # say `sh` (runs) or `console`/`text` (shown)


@dataclass(frozen=True)
class Block:
    """One fenced block of the README: where it is, its language tag and its text."""

    line: int
    section: str
    lang: str
    text: str

    @property
    def example(self) -> str | None:
        """Return the example folder the block's marker line asks for, if any."""
        match = MARKER.fullmatch(self.text.splitlines()[0].strip())
        return match.group(1) if match else None

    @property
    def checkout(self) -> bool:
        """Return whether the block sets up or uses a checkout's .venv/."""
        return ".venv/" in self.text

    def commands(self) -> list[list[str]]:
        """Return the block's commands as words: lines joined at a trailing backslash, split at ``&&``."""
        commands: list[list[str]] = []
        for line in self.text.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            while words:
                cut = words.index("&&") if "&&" in words else len(words)
                commands.append(words[:cut])
                words = words[cut + 1 :]
        return [c for c in commands if c]


def read_blocks(path: Path = README) -> list[Block]:
    """Return the fenced blocks of a Markdown file, each with the heading it stands under."""
    tokens = MarkdownIt().parse(path.read_text(encoding="utf-8"))
    blocks, section = [], ""
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            section = tokens[i + 1].content
        elif token.type == "fence":
            blocks.append(Block(token.map[0] + 1, section, token.info.strip(), token.content))
    return blocks


BLOCKS = read_blocks()
RUNNABLE = [b for b in BLOCKS if b.lang == "sh" and not b.checkout]
CHECKOUT = [b for b in BLOCKS if b.lang == "sh" and b.checkout]


def block_id(block: Block) -> str:
    return f"{block.section}:{block.line}"


def ci_commands() -> list[list[str]]:
    """Return the commands of .ci/run, one per line, as words."""
    return [words for line in CI.read_text(encoding="utf-8").splitlines() if (words := shlex.split(line, comments=True))]


# --- what each section's block must leave behind, beyond exit code 0 and its --out files ----


def recorded_a_meeting(folder: Path, stdout: str) -> None:
    (session,) = folder.glob("*.yaml")
    data = yamlio.load(session.read_text(encoding="utf-8"))
    assert {p["id"] for p in data["people"]} == {"li-jizheng", "alexander-mostov", "luan-xinlong"}
    kinds = [item["kind"] for item in data["proceedings"]]
    assert kinds == ["ceremony", "speech", "speech", "report", "resolution", "action"]
    assert data["adjourned"] == "18:30"


def recorded_into_sections(folder: Path, stdout: str) -> None:
    from minutes.model import address

    (session,) = folder.glob("*.yaml")
    data = yamlio.load(session.read_text(encoding="utf-8"))
    found = {e.address: e.entry for e in address.entries(data)}
    assert list(found) == ["1", "2", "2A", "2A.1", "3", "3.1"]
    assert found["2A.1"]["title"] == "Accounts 2024" and found["3.1"]["kind"] == "discussion"
    assert stdout.split()[1:] == ["1", "2", "2A", "3"]  # new prints the file, add-section each new address


def rendered(folder: Path, stdout: str) -> None:
    written = {p.name for p in (folder / "out").iterdir()}
    assert {f"{s.stem}.minutes.de.docx" for s in folder.glob("*.yaml")} <= written
    assert any(name.endswith("-series.minutes.en.docx") for name in written)
    assert "中国举行大型线上会议" in stdout  # the Chinese headline of the current session's release


def approved_and_amended(folder: Path, stdout: str) -> None:
    (session,) = folder.glob("*.yaml")
    data = yamlio.load(session.read_text(encoding="utf-8"))
    assert data["approval"]["status"] == "approved"
    assert [a["reason"] for a in data["amendments"]] == ["The treasurer's figure was misread"]
    approved = re.search(r"approved on 2024-04-09, hash (\w+)", stdout)
    assert approved and f"hash {approved.group(1)} matches the printed hash" in stdout  # the paper copy
    assert "matches the approved record" in stdout  # after the amendment, the recorded hash follows it


def carried_over(folder: Path, stdout: str) -> None:
    assert "20240312-2" in stdout  # Ben's open item, listed before it is closed
    new = yamlio.load((folder / "2024-04-09-regular-board-meeting.yaml").read_text(encoding="utf-8"))
    assert {i["id"] for i in new["proceedings"] if i["kind"] == "action"} == {"20240312-1", "20240312-3"}


def registers(folder: Path, stdout: str) -> None:
    assert "Ana Weber" in stdout and "Ben Okafor" in stdout


def popolo(folder: Path, stdout: str) -> None:
    data = json.loads(stdout)
    assert [e["name"] for e in data["events"]] == ["Regular Board Meeting"]


def recorded_a_roll_call(folder: Path, stdout: str) -> None:
    (session,) = (p for p in folder.glob("*.yaml") if p.name != "people.yaml")
    shared = yamlio.load((folder / "people.yaml").read_text(encoding="utf-8"))
    assert [p["name"] for p in shared["people"]] == ["Alma Reyes"]
    data = yamlio.load(session.read_text(encoding="utf-8"))
    assert "alma-reyes" not in {p["id"] for p in data["people"]}  # known from the shared roster, not copied
    assert [(a.get("as"), a.get("arrived"), a.get("left")) for a in data["attendees"]] == [
        ("Directors", None, None), ("Directors", "10:47", None), ("Executive officers", None, "11:04")]
    (minutes,) = (folder / "out").glob("*.minutes.en.md")
    text = minutes.read_text(encoding="utf-8")
    assert "### Directors present (2)" in text and "Goran Petek (arrived 10:47)" in text
    assert "### Executive officers absent\n\nNone." in text


def recorded_votes(folder: Path, stdout: str) -> None:
    (session,) = folder.glob("2024-03-12-*.yaml")
    items = yamlio.load(session.read_text(encoding="utf-8"))["proceedings"]
    assert items[12]["vote"]["ayes"] == ["ana-weber", "ben-okafor", "chen-li"]
    assert items[12]["disposition"] == "Ordinance No. 184349"
    assert items[13]["vote"]["on"] == "the amendment" and items[13]["votes"] == [{"method": "unanimous", "for": 5}]
    consent = items[14]
    assert consent["consent"] and consent["vote"] == "general-consent" and consent["items"][1]["pulled"]
    assert [i["kind"] for i in items[15:]] == ["decision", "action", "review"]
    assert "review: action 20240312-1: sorry, will do" in stdout


EXPECTED: dict[str, Callable[[Path, str], None]] = {
    "Votes, decisions and consent agendas": recorded_votes,
    "Attendance as the body takes it": recorded_a_roll_call,
    "Recording a meeting": recorded_a_meeting,
    "An agenda with sections": recorded_into_sections,
    "Rendering": rendered,
    "Approval and amendments": approved_and_amended,
    "Action items across meetings": carried_over,
    "Registers": registers,
    "Open data": popolo,
}


def run(script: str, folder: Path) -> subprocess.CompletedProcess:
    """Run ``script`` as pasted into a strict bash in ``folder``."""
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=folder, env=minutes_env(), capture_output=True, text=True, timeout=240,
    )


def test_every_block_says_whether_it_runs():
    assert RUNNABLE and CHECKOUT
    for block in BLOCKS:
        assert block.lang and block.lang not in SHELLS, f"README.md:{block.line}: tag it sh, console or text"


def test_the_blocks_that_need_examples_name_ones_that_exist():
    for block in RUNNABLE:
        if block.text.startswith("# in a copy of"):
            assert block.example and (EXAMPLES / block.example).is_dir(), f"README.md:{block.line}"


@pytest.mark.parametrize("block", RUNNABLE, ids=block_id)
def test_the_block_runs_as_pasted(block, tmp_path):
    folder = tmp_path / "empty"
    if block.example:
        shutil.copytree(EXAMPLES, tmp_path / "examples")
        folder = tmp_path / "examples" / block.example
    else:
        folder.mkdir()
    result = run(block.text, folder)
    assert result.returncode == 0, f"README.md:{block.line}: exit {result.returncode}\n{result.stderr}"
    outs = [c[c.index("--out") + 1] for c in block.commands() if "--out" in c]
    for out in outs:
        if out != "-":
            target = folder / out
            assert target.is_dir() and any(target.iterdir()) or target.is_file() and target.stat().st_size
    assert block.section in EXPECTED, f"README.md:{block.line}: say in EXPECTED what this block leaves behind"
    EXPECTED[block.section](folder, result.stdout)


def test_ci_installs_as_the_readme_says_and_runs_its_test_command_verbatim():
    ci = ci_commands()
    setup = [c for block in CHECKOUT for c in block.commands() if c[0] != ".venv/bin/minutes"]
    for command in setup:
        # The development install is the same install, editable.
        as_ci = [("-q" if w == "-e" else w) for w in command]
        assert command in ci or as_ci in ci, f"README's {shlex.join(command)!r} is not what .ci/run does"
    (test_command,) = {tuple(c) for c in setup if c[:3] == [".venv/bin/python", "-m", "pytest"]}
    assert list(test_command) in ci
    # After it, the same command with every fast path off, and nothing else.
    assert ci[ci.index(list(test_command)) + 1:] == [["MINUTES_FAST=0", *test_command]]
    install = [c for c in ci if c[:2] == [".venv/bin/pip", "install"]]
    assert install and ci.index(install[0]) < ci.index(list(test_command))


def test_the_setup_block_renders_the_bundled_example(tmp_path):
    venv = Path(sys.prefix)
    assert (venv / "bin" / "minutes").is_file(), "the install the README describes puts minutes in .venv/bin"
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    (tmp_path / ".venv").symlink_to(venv, target_is_directory=True)
    renders = [c for block in CHECKOUT for c in block.commands() if c[0] == ".venv/bin/minutes"]
    assert renders
    for command in renders:
        result = run(shlex.join(command), tmp_path)
        assert result.returncode == 0, result.stderr
        (session,) = [tmp_path / w for w in command if w.endswith(".yaml")]
        headline = yamlio.load(session.read_text(encoding="utf-8"))["press"]["headline"]["en"]
        assert headline in result.stdout
