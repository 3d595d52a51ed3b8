"""Strict, safe YAML: load user files and emit snippets that other tools read back the same."""

from __future__ import annotations

import re
from typing import Any

import yaml

from minutes.errors import MinutesError, located

try:  # libyaml is much faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 64 * 1024 * 1024


class StrictLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader with YAML 1.2-like typing, no aliases and no duplicate keys."""

    yaml_implicit_resolvers: dict = {}

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "aliases and anchors are not allowed in session files", node.start_mark
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict:
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(None, None, "expected a mapping", node.start_mark)
        mapping: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    None, None, "merge keys (<<) are not allowed", key_node.start_mark
                )
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, bool)) or key is None:
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be plain text", key_node.start_mark
                )
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _resolver(tag: str, pattern: str, first: str) -> None:
    StrictLoader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))


# YAML 1.2 core schema: `No`, `on`, `12:30` and `2024-01-01` stay text.
_resolver("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN\0")
StrictLoader.yaml_implicit_resolvers.setdefault("", []).append(
    ("tag:yaml.org,2002:null", re.compile(r"^$"))
)
_resolver("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789")
_resolver(
    "tag:yaml.org,2002:float",
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    "-+0123456789.",
)


def check_size(data: bytes | str, path: object) -> None:
    """Raise if the file is larger than a session file may be."""
    if len(data) > MAX_BYTES:
        raise MinutesError(located(path, None, f"file is larger than {MAX_BYTES // 2**20} MB"))


def decode(raw: bytes, path: object) -> str:
    """Return the text of a UTF-8 file, or raise a located error."""
    check_size(raw, path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise MinutesError(located(path, 1, "file is UTF-16; save it as UTF-8"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise MinutesError(
            located(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        ) from None
    return text.removeprefix("\ufeff")


def yaml_error(exc: yaml.YAMLError, path: object, text: str = "") -> MinutesError:
    """Turn a PyYAML error into a one-line located error."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1 if text else None
        return MinutesError(
            located(path, line, f"character U+{exc.character:04X} is not allowed (control or special character)")
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return MinutesError(located(path, None, problem))
    if text and text[mark.index : mark.index + 1] == "\t":
        problem = "tab character; indent with spaces"
    return MinutesError(located(path, mark.line + 1, problem, mark.column + 1))


def load(text: str, path: object = "<string>") -> Any:
    """Return the data of one YAML document, loaded strictly."""
    check_size(text, path)
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a safe loader
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, text) from None


def compose(text: str, path: object = "<string>") -> yaml.Node | None:
    """Return the node tree of one YAML document, with marks into ``text``."""
    try:
        return yaml.compose(text, Loader=StrictLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        raise yaml_error(exc, path, text) from None


def dump(data: Any, *, flow: bool | None = False) -> str:
    """Return YAML text for ``data`` that any reader loads back unchanged."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=flow,
        width=1_000_000,
    )


def scalar(value: Any) -> str:
    """Return the YAML text of one scalar or small value, on one line where possible."""
    text = dump(value, flow=True).rstrip("\n")
    return text.removesuffix("\n...").removesuffix("...").rstrip()


try:
    from yaml import CSafeDumper as _DumperBase
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _DumperBase  # type: ignore[assignment]


class _Dumper(_DumperBase):  # type: ignore[misc,valid-type]
    """Safe dumper that writes multi-line text as literal blocks."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value and not value.endswith((" ", "\t")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
