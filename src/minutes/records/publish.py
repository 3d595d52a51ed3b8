"""Publish rendered sessions: one file, a series or a batch, through the writer of the format, into files."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path

from minutes.store import atomic as store
from minutes.errors import MinutesError
from minutes.model.schema import Session
from minutes.render import pipeline
from minutes.render.pipeline import RenderOptions, build_document, output_name
from minutes.writers import FRONT_MATTER, WRITERS, WriteOptions


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
    pipeline.check_options(options, WRITERS, FRONT_MATTER)


@gc_paused()
def render_session(session: Session, source: Path | None, options: RenderOptions,
                   parts: list[Session] | None = None) -> Rendered:
    """Render ``session`` (read from ``source``) as ``options`` say."""
    check_options(options)
    doc = build_document(session, source, options, parts)
    wopts = WriteOptions(
        front_matter=options.front_matter,
        reference_doc=options.reference_doc,
        paper=options.paper or session.effective_settings().paper,  # --paper, else the settings'; else the writer's
        base_dir=source.parent if source is not None else None,
    )
    data = WRITERS[options.fmt](doc, wopts)
    name = output_name(session, source, options.kind, doc.meta.lang, options.fmt)
    if options.fmt != "md" or source is None:
        return Rendered(name, data, wopts.warnings)
    from minutes.render.attachments import local_files

    return Rendered(name, data, wopts.warnings, local_files(session), source.parent)


def languages(session: Session, options: RenderOptions) -> list[str | None]:
    """Return the languages to render ``session`` in: --lang, else the settings' ``languages``, else its own (None)."""
    if options.lang is not None:
        return [options.lang]
    return list(session.effective_settings().languages) or [None]


def in_languages(session: Session, options: RenderOptions) -> list[RenderOptions]:
    """Return ``options`` once for each language ``session`` is rendered in (see ``languages``)."""
    return [replace(options, lang=lang) for lang in languages(session, options)]


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


@gc_paused()
def render_languages(path: Path, options: RenderOptions) -> list[Rendered]:
    """Load the session at ``path`` and render it once in each of its languages (see ``languages``)."""
    from minutes.store.loader import load

    session = load(path)
    return [render_session(session, path, each) for each in in_languages(session, options)]


def _render_one(path: Path, options: RenderOptions) -> tuple[list[Rendered], str | None]:
    try:
        return render_languages(path, options), None
    except MinutesError as exc:
        return [], str(exc)
    except Exception as exc:  # a worker must report, never take the batch down
        return [], f"{path}: internal error: {type(exc).__name__}: {exc}"


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

    def finish(path: Path, results: list[Rendered], error: str | None) -> None:
        nonlocal failures
        failed = error is not None
        for rendered in results:
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
            failed = failed or rendered is None
            on_done(path, rendered, None if rendered is not None else error)
        if not results:
            on_done(path, None, error)
        failures += failed

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
