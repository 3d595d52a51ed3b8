"""`minutes record` at a real terminal through a whole meeting: a kill in the middle, a colleague writing in between,
and the congress example recorded from an empty file in one session."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import CONGRESS
from record_terminal import BOARD, TIME, Terminal, board, data, minutes, template  # noqa: F401 (fixtures)




def leftovers(folder: Path) -> list[str]:
    """Return the temp files of a write that did not finish, in the session's folder."""
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


def test_a_kill_while_a_line_is_typed_loses_only_that_line(board: Path) -> None:
    folder = board.parent
    with Terminal(folder, board.name) as term:
        term.enter("tom: opened the meeting", "added speech as 1.1")
        term.enter("- Members asked whether online voting needs a quorum", "added discussion as 1.2")
        term.enter("action li: send the accounts by 2025-03-31", "added action")
        term.keys("maria: this line is half ty", "half ty")
        term.kill()
    items = data(board)["proceedings"][0]["items"]
    assert [(i["kind"], i.get("summary") or i.get("text") or i.get("task")) for i in items] == [
        ("speech", "opened the meeting"), ("discussion", "Members asked whether online voting needs a quorum"),
        ("action", "send the accounts")]
    assert items[2]["owner"] == "li-jizheng" and str(items[2]["due"]) == "2025-03-31"
    minutes(folder, "check", BOARD)
    started = time.monotonic()
    minutes(folder, "add-item", "note", "Written after the kill", "-f", BOARD)  # no lock is left to wait for
    assert time.monotonic() - started < 5
    assert leftovers(folder) == []
    assert data(board)["proceedings"][0]["items"][-1]["text"] == "Written after the kill"
    typed = (folder / ".minutes" / "history" / f"{BOARD}.txt").read_text(encoding="utf-8")
    assert "+tom: opened the meeting" in typed and "+action li: send the accounts by 2025-03-31" in typed
    assert "half ty" not in typed


def test_a_colleagues_write_in_between_is_seen_and_kept_by_undo(board: Path) -> None:
    folder = board.parent
    with Terminal(folder, board.name) as term:
        term.enter("tom: opened the meeting", "added speech as 1.1")
        minutes(folder, "add-speech", "Maria Lopez", "--summary", "wrote from her laptop", "-f", BOARD)
        term.enter("li: answered Maria", "added speech as 1.3")  # the prompt sees the colleague's 1.2
        summaries = [i["summary"] for i in data(board)["proceedings"][0]["items"]]
        assert summaries == ["opened the meeting", "wrote from her laptop", "answered Maria"]
        term.enter("undo", "undone: added speech as 1.3")
        shown = term.enter("undo", "undone: added speech as 1.1")
        assert "its change is kept" in shown and "the start stays" in shown
        assert term.quit() == 0
    d = data(board)
    items = d["proceedings"][0]["items"]
    assert [(i["speaker"], i["summary"]) for i in items] == [("maria-lopez", "wrote from her laptop")]
    assert TIME.fullmatch(d["start"])  # the meeting did start; the colleague's write came after it
    minutes(folder, "check", BOARD)


CONGRESS_LINES = [
    ("set place.city Beijing", "set place.city"),
    ("set timezone Asia/Shanghai", "set timezone"),
    ('add-attendee "members of the Chinese Executive Committee" --group --status online', "added attendee"),
    ('add-attendee "activists of our organization" --group --status online', "added attendee"),
    ('add-attendee "Li Jizheng" --honorific Comrade --status present --pronoun he --role "Head of the Chinese '
     'Executive Committee of the DPRK ISG and Vice Chairman of the Coordination Committee"', "added attendee"),
    ('add-attendee "Luan Xinlong" --honorific Comrade --status online --pronoun he --role "Head of the Foreign '
     'Relations Department of the Chinese Executive Committee of the DPRK ISG"', "added attendee"),
    ('add-attendee Vera --honorific Comrade --role "an activist of our organization" --status online --pronoun she',
     "added attendee"),
    ('add-attendee "Alexander Mostov" --honorific Comrade --status absent --pronoun he --role "Chairman of the '
     'Coordination Committee of the DPRK ISG, the Leader of our organization"', "added attendee"),
    ('set chair "Li Jizheng"', "set chair"),
    ('ceremony: The immortal revolutionary hymns "Song of Commander Kim Il Sung" and "Song of Commander Kim Jong Il" '
     "were played.", "added ceremony as 1"),
    ("announcement: The 2nd International Congress of Solidarity in China was declared open.", "as 2"),
    ("announcement: The second day of the Congress began.", "as 3"),
    ("li jiz: welcomed all the participants of the congress and congratulated everyone on the upcoming Victory Day "
     "in the Korean War. / point briefly outlined the history and the current situation of the Group / point "
     "explained the Group's main views on the international political situation", "added speech as 4"),
    ("li jiz: / for Alexander Mostov / topic Address of the Chairman of the Coordination Committee",
     "added speech as 5"),
    ("luan: spoke briefly about the current trade situation between China and the DPRK. / topic Trade between China "
     "and the DPRK", "added speech as 6"),
    ("report li jiz: Proletarian Internationalism in the Korean War / summary highly appreciated the spiritual support "
     "and material assistance provided to the DPRK. / point China sent the Chinese People's Volunteer Army to support "
     "the DPRK", "added report as 7"),
    ("report vera: Negotiations on a truce in Korea / summary emphasized that the great victory is a great victory "
     "for maintaining world peace.", "added report as 8"),
    ("- Organizational issues were discussed.", "added discussion as 9"),
    ("resolution Congratulatory telegram to Comrade Kim Jong Un / text A congratulatory telegram addressed to the "
     "great Comrade Kim Jong Un was adopted.", "added resolution as 10"),
    ("vote acclamation", "10"),
    ("17:45 announcement: The Chinese Executive Committee presented the main activities of the DPRK International "
     "Solidarity Group.", "added announcement as 11"),
    ("action luan: Publish the presentation of the Chinese Executive Committee with the photos by 2023-08-01",
     "added action"),
    ('set press.headline "Large Online Meeting in China Held"', "set press.headline"),
    ("adjourn 18:30", "set adjourned"),
]


def test_the_congress_day_is_recorded_from_an_empty_file_in_one_session(tmp_path: Path) -> None:
    name = minutes(tmp_path, "new", "2nd International Congress of Solidarity, Day 2", "--date", "2023-07-23",
                   "--place", "online", "--organization", "Chinese Executive Committee of the DPRK ISG",
                   "--kind", "congress-day").stdout.strip()
    path = tmp_path / name
    with Terminal(tmp_path, name) as term:
        for line, said in CONGRESS_LINES:
            term.enter(line, said, then="top")
        assert term.quit() == 0
    got, example = data(path), data(CONGRESS)
    assert [e["kind"] for e in got["proceedings"]] == [e["kind"] for e in example["proceedings"]]
    who = ("speaker", "presenter", "on_behalf_of", "owner")
    assert [{k: e.get(k) for k in who} for e in got["proceedings"]] == \
        [{k: e.get(k) for k in who} for e in example["proceedings"]]
    assert [a.get("person") or a["group"] for a in got["attendees"]] == \
        [a.get("person") or a["group"]["en"] for a in example["attendees"]]
    assert (got["chair"], got["adjourned"], got["timezone"]) == ("li-jizheng", "18:30", "Asia/Shanghai")
    assert TIME.fullmatch(got["start"]) and all(TIME.fullmatch(e["at"]) for e in got["proceedings"])
    assert got["proceedings"][10]["at"] == "17:45"
    resolution, adopted = got["proceedings"][9], example["proceedings"][9]
    assert (resolution["vote"], resolution["result"]) == (adopted["vote"], adopted["result"])
    assert (resolution["vote"], resolution["result"]) == ("acclamation", "adopted")
    minutes(tmp_path, "check", name)
    release = minutes(tmp_path, "render", name, "--kind", "release", "--format", "md", "--out", "-").stdout
    for named in ("Li Jizheng", "Luan Xinlong", "Vera", "Alexander Mostov"):
        assert named in release, named
    assert "adopted the congratulatory telegram to Comrade Kim Jong Un by acclamation" in release
