"""Viewing and checking: `show`, `agenda`, `list`, `check`, `schema`, `settings`."""

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
    profile: Annotated[Optional[str], Opt("--profile", help="What the record must hold: formal, council, notes or "
                                          "coverage (default: the settings' profile, else the minutes' style).")] = None,
    json_: JsonOpt = False,
) -> None:
    """Check sessions for errors and for what proper minutes need.

    Example: minutes check --strict --lang ru *.yaml

    Example: minutes check --strict --profile notes .
    """
    from minutes.model import values
    from minutes.records import checks
    from minutes.records import ops

    lang = values.lang(lang, "--lang")  # en_GB → en-GB
    paths = ops.session_files(files) if files else [_path(None)]
    if not paths:
        raise MinutesError(f"{', '.join(map(str, files or []))}: a folder with no session files (*.yaml) in it")
    checks.check_profile(profile)
    report: dict[str, dict] = {}
    bad = False
    for path, checked in zip(paths, checks.check_files(paths, lang, profile)):
        report[str(path)] = {"profile": checked.profile, "findings": [f.to_dict() for f in checked.findings]}
        bad = bad or checks.failed(checked.findings, strict)
        if not json_:
            for f in checked.findings:
                print(f"{f.level}: {f.message}", file=sys.stderr if f.level == "error" else sys.stdout)
    if json_:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        found = [f["level"] for r in report.values() for f in r["findings"]]
        errors, warnings = found.count("error"), found.count("warning")
        used = sorted({r["profile"] for r in report.values() if r["profile"]})
        with_ = f" (profile{'s' if len(used) > 1 else ''} {', '.join(used)})" if used else ""
        print(f"{len(paths)} file(s) checked{with_}: {errors} error(s), {warnings} warning(s)")
    if bad:
        raise SystemExit(1)


@command("schema")
def schema(
    settings: Annotated[bool, Opt("--settings", help="The schema of a folder's settings file, minutes.yaml.")] = False,
) -> None:
    """Print the JSON Schema of session files (or of minutes.yaml), for editors and validators.

    Example: minutes schema > session.schema.json

    Example: minutes schema --settings > settings.schema.json
    """
    if settings:
        from minutes.model.settings import json_schema
    else:
        from minutes.model.schema import json_schema  # type: ignore[no-redef]

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@command("settings")
def settings(
    file: Annotated[Optional[Path], Arg(help="Session file (default: the current session).", show_default=False)] = None,
    json_: JsonOpt = False,
) -> None:
    """Print the settings a session works with, each with where it came from (its own, minutes.yaml, the default).

    Example: minutes settings; minutes settings --json | jq '.[] | select(.from != "default")'
    """
    from minutes.records import settings as explained
    from minutes.store import loader as sessions

    path = _path(file)
    rows = explained.explain(sessions.load(path), path)
    if json_:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max(len(r["setting"]) for r in rows)
    for r in rows:
        value = r["value"] if isinstance(r["value"], str) else json.dumps(r["value"], ensure_ascii=False)
        print(f"{r['setting']:<{width}}  {value}  ({r['from']})")
