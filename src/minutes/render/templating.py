"""Sandboxed Jinja2 templates that turn the view context into Markdown."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from types import MethodType
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator
from jinja2.loaders import split_template_path
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from jinja2.utils import Namespace
from markupsafe import Markup

from minutes import fastpaths
from minutes.render import limits
from minutes.errors import MinutesError
from minutes.render.i18n import Catalog
from minutes.render.resources import own_folder, read_inside, read_regular, templates_dir
from minutes.markdown.escape import Md, escape, target

TEMPLATES = {"minutes": "minutes.md.j2", "release": "release.md.j2", "agenda": "agenda.md.j2"}
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


def literal(text: str) -> str:
    """Return the Markdown that prints ``text`` as typed, as every text of a schema version 1 file is printed."""
    return _finalize(text)


def _breaks(text: str) -> str:
    """Return escaped ``text`` with each single newline a hard line break; a blank line still parts paragraphs."""
    text = _TRAILING_SPACE.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _LONE_NEWLINE.sub("\\\\\n", text)


_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_LONE_NEWLINE = re.compile(r"(?<=[^\n])\n(?=[^\n])")


def link_target(path: str) -> Markup:
    """Return a picture's path or a link's URL escaped for ``(<...>)``, so that a URL in it stays one."""
    return Markup(target(str(path)))


def capfirst(text: str) -> str:
    """Return ``text`` with its first letter in upper case, unless its first word is written mixed-case (iPhone, eBay)."""
    source = str(text)  # (plain str: a Markup's split and slices would each be escaped and wrapped)
    # In Markdown, the first letter after the marks that open emphasis or a link.
    at = len(source) - len(source.lstrip("*_[~")) if isinstance(text, Md) else 0
    first = source.split(maxsplit=1)[0] if source.strip() else ""
    if any(c.isupper() for c in first[at + 1:]):
        return text
    return type(text)(source[:at] + source[at:at + 1].upper() + source[at + 1:])


def lowerfirst(text: str) -> str:
    """Return ``text`` with its first letter in lower case."""
    return text[:1].lower() + text[1:]


def oneline(text: str) -> str:
    """Return ``text`` on one line, e.g. for a table cell (Markdown with each ``|`` in it escaped)."""
    if isinstance(text, Md):
        return Md(_PIPE.sub(r"\\|", " ".join(text.split())))
    return " ".join(str(text).split())


_PIPE = re.compile(r"(?<!\\)\|")


def quote(text: str) -> Markup:
    """Return ``text`` escaped as a block quote that keeps its paragraphs and its line breaks (Markdown as is, each line quoted)."""
    lines = [line.rstrip() for line in (str(text).strip("\n") if isinstance(text, Md) else _finalize(str(text).strip("\n"))).split("\n")]
    return Markup("\n".join(f"> {line}" if line else ">" for line in lines))


# Objects whose public attributes hold plain values the sandbox would let through anyway.
_OPEN = (Namespace, LoopContext)


class Loader(jinja2.BaseLoader):
    """Templates from regular files inside ``folders`` (never through a symlink leading out), and the user's ``main`` file."""

    def __init__(self, folders: tuple[Path, ...], main: Path | None = None) -> None:
        self.folders = folders
        self.main = main

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        """Return the text, file name and freshness check of ``template``."""
        if self.main is not None and template == self.main.name:
            found: tuple[bytes, Path] | None = (read_regular(self.main), self.main)
        else:
            name = "/".join(split_template_path(template))
            found = next(filter(None, (read_inside(folder, name) for folder in self.folders)), None)
        if found is None:
            raise jinja2.TemplateNotFound(template)
        data, path = found
        mtime = _mtime(path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MinutesError(f"{path}: not UTF-8 text (byte {exc.start + 1})") from None
        return text, str(path), lambda: _mtime(path) == mtime


def _mtime(path: Path) -> int:
    """Return the modification time of ``path`` in ns, or -1 when it is gone."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


class Generator(CodeGenerator):
    """Jinja's code generator, with ``a ~ b`` joined by ``environment.concat`` (which bounds the result)."""

    def visit_Concat(self, node: jinja2.nodes.Concat, frame: Any) -> None:
        self.write("environment.concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class Environment(SandboxedEnvironment):
    """The sandbox, reading ``view.key`` from the view's dicts, and loops' and namespaces' data, straight."""

    code_generator_class = Generator
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    concat = staticmethod(limits.concat)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Return ``left OPERATOR right``, refusing a result past the template limits."""
        limits.check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Any:
        """Return the sandbox's ``str.format`` for ``value``, refusing widths past the template limits."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None

        def bounded(*args: Any, **kwargs: Any) -> str:
            limits.check_format(value.__self__, (*args, *kwargs.values()))
            return wrapped(*args, **kwargs)

        return bounded

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


def environment(search: tuple[Path, ...], main: Path | None = None) -> SandboxedEnvironment:
    """Return a sandboxed environment that looks for templates in ``search``, in order (and ``main`` by its name);
    the shipped templates' code is kept compiled beside them (``render.compiled``), unless the fast paths are off."""
    return _environment(search, main, fastpaths.enabled())


@functools.lru_cache(maxsize=32)
def _environment(search: tuple[Path, ...], main: Path | None, cached: bool) -> SandboxedEnvironment:
    from minutes.render.compiled import TemplateCache

    env = Environment(
        loader=Loader(search, main),
        bytecode_cache=TemplateCache() if cached else None,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(capfirst=capfirst, lowerfirst=lowerfirst, oneline=oneline, quote=quote, target=link_target,
                       join=limits.join, center=limits.center, indent=limits.indent)
    env.globals["range"] = limits.bounded_range
    return env


def search_path(template: Path | None, session_dir: Path | None) -> tuple[Path, ...]:
    """Return where templates are looked up: the explicit file's folder, ./templates, the package."""
    folders = []
    if template is not None:
        folders.append(template.resolve().parent)
    if session_dir is not None and (session_dir / "templates").is_dir():
        folders.append(own_folder(session_dir / "templates"))
    folders.append(templates_dir())
    return tuple(dict.fromkeys(folders))


def render(kind: str, context: dict[str, Any], cat: Catalog, *, template: Path | None = None,
           session_dir: Path | None = None, name: str | None = None) -> str:
    """Return the Markdown that the template for ``kind`` (or the template file ``name``) makes of ``context``."""
    if template is not None and not template.is_file():
        raise MinutesError(f"{template}: no such template file")
    name = template.name if template is not None else name or TEMPLATES[kind]
    env = environment(search_path(template, session_dir), template.absolute() if template is not None else None)
    try:
        tmpl = env.get_template(name)
        return limits.generate(tmpl.generate(context, _=cat.gettext, _p=cat.pgettext, date=cat.date, join=cat.join,
                                             label=cat.label, paren=cat.paren))
    except (limits.Stopped, RecursionError, MemoryError) as exc:
        stopped = exc if isinstance(exc, limits.Stopped) else (
            limits.too_deep() if isinstance(exc, RecursionError) else limits.out_of_memory())
        raise MinutesError(f"{_template_line(exc) or name}: stopped: {stopped}") from None
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
