"""What `minutes render` does: check the options, find the sessions, render one or many."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from minutes.errors import MinutesError, UsageError
from minutes.records.publish import Rendered, check_options, render_many, render_series, render_session
from minutes.render.pipeline import RenderOptions

BINARY = ("docx", "pdf")


def options(
    kind: str, fmt: str, lang: str | None, template: Path | None, reference_doc: Path | None,
    front_matter: str | None, paper: str | None = None, agenda: bool = True, handles: bool = False,
    style: str | None = None,
) -> RenderOptions:
    """Return checked render options; a usage error names the bad one."""
    for label, path in (("--template", template), ("--reference-doc", reference_doc)):
        if path is not None and not path.is_file():
            raise UsageError(f"{label} {path}: no such file")
    opts = RenderOptions(kind=kind, fmt=fmt, lang=lang, template=template, reference_doc=reference_doc,
                         front_matter=front_matter, paper=paper.lower() if paper else None, agenda=agenda,
                         handles=handles, style=style)
    check_options(opts)
    return opts


def expand(files: list[Path] | None, current: Path | None) -> list[Path]:
    """Return the session files to render: the named files, the *.yaml files of named folders, or the current one."""
    from minutes.records.ops import session_files

    if not files:
        return [current] if current is not None else session_files([Path(".")])
    found = session_files(files)
    if not found:
        raise UsageError(f"no session files in {', '.join(map(str, files))}")
    return found


def render_single(paths: list[Path], opts: RenderOptions, series: str | None = None,
                  out: str = "-") -> list[Rendered]:
    """Render one file, or a whole series compiled into one document, in each of its languages (one only when
    ``out`` is ``-``)."""
    from minutes.records.publish import in_languages

    if series is None:
        if len(paths) != 1:
            raise UsageError(f"--out - writes one result, but {len(paths)} files were given")
        from minutes.store.loader import load

        session, source, parts = load(paths[0]), paths[0], None
    else:
        from minutes.records import actions
        from minutes.records.series import compile_series, members

        loaded = actions.load_all(paths)
        parts = members([s for _, s in loaded], series)
        source = next(p for p, s in loaded if s is parts[0])
        session = compile_series(parts)
    each = in_languages(session, opts)
    if out == "-" and len(each) > 1:
        raise UsageError(f"--out - writes one result, but the settings name {len(each)} languages "
                         f"({', '.join(str(o.lang) for o in each)}); give --lang, or a folder")
    if parts is None:
        return [render_session(session, source, o) for o in each]
    return [render_series(parts, source, o) for o in each]


def deliver(rendered: Rendered, out: str) -> Path | None:
    """Write ``rendered`` to stdout (``-``) or into the folder ``out``; return the file written."""
    from minutes.store.atomic import write_bytes_atomic

    if out == "-":
        if rendered.name.rsplit(".", 1)[-1] in BINARY and sys.stdout.isatty():
            raise UsageError("--out - would print a Word or PDF file on the terminal; send it to a file or a pipe "
                             "(> minutes.docx), or give a folder")
        sys.stdout.buffer.write(rendered.data)
        sys.stdout.flush()
        return None
    folder = make_folder(Path(out))
    target = folder / rendered.name
    write_bytes_atomic(target, rendered.data)
    from minutes.render.attachments import copy_files

    rendered.warnings += copy_files(rendered.files, rendered.folder, folder, {})
    return target


def run(
    paths: list[Path], opts: RenderOptions, out: Path, jobs: int,
    on_done: Callable[[Path, Rendered | None, str | None], None],
) -> int:
    """Render every file into ``out``; return the number that failed."""
    return render_many(paths, opts, make_folder(out), jobs, on_done)


def make_folder(folder: Path) -> Path:
    """Return ``folder``, created if it is missing."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MinutesError(f"{folder}: cannot create the output folder: {exc.strerror}") from None
    return folder
