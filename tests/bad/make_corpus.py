"""Write the bad-input corpus: every file here is BASE with one thing wrong (or unusual but valid).

Run it from the repository root to regenerate the files and cases.json after changing a case:

    .venv/bin/python tests/bad/make_corpus.py

Each case names what it tests, what every command must do with it, and where the error must point:

- expect = "error": every command that reads the file fails with exit 1 or 2 and a one-line error that
  names the file and the line (``line``) or the field (``field``), and contains ``message``.
- expect = "check": the file is well-formed, but ``minutes check`` must report the error (a reference to
  a person who is not in the roster); other commands work, since they are how the user inspects it.
- expect = "ok": unusual but valid; every command works and the text survives exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

BASE = """\
# Base session of the bad-input corpus: every bad file is this file with one thing wrong.
schema_version: 1
title: Board meeting
organization: Acme e.V.
date: 2024-03-12
start: 18:00
place:
  mode: on-site
  venue: Room 4
lang: en
chair: ana
people:
- id: ana
  name: Ana Lima
  pronoun: she
- id: ben
  name: Ben Okafor
  pronoun: he
- id: bea
  name: Beatriz Souza
  pronoun: she
attendees:
- person: ana
  status: present
- person: ben
  status: online
- person: bea
  status: present
proceedings:
- kind: speech
  speaker: ana
  topic: Welcome
  summary: Opened the meeting.
- kind: resolution
  title: Approve the budget
  moved_by: ana
  seconded_by: ben
  vote:
    for: 2
    against: 0
    abstain: 1
  result: adopted
- kind: action
  task: Publish the minutes
  owner: ben
  due: 2024-04-01
"""

CASES: list[dict] = []


def line_of(text: str, marker: str) -> int:
    """Return the 1-based line where ``marker`` first occurs in ``text``."""
    return text[: text.index(marker)].count("\n") + 1


def case(name: str, what: str, content: str | bytes, expect: str = "error", *, marker: str | None = None,
         line: int | None = None, field: str | None = None, message: str = "", **extra: object) -> None:
    """Add one case; ``marker`` (a substring of the text) gives the line the error must name."""
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if marker is not None:
        line = line_of(data.decode("utf-8", "replace") if isinstance(content, bytes) else content, marker)
    entry = {"name": name, "what": what, "expect": expect, "message": message}
    if line is not None:
        entry["line"] = line
    if field is not None:
        entry["field"] = field
    entry.update(extra)
    CASES.append(entry | {"_data": data})


def edit(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# --- characters and encodings --------------------------------------------------------------------
case("tab-indent.yaml", "a tab indents a field", edit("  venue: Room 4", "\tvenue: Room 4"),
     marker="\tvenue", message="tab character")
case("tab-before-dash.yaml", "a tab indents a list item", edit("- person: ben", "\t- person: ben"),
     marker="\t- person: ben", message="tab")
case("control-bel.yaml", "a raw BEL (U+0007) in a title", edit("title: Board meeting", "title: Board\x07meeting"),
     marker="title:", message="U+0007")
case("control-nul.yaml", "a raw NUL byte in a summary", edit("Opened the meeting.", "Opened\x00 the meeting."),
     marker="Opened", message="NUL")
case("control-esc.yaml", "a raw ESC (U+001B, terminal escape) in a topic",
     edit("topic: Welcome", "topic: \x1b[31mWelcome\x1b[0m"), marker="topic:", message="U+001B")
case("control-after-cjk.yaml", "a BEL after multibyte text (the line must count characters, not bytes)",
     edit("summary: Opened the meeting.", "summary: Opened\x07 the meeting.", edit("title: Board meeting", "title: 第二届国际团结大会")),
     marker="summary:", message="U+0007")
case("control-escaped.yaml", 'a control character written as a YAML escape ("\\a")',
     edit("title: Board meeting", 'title: "Board\\ameeting"'), marker="title:", message="U+0007")
case("control-c1.yaml", "a C1 control character (U+009B, CSI)", edit("Room 4", "Room\u009b4"),
     marker="venue:", message="U+009B")
case("control-del.yaml", "a DEL character (U+007F)", edit("Acme e.V.", "Acme\x7f e.V."),
     marker="organization:", message="U+007F")
case("u-ffff.yaml", "the noncharacter U+FFFF in a name", edit("name: Ben Okafor", "name: Ben Okafor\uffff"),
     marker="name: Ben", message="U+FFFF")
case("u-ffff-escaped.yaml", 'U+FFFF written as an escape ("\\uFFFF")',
     edit("name: Ben Okafor", 'name: "Ben Okafor\\uFFFF"'), marker='name: "Ben', message="U+FFFF")
case("surrogate-escaped.yaml", 'a lone surrogate written as an escape ("\\uD800")',
     edit("name: Ben Okafor", 'name: "Ben \\uD800"'), marker='name: "Ben', message="escape")
case("latin1.yaml", "Latin-1 bytes (not UTF-8): Müller as 0xFC",
     edit("name: Ana Lima", "name: Ana M\u00fcller").encode("latin-1"), marker="name: Ana M",
     message="not valid UTF-8")
case("utf8-truncated.yaml", "a multibyte UTF-8 character cut off at the end of the file",
     BASE.encode() + b"# caf\xc3", line=BASE.count("\n") + 1, message="not valid UTF-8")
case("utf8-overlong.yaml", "an overlong UTF-8 encoding of '/' (0xC0 0xAF)",
     edit("venue: Room 4", "venue: Room \u0000").encode().replace(b"\x00", b"\xc0\xaf"), marker="venue:",
     message="not valid UTF-8")
case("utf16-le.yaml", "UTF-16 little-endian with a byte-order mark", BASE.encode("utf-16"), line=1, message="UTF-16")
case("utf16-be.yaml", "UTF-16 big-endian with a byte-order mark", b"\xfe\xff" + BASE.encode("utf-16-be"), line=1,
     message="UTF-16")
case("utf16-no-bom.yaml", "UTF-16 without a byte-order mark (NUL bytes everywhere)", BASE.encode("utf-16-le"), line=1,
     message="NUL")
case("utf32.yaml", "UTF-32 with a byte-order mark", BASE.encode("utf-32"), line=1, message="UTF-32")
case("binary.yaml", "not a text file at all (PNG header)", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", line=3,
     message="NUL")

# --- YAML structure ------------------------------------------------------------------------------
case("duplicate-key.yaml", "a duplicate top-level key", edit("lang: en\n", "lang: en\ntitle: Another title\n"),
     marker="title: Another", message="duplicate key 'title'")
case("duplicate-key-nested.yaml", "a duplicate key inside a proceedings item",
     edit("  result: adopted\n", "  result: adopted\n  moved_by: bea\n"), marker="  moved_by: bea",
     message="duplicate key 'moved_by'")
case("duplicate-key-person.yaml", "a duplicate key inside a person", edit("  pronoun: he\n", "  pronoun: he\n  name: B. Okafor\n"),
     marker="  name: B. Okafor", message="duplicate key 'name'")
case("alias-bomb.yaml", "a billion-laughs alias bomb",
     "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
         f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
     line=1, message="aliases")
case("alias.yaml", "an anchor and an alias (reused person)",
     edit("- id: ana\n  name: Ana Lima\n  pronoun: she\n", "- &p\n  id: ana\n  name: Ana Lima\n  pronoun: she\n- *p\n"),
     marker="- &p", message="aliases")
case("merge-key.yaml", "a merge key (<<) pulling in an anchor",
     edit("place:\n", "defaults: &d\n  mode: online\nplace:\n  <<: *d\n"), marker="defaults: &d", message="aliases")
case("python-object.yaml", "a !!python/object/apply tag that would run os.system",
     edit("title: Board meeting", 'title: !!python/object/apply:os.system ["echo pwned > /tmp/pwned"]'),
     marker="title:", message="python/object/apply")
case("python-name.yaml", "a !!python/name tag", edit("organization: Acme e.V.", "organization: !!python/name:os.system"),
     marker="organization:", message="python/name")
case("binary-tag.yaml", "a !!binary tag that would smuggle a control character as bytes",
     edit("title: Board meeting", "title: !!binary Bw=="), marker="title:", message="!!binary")
case("set-tag.yaml", "a !!set tag", edit("lang: en\n", "lang: en\ntags: !!set {a, b}\n"), marker="tags:",
     message="!!set")
case("custom-tag.yaml", "an application tag (!Ref)", edit("chair: ana", "chair: !Ref ana"), marker="chair:",
     message="!Ref")
case("two-documents.yaml", "two YAML documents in one file", BASE + "---\ntitle: Second\n", marker="---",
     message="single document")
case("unclosed-flow.yaml", "an unclosed flow sequence", edit("lang: en\n", "lang: en\ntags: [a, b\n"),
     marker="tags:", message="unclosed [")
case("unclosed-quote.yaml", "an unclosed quoted string", edit("summary: Opened the meeting.", 'summary: "Opened the meeting.'),
     marker='summary: "Opened', message="quote")
case("bad-indent.yaml", "a field indented wrongly", edit("  pronoun: he\n", "   pronoun: he\n"), marker="   pronoun: he",
     message="")
case("deep-nesting.yaml", "a structure nested 5000 levels deep", "title: " + "[" * 5000 + "]" * 5000 + "\n", line=1,
     message="nesting")
case("complex-key.yaml", "a mapping used as a key", edit("lang: en\n", "lang: en\n? {a: 1}\n: x\n"), marker="? {a",
     message="keys must be plain text")
case("null-key.yaml", "a null key", edit("lang: en\n", "lang: en\n~: x\n"), marker="~: x", message="keys must be plain text")
case("empty.yaml", "an empty file", "", line=1, message="empty")
case("blank.yaml", "a file of blank lines and spaces", "\n   \n\n", line=1, message="empty")
case("comments-only.yaml", "a file with only comments", "# minutes of nothing\n# still nothing\n", line=1, message="empty")
case("top-level-list.yaml", "a list instead of a mapping of fields", "- title: Board meeting\n- date: 2024-03-12\n", line=1,
     message="mapping")
case("top-level-scalar.yaml", "plain text instead of a mapping of fields", "Board meeting on 12 March\n", line=1,
     message="mapping")

# --- wrong types and values ------------------------------------------------------------------------
case("title-list.yaml", "a title that is a list", edit("title: Board meeting", "title: [Board, meeting]"), marker="title:",
     field="title")
case("people-mapping.yaml", "people as a mapping instead of a list",
     edit("people:\n- id: ana\n  name: Ana Lima\n  pronoun: she\n- id: ben\n  name: Ben Okafor\n  pronoun: he\n"
          "- id: bea\n  name: Beatriz Souza\n  pronoun: she\n", "people:\n  ana: Ana Lima\n  ben: Ben Okafor\n"),
     marker="  ana: Ana Lima", field="people")
case("vote-text.yaml", "a vote count that is text", edit("    for: 2", "    for: many"), marker="    for: many", field="for")
case("vote-float.yaml", "a vote count that is a fraction", edit("    for: 2", "    for: 2.5"), marker="    for: 2.5",
     field="for")
case("vote-negative.yaml", "a negative vote count", edit("    against: 0", "    against: -3"), marker="    against: -3",
     field="against", message="greater than or equal to 0")
case("quorum-negative.yaml", "a negative quorum", edit("chair: ana\n", "chair: ana\nquorum:\n  required: -1\n"),
     marker="  required: -1", field="quorum.required")
case("date-feb-30.yaml", "an invalid date, 30 February", edit("date: 2024-03-12", "date: 2024-02-30"), marker="date:",
     field="date")
case("date-month-13.yaml", "an invalid date, month 13", edit("date: 2024-03-12", "date: 2024-13-01"), marker="date:",
     field="date")
case("date-words.yaml", "a date in words", edit("date: 2024-03-12", "date: next Tuesday"), marker="date:", field="date")
case("due-feb-30.yaml", "an action due on 30 February", edit("due: 2024-04-01", "due: 2023-02-29"), marker="  due:",
     field="due")
case("time-25h.yaml", "a start time of 25:00", edit("start: 18:00", "start: 25:00"), marker="start:", field="start",
     message="HH:MM")
case("time-words.yaml", "an adjournment time in words", edit("chair: ana\n", "chair: ana\nadjourned: half past six\n"),
     marker="adjourned:", field="adjourned", message="HH:MM")
case("lang-bad.yaml", "a language that is not a language code", edit("lang: en", "lang: English!"), marker="lang:",
     field="lang", message="language code")
case("status-bad.yaml", "an attendance status that does not exist", edit("  status: online", "  status: asleep"),
     marker="  status: asleep", field="status")
case("kind-bad.yaml", "a proceedings item of an unknown kind", edit("- kind: speech", "- kind: party"), marker="- kind: party",
     field="item 1", message="party")
case("result-bad.yaml", "a resolution result that does not exist", edit("  result: adopted", "  result: maybe"),
     marker="  result: maybe", field="result")
case("unknown-field.yaml", "an unknown top-level field (typo of title)", edit("lang: en\n", "lang: en\ntitel: Typo\n"),
     marker="titel:", field="titel", message="unknown field")
case("missing-title.yaml", "no title", edit("title: Board meeting\n", ""), line=2, field="title", message="required")
case("missing-speaker.yaml", "a speech without a speaker", edit("  speaker: ana\n", ""), marker="- kind: speech",
     field="speaker", message="required")
case("schema-version-3.yaml", "a schema version from the future", edit("schema_version: 1", "schema_version: 3"),
     marker="schema_version:", field="schema_version")
case("timezone-bad.yaml", "a time zone that does not exist", edit("chair: ana\n", "chair: ana\ntimezone: Mars/Olympus_Mons\n"),
     marker="timezone:", field="timezone", message="time zone")
case("int-5000-digits.yaml", "a vote count of 5,000 digits (over Python's limit on reading digits as a number)",
     edit("    for: 2", "    for: " + "9" * 5000), marker="    for: 99", message="5,000 digits")
case("int-tag-text.yaml", "an explicit !!int on text", edit("    against: 0", "    against: !!int abc"),
     marker="    against:", message="not a valid !!int")
case("float-tag-text.yaml", "an explicit !!float on text", edit("    abstain: 1", "    abstain: !!float abc"),
     marker="    abstain:", message="not a valid !!float")
case("bool-tag-maybe.yaml", "an explicit !!bool that is neither true nor false",
     edit("lang: en\n", "lang: en\nprevious_minutes: !!bool maybe\n"), marker="previous_minutes:",
     message="not a valid !!bool")
case("duplicate-person-id.yaml", "two people with the same id",
     edit("- id: bea\n  name: Beatriz Souza", "- id: ben\n  name: Beatriz Souza"), field="people", line=None,
     message="appears twice")

# --- references: valid YAML, but check must find the error ------------------------------------------
case("unknown-speaker.yaml", "a speech by someone who is not in people", edit("  speaker: ana", "  speaker: zoe"),
     "check", marker="  speaker: zoe", message="'zoe' is not in people")
case("unknown-chair.yaml", "a chair who is not in people", edit("chair: ana", "chair: nobody"), "check", marker="chair:",
     message="'nobody' is not in people")
case("unknown-attendee.yaml", "an attendee who is not in people", edit("- person: bea", "- person: carla"), "check",
     marker="- person: carla", message="'carla' is not in people")
TWICE = edit("  owner: ben\n  due: 2024-04-01\n",
             "  owner: ben\n  id: A1\n  due: 2024-04-01\n- kind: action\n  task: File the minutes\n  owner: ana\n  id: A1\n")
case("duplicate-action-id.yaml", "two actions with the same id", TWICE, "check",
     line=line_of(TWICE, "  owner: ana\n  id: A1") + 1, message="action id 'A1' is already used by item 3")
# More votes than voting attendees listed is a warning (minutes need not list every member present):
# tests/cli/test_cli_check.py checks it.

# --- unusual but valid -------------------------------------------------------------------------------
case("ok-plain.yaml", "the base itself: proves every command works on it, so each error above has one cause", BASE, "ok",
     keep="comments", show=["Board meeting"], json={"title": "Board meeting", "start": "18:00"})
case("ok-bom.yaml", "a UTF-8 byte-order mark (Notepad)", b"\xef\xbb\xbf" + BASE.encode(), "ok",
     keep="bom", show=["Board meeting"])
case("ok-crlf.yaml", "Windows line endings (CRLF)", BASE.replace("\n", "\r\n"), "ok", keep="crlf", show=["Board meeting"])
case("ok-bom-crlf.yaml", "a byte-order mark and CRLF", b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode(), "ok",
     keep="bom crlf", show=["Board meeting"])
UNICODE = edit("title: Board meeting", "title: 第二届国际团结大会 — مجلس الإدارة — ישיבת הנהלה 🎉👩🏽‍💻")
UNICODE = edit("name: Ben Okafor", "name: 栾新龙", UNICODE)
UNICODE = edit("name: Beatriz Souza", "name: مريم الحسيني", UNICODE)
UNICODE = edit("summary: Opened the meeting.", "summary: \"Opened 🎉 with e\\u0301 (combining), \\u200F\\u202Eevil\\u202C and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.\"", UNICODE)
case("ok-cjk-rtl-emoji.yaml", "Chinese, Arabic and Hebrew text, emoji with skin tone and ZWJ, combining and bidi marks",
     UNICODE, "ok", keep="", show=["第二届国际团结大会", "مجلس الإدارة", "ישיבת הנהלה", "🎉👩🏽‍💻", "栾新龙", "مريم الحسيني"],
     json={"title": "第二届国际团结大会 — مجلس الإدارة — ישיבת הנהלה 🎉👩🏽‍💻"})
NORWAY = edit("title: Board meeting", "title: No")
NORWAY = edit("lang: en", "lang: no\ntags: [yes, no, on, off, y, n, NO, Norway]", NORWAY)
NORWAY = edit("  venue: Room 4", "  venue: on\n  country: NO", NORWAY)
NORWAY = edit("name: Ben Okafor", "name: Off", NORWAY)
NORWAY = edit("  task: Publish the minutes", "  task: 0o17", NORWAY)
case("ok-norway.yaml", "Norway values: No, no, on, off, y, n, NO; octal-looking 0o17; times 18:00 and 1:30",
     edit("start: 18:00", "start: 18:00\nend: 1:30", NORWAY), "ok", keep="",
     json={"title": "No", "lang": "no", "tags": ["yes", "no", "on", "off", "y", "n", "NO", "Norway"],
           "start": "18:00", "end": "1:30"})
case("ok-cr-only.yaml", "classic Mac line endings (CR only)", BASE.replace("\n", "\r"), "ok", keep="cr", show=["Board meeting"])
case("ok-comments.yaml", "comments everywhere, flow style and quoted keys",
     edit("people:\n", "# the roster\npeople: # inline comment\n").replace("    abstain: 1\n", "    abstain: 1 # counted twice\n")
     .replace("place:\n  mode: on-site\n  venue: Room 4\n", "place: {mode: on-site, 'venue': \"Room 4\"}\n"),
     "ok", keep="comments", show=["Board meeting"])


def main() -> None:
    for old in [*HERE.glob("*.yaml"), HERE / "cases.toml"]:
        old.unlink(missing_ok=True)
    manifest = []
    for entry in CASES:
        (HERE / entry["name"]).write_bytes(entry["_data"])
        manifest.append({k: v for k, v in entry.items() if k != "_data"})
    text = json.dumps(manifest, ensure_ascii=False, indent=1)
    (HERE / "cases.json").write_text(text + "\n", encoding="utf-8")
    bad = sum(1 for e in CASES if e["expect"] != "ok")
    print(f"{len(CASES)} files ({bad} bad, {len(CASES) - bad} unusual but valid)")


if __name__ == "__main__":
    main()
