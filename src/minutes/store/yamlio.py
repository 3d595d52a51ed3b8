"""Strict, safe YAML: load user files and emit snippets that other tools read back the same."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

import yaml

from minutes.errors import MinutesError, located
from minutes.store.readfile import too_large
from minutes.store.startup import NON_PRINTABLE

try:  # libyaml is much faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 64 * 1024 * 1024

# Tags a session file may carry explicitly: the JSON-like core, nothing that builds other objects
# (``!!binary`` would smuggle bytes, ``!!timestamp``/``!!set``/``!!omap`` odd types, ``!!python/*`` code).
_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))

# What YAML calls printable; anything else is refused in text, written raw or as an escape ("\a", "\uFFFF").
_NOT_PRINTABLE = re.compile(NON_PRINTABLE)  # PyYAML's own class, listed (see minutes.store.startup)


def not_allowed(code: int) -> str:
    """Return why the character ``code`` cannot be in a session file."""
    return f"character U+{code:04X} is not allowed (control or special character)"


class StrictLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader with YAML 1.2-like typing and no aliases; `_Builder` builds its mappings (no duplicate keys)."""

    yaml_implicit_resolvers: dict = {}

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "aliases and anchors are not allowed in session files", node.start_mark
            )
        if node.tag not in ALLOWED_TAGS:
            shown = "!!" + node.tag[len(_CORE) :] if node.tag.startswith(_CORE) else node.tag
            raise yaml.constructor.ConstructorError(
                None, None, f"tag {shown} is not allowed in session files", node.start_mark
            )
        return super().construct_object(node, deep=deep)

    def construct_scalar(self, node: yaml.Node) -> Any:
        value = super().construct_scalar(node)
        bad = _NOT_PRINTABLE.search(value) if isinstance(value, str) else None
        if bad is not None:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                not_allowed(ord(bad.group())),
                node.start_mark,
            )
        return value


def _resolver(tag: str, pattern: str, first: str) -> None:
    StrictLoader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))


# YAML 1.2 core schema: `No`, `on`, `12:30` and `2024-01-01` stay text.
_resolver("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN\0")
StrictLoader.yaml_implicit_resolvers.setdefault("", []).append(
    ("tag:yaml.org,2002:null", re.compile(r"^$"))
)
_resolver("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789")
_DECIMAL = re.compile(r"^[-+]?[0-9]+$")


def _construct_int(loader: StrictLoader, node: yaml.Node) -> int:
    """Digits are a decimal number, as in YAML 1.2: ``010`` is 10, not octal 8 as in YAML 1.1."""
    value = loader.construct_scalar(node)
    if _DECIMAL.match(value):
        return int(value, 10)
    return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)  # an explicit !!int 0x1F


StrictLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_resolver(
    "tag:yaml.org,2002:float",
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    "-+0123456789.",
)


def check_size(data: bytes | str, path: object) -> None:
    """Raise if the file is larger than a session file may be."""
    if len(data) > MAX_BYTES:
        raise too_large(path, MAX_BYTES)


def decode(raw: bytes, path: object) -> str:
    """Return the text of a UTF-8 file, or raise a located error."""
    check_size(raw, path)
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise MinutesError(located(path, 1, "file is UTF-32; save it as UTF-8"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise MinutesError(located(path, 1, "file is UTF-16; save it as UTF-8"))
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = _line_at(raw[:nul].decode("utf-8", "replace"), nul + 1)
        raise MinutesError(
            located(path, line, "file holds NUL bytes (UTF-16 without a byte-order mark, or not a text file?); save it as UTF-8")
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_at(raw[: exc.start].decode("utf-8", "replace"), exc.start + 1)
        raise MinutesError(
            located(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        ) from None
    text = text.removeprefix("\ufeff")
    if "\r" in text and "\n" not in text:  # classic Mac line endings: edit as LF, store.update writes CR back
        text = text.replace("\r", "\n")
    return text


def _line_at(text: str, index: int) -> int:
    """Return the 1-based line of ``index``; CRLF, CR and LF each end a line, as in YAML."""
    head = text[:index]
    return head.count("\n") + head.count("\r") - head.count("\r\n") + 1


# Errors whose real cause is where a construct starts, not where the parser gave up.
_UNCLOSED = {
    "while scanning a quoted scalar": "unclosed quote: the quoted text that starts here does not end",
    "while parsing a flow sequence": "unclosed [: the list that starts here does not end",
    "while parsing a flow mapping": "unclosed {: the mapping that starts here does not end",
}


def check_printable(value: Any, where: str) -> None:
    """Raise a one-line error naming ``where`` and the field if a text in ``value`` holds a character files may not."""
    for field, text in _texts(value):
        bad = _NOT_PRINTABLE.search(text)
        if bad is not None:
            raise MinutesError(f"{where}{' ' + field if field else ''}: {not_allowed(ord(bad.group()))}")


def _texts(value: Any, field: str = "") -> Iterator[tuple[str, str]]:
    """Yield each text inside ``value`` with where it is (``summary``, ``points.2``)."""
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _texts(key, field)
            yield from _texts(inner, f"{field}.{key}" if field else str(key))
    elif isinstance(value, (list, tuple)):
        for number, inner in enumerate(value, 1):
            yield from _texts(inner, f"{field}.{number}" if field else str(number))


def yaml_error(exc: yaml.YAMLError, path: object, text: str = "") -> MinutesError:
    """Turn a PyYAML error into a one-line located error."""
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml counts the position in bytes; the first occurrence of the character is the one it met.
        at = text.find(chr(exc.character)) if text and isinstance(exc.character, int) else -1
        line = _line_at(text, at) if at >= 0 else None
        return MinutesError(
            located(path, line, not_allowed(exc.character))
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and problem.startswith("but "):  # "expected a single document ..., but found another document"
        problem = f"{context}, {problem}"
    if mark is None:
        return MinutesError(located(path, None, problem))
    if text and text[mark.index : mark.index + 1] == "\t":
        problem = "tab character; indent with spaces"
    elif context in _UNCLOSED and context_mark is not None and context_mark.line != mark.line:
        problem = f"{_UNCLOSED[context]} ({problem} at line {mark.line + 1})"
        mark = context_mark
    return MinutesError(located(path, mark.line + 1, problem, mark.column + 1))


def load(text: str, path: object = "<string>") -> Any:
    """Return the data of one YAML document, loaded strictly (see ``load_with_node``)."""
    return load_with_node(text, path)[0]


def load_with_node(text: str, path: object = "<string>") -> tuple[Any, yaml.Node | None]:
    """Return the data of one YAML document, loaded strictly, and its node tree (marks into ``text``).

    libyaml parses and composes the node tree; `_Builder` turns it into Python data with the rules of
    StrictLoader (core tags only, no aliases, no duplicate keys, printable text), about twice as fast
    as PyYAML's generic constructor.
    """
    check_size(text, path)
    try:
        node = yaml.compose(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a safe loader
        if node is None:
            return None, None
        return _Builder(StrictLoader(""))(node), node
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, text) from None
    except UnicodeEncodeError as exc:  # lone surrogates: undecodable bytes from the command line
        raise not_unicode(exc, path, text) from None


_STR, _MAP, _SEQ = (_CORE + t for t in ("str", "map", "seq"))
MAX_DEPTH = 100  # a session is a few levels deep; this keeps Python's own stack safe


class _Builder:
    """Build Python data from a composed node tree under the rules of StrictLoader."""

    def __init__(self, loader: StrictLoader) -> None:
        self.loader = loader  # for the explicit !!int, !!float, !!bool and !!null scalars
        self.seen: set[int] = set()

    def __call__(self, node: yaml.Node, depth: int = 0) -> Any:
        if id(node) in self.seen:  # the composer gives an alias the very node of its anchor
            raise self.error("aliases and anchors are not allowed in session files", node)
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise self.error(f"nested more than {MAX_DEPTH} levels deep", node)
        tag = node.tag
        if tag not in ALLOWED_TAGS:
            shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
            raise self.error(f"tag {shown} is not allowed in session files", node)
        if tag == _MAP:
            if not isinstance(node, yaml.MappingNode):
                raise self.error("expected a mapping", node)
            mapping: dict = {}
            for key_node, value_node in node.value:
                key = self(key_node, depth + 1)
                if not isinstance(key, (str, int, bool)):
                    raise self.error("mapping keys must be plain text", key_node)
                if key in mapping:
                    raise self.error(f"duplicate key {key!r}", key_node)
                mapping[key] = self(value_node, depth + 1)
            return mapping
        if tag == _SEQ:
            if not isinstance(node, yaml.SequenceNode):
                raise self.error("expected a list", node)
            return [self(item, depth + 1) for item in node.value]
        if not isinstance(node, yaml.ScalarNode):
            raise self.error("expected a single value", node)
        bad = _NOT_PRINTABLE.search(node.value)
        if bad is not None:
            raise self.error(not_allowed(ord(bad.group())), node)
        if tag == _STR:
            return node.value
        try:
            return self.loader.construct_object(node)
        except (ValueError, KeyError, TypeError):  # `!!int abc`, `!!bool maybe`, 5,000 digits
            raise self.error(_not_a_value(tag, node.value), node) from None

    @staticmethod
    def error(problem: str, node: yaml.Node) -> yaml.constructor.ConstructorError:
        return yaml.constructor.ConstructorError(None, None, problem, node.start_mark)


def _not_a_value(tag: str, value: str) -> str:
    """Return why the scalar ``value`` tagged ``tag`` cannot be read as one."""
    name = tag[len(_CORE) :]
    digits, most = sum(c.isdigit() for c in value), sys.get_int_max_str_digits()
    if name == "int" and digits > most:  # Python's own limit on turning digits into an int
        return f"a number of {digits:,} digits is too long (at most {most:,})"
    shown = value if len(value) <= 40 else value[:40] + "..."
    return f"{shown!r} is not a valid !!{name}"


def compose(text: str, path: object = "<string>") -> yaml.Node | None:
    """Return the node tree of one YAML document, with marks into ``text``."""
    try:
        return yaml.compose(text, Loader=StrictLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, text) from None
    except UnicodeEncodeError as exc:
        raise not_unicode(exc, path, text) from None


def not_unicode(exc: UnicodeEncodeError, path: object = None, text: str = "") -> MinutesError:
    """Return the error for text holding a lone surrogate (undecodable bytes, kept by surrogateescape)."""
    bad = exc.object[exc.start] if isinstance(exc.object, str) else "?"
    message = f"the text holds U+{ord(bad):04X}, which is not valid Unicode (is the terminal set to UTF-8?)"
    if path is None:
        return MinutesError(message)
    at = text.find(bad) if text else -1
    return MinutesError(located(path, _line_at(text, at) if at >= 0 else None, message))


def dump(data: Any, *, flow: bool | None = False) -> str:
    """Return YAML text for ``data`` that any reader loads back unchanged."""
    try:
        return yaml.dump(
            data,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=flow,
            width=1_000_000,
        )
    except UnicodeEncodeError as exc:  # lone surrogates, e.g. from undecodable bytes on the command line
        raise not_unicode(exc) from None


def scalar(value: Any) -> str:
    """Return the YAML text of one scalar or small value, on one line where possible."""
    text = dump(value, flow=True).rstrip("\n")
    return text.removesuffix("\n...").removesuffix("...").rstrip()


try:
    from yaml import CSafeDumper as _DumperBase
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _DumperBase  # type: ignore[assignment]


class _Dumper(_DumperBase):  # type: ignore[misc,valid-type]
    """Safe dumper that writes multi-line text as literal blocks, and never anchors or aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _typed_by_us(value: str) -> bool:
    """Return whether our loader would read ``value``, written plain, as something other than text.

    The dumper quotes what YAML 1.1 would type (``No``, ``12:30``, ``2024-01-01``); this adds what
    our YAML 1.2-style loader types and 1.1 does not, such as ``1e3``, so every reader agrees.
    """
    resolvers = StrictLoader.yaml_implicit_resolvers.get(value[:1] if value else "", [])
    return any(regexp.match(value) for _, regexp in resolvers)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value and not value.endswith((" ", "\t")) else None
    if style is None and _typed_by_us(value):
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
