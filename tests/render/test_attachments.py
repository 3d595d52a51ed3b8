"""Rendered Markdown carries its files: pictures and links resolve in the output folder, and Hugo shows them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import docx
import pytest
from markdown_it import MarkdownIt

from conftest import CONGRESS, CONGRESS_DAY1
from minutes.render import attachments
from minutes.render.pipeline import RenderOptions, template_text
from minutes.store.loader import load

PHOTO = "photos/presentation.png"


def destinations(md: str) -> dict[str, list[str]]:
    """Return the image sources and link targets of the Markdown ``md``, %-decoded."""
    found: dict[str, list[str]] = {"image": [], "link": []}
    for token in MarkdownIt("commonmark").enable("table").parse(md):
        for child in token.children or []:
            if child.type == "image":
                found["image"].append(unquote(str(child.attrGet("src"))))
            elif child.type == "link_open":
                found["link"].append(unquote(str(child.attrGet("href"))))
    return found


def only_md(folder: Path) -> str:
    (md,) = folder.glob("*.md")
    return md.read_text(encoding="utf-8")


def make_session(cli, *files: str, captions: tuple[str, ...] = ()) -> Path:
    """Create a session in the cli folder with one report attaching ``files``; return its path."""
    cli("new", "Board", "--date", "2024-03-12")
    cli("add-attendee", "Ana Lima")
    args = [arg for f in files for arg in ("--attach", f)] + [arg for c in captions for arg in ("--caption", c)]
    cli("add-report", "Ana", "--title", "Plan", *args)
    return cli.folder / "2024-03-12-board.yaml"


def test_the_rendered_congress_day_2_carries_its_photo_byte_for_byte(cli, tmp_path):
    out = tmp_path / "out"
    cli("render", str(CONGRESS), "--format", "md", "--out", str(out))
    found = destinations(only_md(out))
    assert found["image"] == [PHOTO]
    for ref in found["image"] + found["link"]:
        copy = (out / ref).resolve()
        assert copy.is_relative_to(out.resolve()) and copy.is_file(), ref
        assert copy.read_bytes() == (CONGRESS.parent / ref).read_bytes()


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")
def test_a_hugo_page_bundle_made_of_the_rendered_page_shows_the_photo(cli, tmp_path):
    """As README says: render into the bundle's folder, and name the page index.md."""
    site = tmp_path / "site"
    bundle = site / "content" / "posts" / "day-2"
    cli("render", str(CONGRESS), "--front-matter", "hugo", "--out", str(bundle))
    next(bundle.glob("*.md")).rename(bundle / "index.md")
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\ntitle = "Congress"\n')
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text("<html><body>{{ .Content }}</body></html>\n")
    (layouts / "list.html").write_text("<html><body>{{ range .Pages }}{{ .Title }}{{ end }}</body></html>\n")
    subprocess.run(["hugo", "--quiet", "--source", str(site)], check=True, timeout=120, capture_output=True,
                   env={**os.environ, "HUGO_CACHEDIR": str(tmp_path / "hugo-cache")})
    page = site / "public" / "posts" / "day-2" / "index.html"
    (src,) = re.findall(r'<img src="([^"]+)"', page.read_text(encoding="utf-8"))
    published = page.parent / unquote(src)
    assert published.is_file()
    assert published.read_bytes() == (CONGRESS.parent / PHOTO).read_bytes()


def test_a_pdf_and_a_url_are_links_in_the_templates_markdown_not_pictures(cli):
    session = make_session(cli, "files/agenda.pdf", "https://example.org/a_b?x=1&y=(2)", "slides.png",
                           captions=("The agenda",))
    loaded = load(session)
    for kind in ("minutes", "release"):
        text, _ = template_text(loaded, session, RenderOptions(kind=kind))
        found = destinations(text)
        assert found["image"] == ["slides.png"], kind
        assert found["link"] == ["files/agenda.pdf", "https://example.org/a_b?x=1&y=(2)"], kind
        assert "The agenda (agenda.pdf)" in text


def test_a_pdf_attachment_is_copied_and_shown_by_caption_and_name_in_markdown_and_word(cli):
    session = make_session(cli, "files/agenda.pdf", captions=("The agenda",))
    (cli.folder / "files").mkdir()
    (cli.folder / "files" / "agenda.pdf").write_bytes(b"%PDF-1.4 agenda")
    result = cli("render", "--out", "out")
    assert "warning" not in result.stderr
    assert (cli.folder / "out" / "files" / "agenda.pdf").read_bytes() == b"%PDF-1.4 agenda"
    md = only_md(cli.folder / "out")
    assert destinations(md)["image"] == [] and "The agenda (agenda.pdf)" in md
    result = cli("render", str(session), "--format", "docx", "--out", "out")
    assert "not embedded" not in result.stderr
    text = [p.text for p in docx.Document(next((cli.folder / "out").glob("*.docx"))).paragraphs]
    assert "The agenda (agenda.pdf)" in text


def test_a_pdf_and_a_url_are_links_in_the_rendered_markdown(cli):
    make_session(cli, "agenda.pdf", "https://example.org/a_b", captions=("The agenda",))
    (cli.folder / "agenda.pdf").write_bytes(b"%PDF-1.4")
    cli("render", "--out", "out")
    assert destinations(only_md(cli.folder / "out"))["link"] == ["agenda.pdf", "https://example.org/a_b"]


def test_check_warns_at_its_line_about_a_missing_attachment_until_the_file_is_there(cli):
    session = make_session(cli, "photos/hall.jpg", "https://example.org/x")
    line = next(n for n, text in enumerate(session.read_text().splitlines(), 1) if "photos/hall.jpg" in text)
    result = cli("check")
    assert f"warning: {session}:{line}: item 1: attachment photos/hall.jpg: no such file" in result.stdout
    assert "example.org" not in result.stdout
    (cli.folder / "photos").mkdir()
    (cli.folder / "photos" / "hall.jpg").write_bytes(b"jpg")
    assert "attachment" not in cli("check").stdout  # the session file is unchanged, yet the file is looked at again
    assert "attachment" not in cli("check", "--lang", "ru").stdout


def test_attachments_that_leave_the_folder_are_refused_and_not_copied(cli, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    cli.folder = work
    os.chdir(work)
    (tmp_path / "secret.txt").write_text("SECRET")
    (tmp_path / "secret.png").write_bytes(b"SECRET")
    (work / "inside-link.png").symlink_to(tmp_path / "secret.png")
    make_session(cli, "../secret.txt", str(tmp_path / "secret.png"), "inside-link.png", "a/../../secret.txt")
    result = cli("render", "--out", "out")
    for name in ("../secret.txt", str(tmp_path / "secret.png"), "inside-link.png", "a/../../secret.txt"):
        assert f"{name}: not copied: is outside the session's folder" in result.stderr
    made = [p for p in (work / "out").rglob("*") if p.is_file()]
    assert [p.suffix for p in made] == [".md"]
    assert not any(b"SECRET" in p.read_bytes() for p in made)
    assert "is outside the session's folder" in cli("check").stdout


def test_a_symlinked_folder_in_the_output_is_not_written_through(cli, tmp_path):
    make_session(cli, "photos/a.png")
    (cli.folder / "photos").mkdir()
    (cli.folder / "photos" / "a.png").write_bytes(b"png")
    victim = tmp_path / "victim"
    victim.mkdir()
    (cli.folder / "out").mkdir()
    (cli.folder / "out" / "photos").symlink_to(victim)
    result = cli("render", "--out", "out")
    assert "photos/a.png: not copied:" in result.stderr and "is not a folder inside out" in result.stderr
    assert list(victim.iterdir()) == []


def test_out_dash_copies_nothing(cli, congress):
    before = sorted(p for p in cli.folder.rglob("*") if ".minutes" not in p.parts)
    assert "![" in cli("render", "--out", "-").stdout
    assert sorted(p for p in cli.folder.rglob("*") if ".minutes" not in p.parts) == before


def test_rendering_into_the_session_folder_leaves_the_photo_as_it_was(cli, congress):
    photo = cli.folder / PHOTO
    before = photo.stat()
    result = cli("render")
    assert "warning" not in result.stderr
    after = photo.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_series_carries_the_photos_of_its_days(cli, tmp_path):
    for day in (CONGRESS, CONGRESS_DAY1):
        shutil.copy(day, cli.folder)
    shutil.copytree(CONGRESS.parent / "photos", cli.folder / "photos")
    cli("render", ".", "--series", "2nd International Congress of Solidarity", "--out", "out")
    assert (cli.folder / "out" / PHOTO).read_bytes() == (CONGRESS.parent / PHOTO).read_bytes()


def test_a_batch_copies_each_sessions_files_and_the_first_source_of_a_path_wins(cli, tmp_path):
    folders = [cli.folder / name for name in ("a", "b", "c")]
    for n, folder in enumerate(folders):
        (folder / "photos").mkdir(parents=True)
        shutil.copy(CONGRESS, folder)
        (folder / PHOTO).write_bytes(b"same" if n < 2 else b"other")
        day = next(folder.glob("*.yaml"))
        day.rename(folder / f"2023-07-2{n}-day.yaml")
    # a and b hold the same bytes but are different sources: the first wins, the others are reported
    result = cli("render", *map(str, folders), "--out", "out", "--jobs", "2")
    assert (cli.folder / "out" / PHOTO).read_bytes() == b"same"
    assert result.stderr.count(f"{PHOTO}: not copied: out/{PHOTO} was already copied from {folders[0] / PHOTO}") == 2
    # within one folder, sessions that share a photo copy it once, without a warning
    shutil.copy(folders[0] / "2023-07-20-day.yaml", folders[0] / "2023-07-29-day.yaml")
    shutil.rmtree(cli.folder / "out")
    result = cli("render", str(folders[0]), "--out", "out", "--jobs", "2")
    assert "warning" not in result.stderr and (cli.folder / "out" / PHOTO).read_bytes() == b"same"


def test_a_file_over_the_limit_is_reported_and_not_copied(cli, monkeypatch):
    make_session(cli, "big.png", "small.png")
    (cli.folder / "big.png").write_bytes(b"x" * 2048)
    (cli.folder / "small.png").write_bytes(b"x" * 10)
    monkeypatch.setattr(attachments, "MAX_COPY_BYTES", 1024)
    result = cli("render", "--out", "out")
    assert "big.png: not copied: is 0 MB, over the 0 MB limit" in result.stderr
    assert not (cli.folder / "out" / "big.png").exists() and (cli.folder / "out" / "small.png").is_file()


def test_copying_streams_a_large_file_whole_and_leaves_no_temp_file(tmp_path, monkeypatch):
    source, out = tmp_path / "session", tmp_path / "out"
    (source / "media").mkdir(parents=True)
    out.mkdir()
    data = os.urandom(3 * 2**20 + 17)
    (source / "media" / "talk.mp4").write_bytes(data)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read whole"))
    assert attachments.copy_files(["media/talk.mp4"], source, out, {}) == []
    monkeypatch.undo()
    assert (out / "media" / "talk.mp4").read_bytes() == data
    assert os.listdir(out / "media") == ["talk.mp4"]


def test_a_fifo_is_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.png")
    (tmp_path / "out").mkdir()
    assert attachments.copy_files(["pipe.png"], tmp_path, tmp_path / "out", {}) == [
        "pipe.png: not copied: is not a regular file"
    ]


@pytest.mark.parametrize("file, image", [
    ("photos/a.PNG", True), ("b.jpeg", True), ("slides.pdf", False), ("notes.txt", False), ("deck.pptx", False),
    ("https://example.org/a.png", False), ("HTTP://example.org/", False),
])
def test_which_attachments_are_pictures(file, image):
    assert attachments.is_image(file) is image
    assert attachments.view(file, "")["is_url"] is file.lower().startswith("http")
