"""Collect every phrase the templates and the view context ask the catalogs for."""

from __future__ import annotations

import ast
from pathlib import Path

from jinja2 import nodes

from minutes.render import actions, attendance, context, coverage, prose, votes
from minutes.render import labels
from minutes.render.resources import templates_dir
from minutes.render.styles import TEMPLATES
from minutes.render.templating import environment

PRONOUNS = ("he", "she", "they", "it")


def _strings(node: nodes.Node) -> list[str]:
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, nodes.CondExpr):
        return _strings(node.expr1) + _strings(node.expr2)
    return []


def template_messages() -> set[tuple[str | None, str]]:
    """Return the (context, msgid) pairs the shipped templates use."""
    env = environment((templates_dir(),))
    out: set[tuple[str | None, str]] = set()
    for name in TEMPLATES.values():
        source = (templates_dir() / name).read_text(encoding="utf-8")
        for call in env.parse(source).find_all(nodes.Call):
            if not isinstance(call.node, nodes.Name) or call.node.name not in ("_", "_p"):
                continue
            if call.node.name == "_":
                out.update((None, s) for s in _strings(call.args[0]))
            else:
                ctx = _strings(call.args[0]) or list(PRONOUNS)
                out.update((c, s) for c in ctx for s in _strings(call.args[1]))
    return out


def code_messages() -> set[tuple[str | None, str]]:
    """Return the (context, msgid) pairs the view context uses."""
    out: set[tuple[str | None, str]] = set()
    for table in (labels.STATUS_LABELS, labels.KIND_LABELS, labels.SESSION_KINDS, labels.RESULTS,
                  labels.ACTION_STATUSES, labels.PREVIOUS):
        out.update((None, v) for v in table.values())
    out.update(("attendance", v) for v in attendance.GROUP_STATUS.values())
    out.update((None, v) for v in labels.SPELLED.values())
    out.update(("compact", v) for v in (*labels.COMPACT_METHODS.values(), *labels.ROLL_SIDES))
    out.update(("manner", v) for v in labels.MANNERS.values())
    out.update(("roll", v) for v in labels.ROLL_NAMES)
    out.update(("result", v) for v in labels.RESULT_WORDS.values())
    out.update(("threshold", v) for v in labels.THRESHOLDS.values())
    modules = (context, attendance, votes, actions, coverage, prose)
    calls = [(m, c) for m in modules for c in ast.walk(ast.parse(Path(m.__file__).read_text(encoding="utf-8")))]
    for module, call in calls:
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "_":
            context_arg = call.args[1] if len(call.args) > 1 else None
            ctx = context_arg.value if isinstance(context_arg, ast.Constant) else None
            # prose passes the speaker's pronoun or a phrase's gender: every one of them
            gendered = module is prose and context_arg is not None and not isinstance(context_arg, ast.Constant)
            contexts = PRONOUNS if gendered else (ctx,)
            first = call.args[0] if call.args else None
            choices = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            if isinstance(first, ast.Name) and first.id == "msg":  # a pattern picked from a table
                continue
            for msg in choices:
                if isinstance(msg, ast.Constant) and isinstance(msg.value, str):
                    out.update((c, msg.value) for c in contexts)
    out.update(("person", v) for v in labels.PERSON_FORMS.values())
    for pattern in (*prose.SPEECH_PATTERNS, *prose.REPORT_PATTERNS, *prose.UNTITLED_PATTERNS, *prose.OPENINGS):
        out.update((c, pattern) for c in PRONOUNS)
    out.add((None, "Page {page}"))
    out.update({(None, "{label}:"), ("paren", "{text} ({note})")})  # templating's label() and paren()
    return out


def all_messages() -> set[tuple[str | None, str]]:
    """Return every phrase a catalog must translate."""
    return template_messages() | code_messages()
