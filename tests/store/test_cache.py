"""The parse cache and the fast append path give exactly what a full parse gives."""

import json
import sys
from pathlib import Path

import pytest

from minutes.store import cache
from minutes.store import textedit as edit
from minutes.store import yamlio
from minutes.errors import MinutesError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from sessions import session_text  # noqa: E402

pytestmark = pytest.mark.fast_path  # these tests are about the fast path itself


@pytest.fixture
def big(tmp_path):
    path = tmp_path / "2024-01-01-big.yaml"
    path.write_text(session_text(300), encoding="utf-8")
    assert path.stat().st_size > cache.MIN_BYTES
    return path


def test_the_fast_append_writes_the_same_text_as_the_full_path(big):
    text = big.read_text()
    data, lists = cache.parse(text, big)
    draft = edit.Draft(text, data, lists)
    items = [{"kind": "speech", "speaker": "ana-weber", "summary": "line one\nline two"},
             {"kind": "note", "text": "No"}]
    slow = text
    for item in items:
        draft.append("proceedings", item)
        slow = edit.append(slow, "proceedings", item)
    draft.append("people", {"id": "x", "name": "X"})
    slow = edit.append(slow, "people", {"id": "x", "name": "X"})
    assert draft.data is not None  # stayed on the fast path
    assert draft.text == slow
    assert draft.data == yamlio.load(slow)
    assert draft.lists == edit.block_lists(slow, yamlio.load_with_node(slow)[1])


def test_any_other_change_drops_to_a_full_parse(big):
    text = big.read_text()
    draft = edit.Draft(text, *cache.parse(text, big))
    draft.set(["adjourned"], "22:00")
    assert draft.data is None and draft.lists == {}


def test_a_cache_entry_is_used_only_for_the_same_text(big):
    text = big.read_text()
    data, lists = cache.read(big, text)
    cache.write(big, text, data, lists)
    entry = cache.entry_path(big)
    header, body = entry.read_text().splitlines()
    assert json.loads(header)["digest"] == cache.digest(text)
    stored = json.loads(body)
    stored["data"]["title"] = "poisoned"
    entry.write_text(header + "\n" + json.dumps(stored) + "\n")
    assert cache.read(big, text)[0]["title"] == "poisoned"  # same text: the entry is trusted
    changed = text.replace("Board meeting 1", "Board meeting one")
    assert cache.read(big, changed)[0]["title"] == "Board meeting one"  # different text: a miss


def test_a_certificate_for_other_content_or_other_code_is_refused_and_the_file_parsed_again(big, monkeypatch):
    text = big.read_text()
    small = big.with_name("2024-01-02-small.yaml")
    small.write_text(text[:2000].rsplit("\n- ", 1)[0] + "\n")
    short = small.read_text()
    assert len(short) < cache.MIN_BYTES
    cache.write(small, short, *cache.parse(short, small))
    assert cache.lookup(small, short)[2]  # the certificate: this text validated
    entry = cache.entry_path(small)
    header = json.loads(entry.read_text())
    entry.write_text(json.dumps({**header, "digest": cache.digest(text)}) + "\n")  # a certificate for other content
    assert not cache.lookup(small, short)[2]
    cache.write(big, text, *cache.parse(text, big))
    assert cache.lookup(big, text)[2]
    monkeypatch.setattr(cache, "code_digest", lambda: "another version of the model")  # a changed model file
    parsed = []
    real = cache.parse
    monkeypatch.setattr(cache, "parse", lambda *a: parsed.append(a) or real(*a))
    data, _, valid = cache.lookup(big, text)
    assert not valid and parsed == [(text, big)] and data == yamlio.load(text)


def test_the_code_digest_changes_with_any_module_of_the_package(tmp_path, monkeypatch):
    import minutes

    package = tmp_path / "minutes"
    (package / "model").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "model" / "schema.py").write_text("A = 1\n")
    monkeypatch.setattr(minutes, "__file__", str(package / "__init__.py"))
    cache.code_digest.cache_clear()
    try:
        before = cache.code_digest()
        (package / "model" / "schema.py").write_text("A = 2\n")
        cache.code_digest.cache_clear()
        assert cache.code_digest() != before
    finally:
        cache.code_digest.cache_clear()


def test_a_broken_cache_entry_is_a_miss_not_an_error(big):
    text = big.read_text()
    cache.write(big, text, *cache.read(big, text))
    cache.entry_path(big).write_text("{not json")
    assert cache.read(big, text)[0] == yamlio.load(text)


def test_an_unwritable_cache_folder_is_not_an_error(big, private_cache):
    private_cache.rmdir()
    private_cache.write_text("a file where the folder should be")
    text = big.read_text()
    cache.write(big, text, *cache.read(big, text))
    assert cache.read(big, text)[0]["title"] == "Board meeting 1"


def test_the_cache_never_hides_a_bad_file(big):
    text = big.read_text().replace("date: 2024-01-01", "date: 2024-02-30")
    from minutes.store import loader as session

    with pytest.raises(MinutesError, match="date"):
        session.parse(text, big, cache.read(big, text)[0])


def test_commands_on_a_large_session_keep_the_file_exactly_as_a_full_parse_would(cli, tmp_path):
    path = cli.folder / "2024-01-01-big.yaml"
    path.write_text(session_text(300), encoding="utf-8")
    cli("use", path.name)
    for _ in range(2):
        cli("add-speech", "Ana", "--summary", "fast path")
    cli("add-speech", "Zed Guest", "--guest", "--topic", "guest path")
    text = path.read_text()
    data = yamlio.load(text)
    assert [i.get("summary") for i in data["proceedings"][-3:-1]] == ["fast path", "fast path"]
    assert data["people"][-1] == {"id": "zed-guest", "name": "Zed Guest"}
    assert json.loads(cache.entry_path(path).read_text().splitlines()[1])["data"] == data
    assert cli.folder not in cache.entry_path(path).parents
    cli("check")
