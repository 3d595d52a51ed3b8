"""Viewing and checking: `show`, `agenda`, `list`, `check`, `schema`."""

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

from minutes.errors import MinutesError
from minutes.cli.declared import command
from minutes.cli.params import Arg, Opt
from minutes.cli.commands.common import JsonOpt, _folder, _path

# --- viewing and checking ------------------------------------------------------------------


@command("show")
def show(
    file: Annotated[Optional[Path], Arg(help="Session file (default: the current session).", show_default=False)] = None,
    json_: JsonOpt = False,
) -> None:
    """Print a session readably (or as JSON).

    Example: minutes show --json | jq .proceedings
    """
    from minutes.store import loader as sessions
    from minutes.cli import views

    path = _path(file)
    s = sessions.load(path)
    if json_:
        print(json.dumps(views.session_json(s), ensure_ascii=False, indent=2))
    else:
        views.print_session(s)


@command("agenda")
def agenda(
    file: Annotated[Optional[Path], Arg(help="Session file (default: the current session).", show_default=False)] = None,
    json_: JsonOpt = False,
) -> None:
    """Print the agenda of a session: its sections with their addresses, presenters and notes.

    Example: minutes agenda; minutes agenda --json | jq '.[].address'
    """
    from minutes.records import outline
    from minutes.store import loader as sessions
    from minutes.cli import views

    rows = outline.agenda(sessions.load(_path(file)))
    if json_:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        views.print_agenda(rows)


@command("list")
def list_(
    folder: Annotated[Path, Arg(help="Folder of session files.")] = Path("."),
    json_: JsonOpt = False,
) -> None:
    """List the sessions in a folder.

    Example: minutes list minutes/2024
    """
    from minutes.cli import views

    rows = views.list_rows(_folder(folder))
    if json_:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        views.print_list(rows)


@command("check")
def check(
    files: Annotated[Optional[list[Path]], Arg(help="Session files or folders (default: the current session).", show_default=False)] = None,
    strict: Annotated[bool, Opt("--strict", help="Fail on warnings too.")] = False,
    lang: Annotated[Optional[str], Opt("--lang", help="Also list every text with no translation in LANG.")] = None,
    json_: JsonOpt = False,
) -> None:
    """Check sessions for errors and for what proper minutes need.

    Example: minutes check --strict --lang ru *.yaml
    """
    from minutes.model import values
    from minutes.records import checks
    from minutes.records import ops

    lang = values.lang(lang, "--lang")  # en_GB → en-GB
    paths = ops.session_files(files) if files else [_path(None)]
    if not paths:
        raise MinutesError(f"{', '.join(map(str, files or []))}: a folder with no session files (*.yaml) in it")
    report: dict[str, list] = {}
    bad = False
    for path, findings in zip(paths, checks.check_files(paths, lang)):
        report[str(path)] = [f.to_dict() for f in findings]
        bad = bad or checks.failed(findings, strict)
        if not json_:
            for f in findings:
                print(f"{f.level}: {f.message}", file=sys.stderr if f.level == "error" else sys.stdout)
    if json_:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        errors = sum(1 for fs in report.values() for f in fs if f["level"] == "error")
        warnings = sum(1 for fs in report.values() for f in fs if f["level"] == "warning")
        print(f"{len(paths)} file(s) checked: {errors} error(s), {warnings} warning(s)")
    if bad:
        raise SystemExit(1)


@command("schema")
def schema() -> None:
    """Print the JSON Schema of session files, for editors and validators.

    Example: minutes schema > session.schema.json
    """
    from minutes.model.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
