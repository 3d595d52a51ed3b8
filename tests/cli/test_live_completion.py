"""What TAB offers in `minutes record` (`minutes.cli.live_completion.candidates`), below the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes.cli.live_completion import candidates
from minutes.cli.recorder import Recorder

SESSION = """\
schema_version: 2
title: Board meeting
date: 2025-01-01
lang: en
people:
- id: li-jizheng
  name: Li Jizheng
- id: tom-becker
  name: Tom Becker
attendees:
- person: li-jizheng
  status: present
- person: tom-becker
  status: present
proceedings:
- kind: section
  title: Opening
"""


@pytest.fixture
def recorder(tmp_path: Path) -> Recorder:
    path = tmp_path / "2025-01-01-board-meeting.yaml"
    path.write_text(SESSION, encoding="utf-8")
    return Recorder(path, clock=False)


def offered(recorder: Recorder, before: str) -> list[tuple[str, int]]:
    return [(c.text, c.start) for c in candidates(recorder, before)]


def test_a_line_after_its_own_time_completes_as_without_it(recorder: Recorder) -> None:
    assert offered(recorder, "10:05 li") == offered(recorder, "li")
    assert ("Li Jizheng: ", -2) in offered(recorder, "10:05 li")
    assert offered(recorder, "10:05 add-speech to") == [('"Tom Becker"', -2)]


def test_a_name_of_several_words_completes_as_a_speech(recorder: Recorder) -> None:
    assert offered(recorder, "li ji") == [("Li Jizheng: ", -5)]


def test_the_prompts_own_words_offer_no_names(recorder: Recorder) -> None:
    assert offered(recorder, "undo li") == []


def test_a_command_line_completes_a_quoted_name_and_a_form_a_plain_one(recorder: Recorder) -> None:
    assert offered(recorder, "add-speech li") == [('"Li Jizheng"', -2)]
    assert offered(recorder, "report to") == [("Tom Becker: ", -2)]
    assert offered(recorder, "motion X / seconded li") == [("Li Jizheng", -2)]
