"""Rendering: `render`, one file or many at once."""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

from minutes.cli.declared import _err, command
from minutes.cli.params import Arg, Opt
from minutes.cli.commands.common import _path

# --- rendering -----------------------------------------------------------------------------


class Kind(str, Enum):
    minutes = "minutes"
    release = "release"
    agenda = "agenda"


@command("render")
def render(
    files: Annotated[
        Optional[list[Path]],
        Arg(help="Session files or folders (default: the current session).", show_default=False),
    ] = None,
    kind: Annotated[
        Kind, Opt("--kind", "-k", help="Formal minutes, a press release or the agenda (the notice of the meeting).")
    ] = Kind.minutes,
    style: Annotated[Optional[str], Opt("--style", "-s", help="Minutes: formal, council or notes; a release: news or "
                                        "coverage (default: the folder's minutes.yaml, else formal / news).")] = None,
    fmt: Annotated[str, Opt("--format", "-t", help="md, docx, json, pdf or popolo.")] = "md",
    lang: Annotated[Optional[str], Opt("--lang", "-l", help="Language: en, ru, zh, de (default: each of the "
                                       "languages in minutes.yaml, else the session's).")] = None,
    out: Annotated[str, Opt("--out", "-o", help="Output folder, or - for stdout (one md or json result).")] = ".",
    template: Annotated[Optional[Path], Opt("--template", help="Your own Jinja2 template for this kind.")] = None,
    reference_doc: Annotated[
        Optional[Path], Opt("--reference-doc", help="A .docx whose styles the Word output uses.")
    ] = None,
    front_matter: Annotated[
        Optional[str], Opt("--front-matter", help="Markdown front matter: hugo, jekyll or pandoc.")
    ] = None,
    paper: Annotated[
        Optional[str], Opt("--paper", help="Word/PDF paper: a4 or letter (default: the settings', else the "
                           "reference's or the language's).")
    ] = None,
    jobs: Annotated[int, Opt("--jobs", "-j", min=1, help="Render this many files at once.")] = 1,
    series: Annotated[
        Optional[str], Opt("--series", help="Compile every session of this series into one document.")
    ] = None,
    no_agenda: Annotated[bool, Opt("--no-agenda", help="Leave out the agenda at the top of the minutes.")] = False,
    handles: Annotated[bool, Opt("--handles", help="Print people's handles beside their names: James Snell (@jasnell).")] = False,
) -> None:
    """Render minutes, a press release or the agenda to Markdown, Word, JSON, PDF or Popolo JSON.

    Example: minutes render . --kind release --format docx --lang zh --out out --jobs 2

    Example: minutes render meeting.yaml --style notes --out -
    """
    from minutes.records import batch

    options = batch.options(kind.value, fmt, lang, template, reference_doc, front_matter, paper, not no_agenda, handles,
                            style)
    paths = batch.expand(files, _path(None) if not files and series is None else None)
    if series is not None or out == "-":
        for rendered in batch.render_single(paths, options, series, out):
            target = batch.deliver(rendered, out)
            for warning in rendered.warnings:
                print(f"minutes: warning: {warning}", file=sys.stderr)
            if target is not None:
                print(target)
        return
    failures = _render_batch(batch, paths, options, Path(out), jobs)
    if failures:
        raise SystemExit(1)


def _render_batch(batch: Any, paths: list[Path], options: Any, out: Path, jobs: int) -> int:
    """Render many files with a progress bar on a terminal; print failures and a summary line."""
    import contextlib

    progress: Any = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
    with progress or contextlib.nullcontext():
        task = progress.add_task("Rendering", total=len(paths)) if progress else None

        def done(path: Path, rendered: Any, error: Optional[str]) -> None:
            if progress:
                progress.advance(task)
            if error:
                _err(error)
            else:
                for warning in rendered.warnings:
                    print(f"minutes: warning: {path.name}: {warning}", file=sys.stderr)
                print(out / rendered.name)

        failures = batch.run(paths, options, out, jobs, done)
    ok = len(paths) - failures
    print(f"rendered {ok} of {len(paths)} file(s) into {out}" + (f"; {failures} failed" if failures else ""), file=sys.stderr)
    return failures
