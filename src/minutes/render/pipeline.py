"""Render sessions to minutes or press releases: session → template → document → writer."""

from __future__ import annotations

import contextlib
import gc
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.store import atomic as store
from minutes.errors import MinutesError, UsageError
from minutes.model.schema import Session
from minutes.model.vocab import is_lang
from minutes.writers import FRONT_MATTER, WRITERS, WriteOptions

if TYPE_CHECKING:
    from minutes.document.tree import Metadata

KINDS = ("minutes", "release")
PAPERS = ("a4", "letter")


@dataclass
class RenderOptions:
    """What to render, in which format and language, with which template and styles."""

    kind: str = "minutes"
    fmt: str = "md"
    lang: str | None = None
    template: Path | None = None
    reference_doc: Path | None = None
    front_matter: str | None = None
    paper: str | None = None


@dataclass
class Rendered:
    """One rendered output: its file name, its bytes and any warnings."""

    name: str
    data: bytes
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """The attached files that Markdown refers to, relative to ``folder`` (copied beside it by ``copy_files``)."""
    folder: Path | None = None


@contextlib.contextmanager
def gc_paused():
    """Pause the cycle collector: rendering makes many objects but no cycles, and every pass over them costs."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_options(options: RenderOptions) -> None:
    """Raise a UsageError for an unknown kind, format, language, front matter or paper."""
    if options.kind not in KINDS:
        raise UsageError(f"unknown kind {options.kind!r}; use one of {', '.join(KINDS)}")
    if options.fmt not in WRITERS:
        raise UsageError(f"unknown format {options.fmt!r}; use one of {', '.join(WRITERS)}")
    if options.lang is not None and not is_lang(options.lang):
        raise UsageError(f"unknown language {options.lang!r}; use a code like en, ru, zh or de")
    if options.front_matter is not None and options.front_matter not in FRONT_MATTER:
        raise UsageError(f"unknown front matter {options.front_matter!r}; use one of {', '.join(FRONT_MATTER)}")
    if options.paper is not None and options.paper not in PAPERS:
        raise UsageError(f"--paper: unknown paper {options.paper!r}; use one of {', '.join(PAPERS)}")


def slug(text: str, limit: int = 60) -> str:
    """Return a plain ASCII file-name slug of ``text`` (``session`` when nothing is left)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:limit].strip("-") or "session"


def output_stem(session: Session, source: Path | None) -> str:
    """Return ``DATE-slug`` from the session's date and its file name (or its title)."""
    from minutes.model.schema import pick

    date = session.date.isoformat()
    stem = source.stem if source is not None else pick(session.title, "en", session.lang)
    if stem.startswith(date):
        stem = stem[len(date):]
    return f"{date}-{slug(stem)}"


def output_name(session: Session, source: Path | None, kind: str, lang: str, fmt: str) -> str:
    """Return ``DATE-slug.KIND.LANG.EXT``: a plain file name, whatever the data holds."""
    name = f"{output_stem(session, source)}.{slug(kind)}.{slug(lang)}.{slug(fmt)}"
    if "/" in name or "\\" in name or name.startswith("."):
        raise MinutesError(f"cannot make a safe file name for {source or session.date}")
    return name


def build_document(session: Session, source: Path | None, options: RenderOptions,
                   parts: list[Session] | None = None):
    """Return the document that the template for ``options.kind`` makes of ``session``.

    ``parts`` are the sessions a compiled series was made of (see ``render_series``).
    """
    from minutes.markdown import reader as markdown
    from minutes.document.tree import Heading, plain

    text, meta = template_text(session, source, options, parts)
    doc = markdown.parse(text, meta)
    doc.session = session
    title = next((plain(b.inlines) for b in doc.blocks if isinstance(b, Heading) and b.level == 1), "")
    doc.meta.title = title or doc.meta.title
    return doc


def template_text(session: Session, source: Path | None, options: RenderOptions,
                  parts: list[Session] | None = None) -> tuple[str, Metadata]:
    """Return the Markdown the template makes of ``session``, and the document's metadata (titled after the session).

    The view the template reads is dropped on return, before the text is parsed: the document's
    objects then take the memory the view's held.
    """
    from minutes.render import context
    from minutes.render import i18n
    from minutes.render import templating
    from minutes.records.approval import content_hash
    from minutes.document.tree import Metadata
    from minutes.model.schema import pick

    lang = options.lang or session.lang
    folder = source.parent if source is not None else None
    extra = (folder / "templates",) if folder is not None and (folder / "templates" / "i18n").is_dir() else ()
    cat = i18n.catalog(lang, extra)
    # The minutes of one file carry its content hash ("minutes verify FILE" recomputes it), so that a
    # printed copy can be matched to its file. A compiled series matches no single file: no hash.
    digest = content_hash(session) if options.kind == "minutes" and not parts else ""
    view = context.build(session, cat, parts)
    text = templating.render(options.kind, view, cat, template=options.template, session_dir=folder)
    meta = Metadata(
        title=view["session"]["title"],
        author=pick(session.organization, lang, session.lang) if session.organization else "",
        date=view["press"]["date_iso"] if options.kind == "release" else session.date.isoformat(),
        lang=lang,
        kind=options.kind,
        tags=list(session.tags),
        categories=[session.category] if session.category else [],
        key=f"{output_stem(session, source)}.{options.kind}",
        page_label=cat.gettext("Page {page}", page="{page}"),
        hash=digest,
        footer=f"{session.date.isoformat()} · {digest}" if digest else "",
    )
    return text, meta


@gc_paused()
def render_session(session: Session, source: Path | None, options: RenderOptions,
                   parts: list[Session] | None = None) -> Rendered:
    """Render ``session`` (read from ``source``) as ``options`` say."""
    check_options(options)
    doc = build_document(session, source, options, parts)
    wopts = WriteOptions(
        front_matter=options.front_matter,
        reference_doc=options.reference_doc,
        paper=options.paper,
        base_dir=source.parent if source is not None else None,
    )
    data = WRITERS[options.fmt](doc, wopts)
    name = output_name(session, source, options.kind, doc.meta.lang, options.fmt)
    if options.fmt != "md" or source is None:
        return Rendered(name, data, wopts.warnings)
    from minutes.render.attachments import local_files

    return Rendered(name, data, wopts.warnings, local_files(session), source.parent)


def render_series(parts: list[Session], source: Path | None, options: RenderOptions) -> Rendered:
    """Render the sessions of one series (in date order) compiled into one document.

    Each day opens with its own heading, and the dates span the first to the last day. The output is
    named after the first day's file, with ``-series`` added to its stem.
    """
    from minutes.records.series import compile_series

    rendered = render_session(compile_series(parts), source, options, parts)
    stem, rest = rendered.name.split(".", 1)
    rendered.name = f"{stem}-series.{rest}"
    return rendered


@gc_paused()
def render_file(path: Path, options: RenderOptions) -> Rendered:
    """Load the session at ``path`` and render it."""
    from minutes.store.loader import load

    return render_session(load(path), path, options)


def _render_one(path: Path, options: RenderOptions) -> tuple[Rendered | None, str | None]:
    try:
        return render_file(path, options), None
    except MinutesError as exc:
        return None, str(exc)
    except Exception as exc:  # a worker must report, never take the batch down
        return None, f"{path}: internal error: {type(exc).__name__}: {exc}"


def render_many(
    paths: list[Path],
    options: RenderOptions,
    out_dir: Path,
    jobs: int,
    on_done: Callable[[Path, Rendered | None, str | None], None],
) -> int:
    """Render every file in ``paths`` into ``out_dir``; return how many failed."""
    check_options(options)
    if not out_dir.is_dir():
        raise MinutesError(f"{out_dir}: no such folder")
    from minutes.render.attachments import copy_files

    written: dict[str, Path] = {}
    copied: dict[str, Path] = {}  # the attached files copied into out_dir, by their source
    failures = 0

    def finish(path: Path, rendered: Rendered | None, error: str | None) -> None:
        nonlocal failures
        if rendered is not None:
            other = written.get(rendered.name)
            if other is not None:
                rendered, error = None, f"{path}: would overwrite {rendered.name}, already written from {other}"
            else:
                try:
                    store.write_bytes_atomic(out_dir / rendered.name, rendered.data)
                    written[rendered.name] = path
                    rendered.warnings += copy_files(rendered.files, rendered.folder, out_dir, copied)
                except MinutesError as exc:
                    rendered, error = None, str(exc)
        failures += rendered is None
        on_done(path, rendered, error)

    if jobs <= 1 or len(paths) <= 2:
        for path in paths:
            finish(path, *_render_one(path, options))
        return failures
    # The first file is rendered here, so that the workers forked after it start with the modules
    # imported and the template, catalog and reference document already prepared.
    finish(paths[0], *_render_one(paths[0], options))
    from concurrent.futures import ProcessPoolExecutor  # here: a single file needs no pool

    rest = paths[1:]
    workers = min(jobs, len(rest))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, min(16, len(rest) // (4 * workers)))
        for path, result in zip(rest, pool.map(_render_one, rest, repeat(options), chunksize=chunk)):
            finish(path, *result)
    return failures
