"""`minutes record` driven through a real pseudo-terminal: the program of this tree, a screen that shows what it drew.

`Terminal` spawns ``python -m minutes record FILE`` on a pty (pexpect) and feeds everything it prints to a `Screen`,
a small VT100 emulator (the cursor moves, erases and line feeds prompt_toolkit uses), so a test waits for and
asserts on the text a secretary would see, not on the escape sequences between its characters.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

pexpect = pytest.importorskip("pexpect")

SRC = Path(__file__).resolve().parents[2] / "src"  # this tree's code, wherever it is cloned
ROWS, COLS = 40, 140
WAIT = 10.0  # seconds for any one thing to appear
TIME = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
CONTROL = re.compile(r"\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[^\[\]]|[\x00-\x1f]")
UNFINISHED = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*(?:\x1b)?)?\Z")


class Screen:
    """The terminal's lines as drawn (all of them, those scrolled off the top kept), and where the cursor is."""

    def __init__(self, rows: int = ROWS, cols: int = COLS) -> None:
        self.rows, self.cols = rows, cols
        self.lines: list[list[str]] = [[] for _ in range(rows)]
        self.top = 0  # the first line in view
        self.y = self.x = 0  # the cursor, y counting from the first line ever
        self.wrap = True
        self._pending = ""

    def write(self, text: str) -> int:
        """Draw ``text`` (pexpect's logfile_read hands it every chunk read); return its length."""
        data = self._pending + text
        unfinished = UNFINISHED.search(data)
        self._pending, data = (data[unfinished.start():], data[:unfinished.start()]) if unfinished else ("", data)
        at = 0
        for found in CONTROL.finditer(data):
            self._put(data[at:found.start()])
            self._control(found)
            at = found.end()
        self._put(data[at:])
        return len(text)

    def flush(self) -> None:
        """Nothing to flush: what is written is drawn at once."""

    def text(self, since: int = 0) -> str:
        """Return the lines from line ``since`` on (0: everything ever shown), without trailing blanks."""
        return "\n".join("".join(line).rstrip() for line in self.lines[since:]).rstrip("\n")

    def line(self) -> str:
        """Return the cursor's line as shown."""
        return "".join(self.lines[self.y]).rstrip()

    def _put(self, chars: str) -> None:
        for char in chars:
            if self.x >= self.cols:
                if self.wrap:
                    self._down()
                    self.x = 0
                else:
                    self.x = self.cols - 1
            line = self.lines[self.y]
            line.extend(" " * (self.x + 1 - len(line)))
            line[self.x] = char
            self.x += 1

    def _down(self) -> None:
        self.y += 1
        if self.y >= self.top + self.rows:
            self.top += 1
            self.lines.append([])

    def _control(self, found: re.Match) -> None:
        code = found.group(0)
        if code == "\r":
            self.x = 0
        elif code == "\n":
            self._down()
        elif code == "\b":
            self.x = max(0, self.x - 1)
        elif found.group(2) is not None:
            self._csi(found.group(1), found.group(2))

    def _csi(self, params: str, final: str) -> None:
        numbers = [int(p) if p.isdigit() else 0 for p in params.lstrip("?").split(";")] if params else [0]
        n = max(1, numbers[0])
        if final == "A":
            self.y = max(self.top, self.y - n)
        elif final == "B":
            self.y = min(self.top + self.rows - 1, self.y + n)
        elif final == "C":
            self.x = min(self.cols - 1, self.x + n)
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final == "G":
            self.x = n - 1
        elif final in "Hf":
            self.y = self.top + max(1, numbers[0]) - 1
            self.x = max(1, numbers[1] if len(numbers) > 1 else 1) - 1
        elif final == "J":
            del self.lines[self.y][self.x:]
            for below in range(self.y + 1, self.top + self.rows):
                self.lines[below] = []
        elif final == "K":
            del self.lines[self.y][self.x:]
        elif final in "hl" and params == "?7":
            self.wrap = final == "h"


def environment(**extra: str) -> dict[str, str]:
    """Return the environment of the program: this tree's code, an xterm, no cursor-position requests."""
    env = {k: v for k, v in os.environ.items() if k not in ("MINUTES_FILE", "VISUAL", "EDITOR", "PYTHONPATH")}
    env.update(PYTHONPATH=str(SRC), TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1", **extra)
    return env


def minutes(folder: Path, *args: str, code: int = 0, **env: str) -> subprocess.CompletedProcess:
    """Run ``minutes ARGS`` as a separate process in ``folder``; assert its exit code."""
    done = subprocess.run([sys.executable, "-m", "minutes", *args], cwd=folder, env=environment(**env),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == code, (args, done.returncode, done.stdout, done.stderr)
    return done


class Terminal:
    """``minutes record FILE`` on a pseudo-terminal, with the screen it draws."""

    PROMPT = re.compile(r"(top|\d[\w.]*)>(?: (.*))?")

    def __init__(self, folder: Path, file: str, **env: str) -> None:
        self.screen = Screen()
        self.ended = False
        self.child = pexpect.spawn(sys.executable, ["-m", "minutes", "record", file], cwd=str(folder),
                                   env=environment(**env), dimensions=(ROWS, COLS), encoding="utf-8", timeout=WAIT)
        self.child.logfile_read = self.screen
        self.at_prompt()

    def __enter__(self) -> "Terminal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.child.close(force=True)

    def wait(self, shown: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
        """Read what the program prints until ``shown()``; fail with the screen after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while not shown():
            if self.ended or time.monotonic() > deadline:
                raise AssertionError(f"never shown: {what}\n--- the screen ---\n{self.screen.text(self.screen.top)}")
            try:
                self.child.read_nonblocking(65536, timeout=0.05)
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                self.ended = True

    def at_prompt(self, address: str | None = None, below: int = -1, holding: str = "") -> str:
        """Wait for the prompt (of section ``address``, 'top' for none, or any) below line ``below``, with ``holding``
        typed in it and the cursor after it; return its address."""
        def ready() -> bool:
            found = self.PROMPT.fullmatch(self.screen.line())
            return found is not None and (address is None or found.group(1) == address) and \
                (found.group(2) or "") == holding.rstrip() and self.screen.y > below and \
                self.screen.x == len(found.group(1)) + 2 + len(holding)

        self.wait(ready, f"the prompt {address or ''}> {holding}")
        return self.PROMPT.fullmatch(self.screen.line()).group(1)

    def enter(self, line: str, *shown: str, then: str | None = None, holding: str = "") -> str:
        """Type ``line`` and Enter at the prompt; wait for each of ``shown`` and the next prompt (of section ``then``,
        holding a line given back); return what it printed in between."""
        mark = self.screen.y
        self.child.send(line + "\r")
        for text in shown:
            self.wait(lambda: text in self.screen.text(mark + 1), repr(text))
        self.at_prompt(then, below=mark, holding=holding)
        return self.screen.text(mark + 1)

    def ask(self, line: str, question: str) -> str:
        """Type ``line`` and Enter, and wait until the cursor's line asks ``question``; return what was printed."""
        mark = self.screen.y
        self.child.send(line + "\r")
        self.wait(lambda: self.screen.y > mark and question in self.screen.line(), repr(question))
        return self.screen.text(mark + 1)

    def keys(self, keys: str, shown: str) -> str:
        """Type ``keys`` (no Enter) and wait until the cursor's line shows ``shown``; return that line."""
        self.child.send(keys)
        self.wait(lambda: shown in self.screen.line(), repr(shown))
        return self.screen.line()

    def clear(self) -> None:
        """Clear the line being typed (Ctrl-U) and wait for the empty prompt."""
        self.child.send("\x15")
        self.at_prompt(below=self.screen.y - 1)

    def quit(self) -> int:
        """Leave the prompt with 'quit'; return the exit status."""
        self.child.send("quit\r")
        self.wait(lambda: self.ended, "the end of the program")
        self.child.close()
        return self.child.exitstatus

    def kill(self) -> None:
        """Kill the program with SIGKILL, as a closed terminal or a crash would."""
        self.child.kill(signal.SIGKILL)
        self.wait(lambda: self.ended, "the end of the killed program")
        self.child.close(force=True)
        assert self.child.signalstatus == signal.SIGKILL


BOARD = "2025-03-14-board-meeting.yaml"


def board_template(folder: Path) -> Path:
    """Build, with the real commands, a board meeting: three people attending, three agenda sections, the first
    one current."""
    folder.mkdir(parents=True, exist_ok=True)
    cache = str(folder.with_name(folder.name + "-cache"))  # built before any test's own cache is set: one of its own
    minutes(folder, "new", "Board meeting", "--date", "2025-03-14", MINUTES_CACHE_DIR=cache)
    for name in ("Li Jizheng", "Tom Baker", "Maria Lopez"):
        minutes(folder, "add-attendee", name, "--status", "present", MINUTES_CACHE_DIR=cache)
    for title in ("Opening", "Reports", "Any other business"):
        minutes(folder, "add-section", title, MINUTES_CACHE_DIR=cache)
    minutes(folder, "goto", "1", MINUTES_CACHE_DIR=cache)
    return folder / BOARD


def copy_folder(template: Path, folder: Path) -> Path:
    """Copy a template's session folder (file and .minutes state) into ``folder``; return the session file there."""
    shutil.copytree(template.parent, folder, dirs_exist_ok=True)
    return folder / template.name


def data(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a board meeting built once with the real commands (three attendees, three sections)."""
    return board_template(tmp_path_factory.mktemp("board"))


@pytest.fixture
def board(template: Path, tmp_path: Path) -> Path:
    """Return this test's copy of the board meeting, in section 1."""
    return copy_folder(template, tmp_path)
