"""Sandboxed Jinja2 templates that turn the view context into Markdown."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from types import MethodType
from typing import Any

import jinja2
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from jinja2.utils import Namespace
from markupsafe import Markup

from minutes.errors import MinutesError
from minutes.i18n import Catalog
from minutes.resources import templates_dir
from minutes.writers.md import escape, target

TEMPLATES = {"minutes": "minutes.md.j2", "release": "release.md.j2"}
_MISSING = object()


def _finalize(value: Any) -> str:
    """Escape every value a template prints, so data is never read as Markdown."""
    if type(value) is str:
        return _breaks(escape(value)) if "\n" in value else escape(value)
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return escape(str(value))


def _breaks(text: str) -> str:
    """Return escaped ``text`` with each single newline a hard line break; a blank line still parts paragraphs."""
    text = re.sub(r"[ \t]+\n", "\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _LONE_NEWLINE.sub("\\\\\n", text)


_LONE_NEWLINE = re.compile(r"(?<=[^\n])\n(?=[^\n])")


def link_target(path: str) -> Markup:
    """Return a picture's path or a link's URL escaped for ``(<...>)``, so that a URL in it stays one."""
    return Markup(target(str(path)))


def capfirst(text: str) -> str:
    """Return ``text`` with its first letter in upper case, unless its first word is written mixed-case (iPhone, eBay)."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if any(c.isupper() for c in first[1:]):
        return text
    return text[:1].upper() + text[1:]


def lowerfirst(text: str) -> str:
    """Return ``text`` with its first letter in lower case."""
    return text[:1].lower() + text[1:]


def oneline(text: str) -> str:
    """Return ``text`` on one line, e.g. for a table cell."""
    return " ".join(str(text).split())


def quote(text: str) -> Markup:
    """Return ``text`` escaped as a block quote that keeps its paragraphs and its line breaks."""
    lines = [line.rstrip() for line in _finalize(str(text).strip("\n")).split("\n")]
    return Markup("\n".join(f"> {line}" if line else ">" for line in lines))


# Objects whose public attributes hold plain values the sandbox would let through anyway.
_OPEN = (Namespace, LoopContext)


class Environment(SandboxedEnvironment):
    """The sandbox, reading ``view.key`` from the view's dicts, and loops' and namespaces' data, straight."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        kind = type(obj)
        if kind is dict:
            if attribute in obj:
                return obj[attribute]
        elif kind in _OPEN and not attribute.startswith("_"):
            value = getattr(obj, attribute, _MISSING)
            if value is not _MISSING and not callable(value):
                return value
        return super().getattr(obj, attribute)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """Call the catalog's own functions (phrases, dates, lists) straight; anything else through the sandbox."""
        if type(__obj) is MethodType and type(__obj.__self__) is Catalog:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            return __obj(*args, **kwargs)
        return super().call(__context, __obj, *args, **kwargs)


@functools.lru_cache(maxsize=32)
def environment(search: tuple[Path, ...]) -> SandboxedEnvironment:
    """Return a sandboxed environment that looks for templates in ``search``, in order."""
    env = Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in search]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(capfirst=capfirst, lowerfirst=lowerfirst, oneline=oneline, quote=quote, target=link_target)
    return env


def search_path(template: Path | None, session_dir: Path | None) -> tuple[Path, ...]:
    """Return where templates are looked up: the explicit file's folder, ./templates, the package."""
    folders = []
    if template is not None:
        folders.append(template.resolve().parent)
    if session_dir is not None and (session_dir / "templates").is_dir():
        folders.append((session_dir / "templates").resolve())
    folders.append(templates_dir())
    return tuple(dict.fromkeys(folders))


def render(kind: str, context: dict[str, Any], cat: Catalog, *, template: Path | None = None,
           session_dir: Path | None = None) -> str:
    """Return the Markdown that the template for ``kind`` makes of ``context``."""
    if template is not None and not template.is_file():
        raise MinutesError(f"{template}: no such template file")
    name = template.name if template is not None else TEMPLATES[kind]
    env = environment(search_path(template, session_dir))
    try:
        tmpl = env.get_template(name)
        return tmpl.render(context, _=cat.gettext, _p=cat.pgettext, date=cat.date, join=cat.join,
                           label=cat.label, paren=cat.paren)
    except jinja2.TemplateSyntaxError as exc:
        raise MinutesError(f"{exc.filename or exc.name or name}:{exc.lineno}: template syntax error: {exc.message}") from None
    except (jinja2.UndefinedError, SecurityError, MinutesError, TypeError, ValueError, KeyError, AttributeError,
            ArithmeticError, jinja2.TemplateError) as exc:
        where = _template_line(exc) or f"{name}"
        what = "unsafe operation" if isinstance(exc, SecurityError) else type(exc).__name__
        if isinstance(exc, jinja2.UndefinedError):
            what = "undefined value"
        elif isinstance(exc, MinutesError):
            what = "error"
        raise MinutesError(f"{where}: {what}: {exc}") from None


def _template_line(exc: BaseException) -> str | None:
    """Return ``file:line`` of the innermost template frame in the traceback of ``exc``."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or "/templates/" in filename:
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found
