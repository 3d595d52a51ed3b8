"""The layers: each package imports only what its `__init__.py` says it may, no module imports in a cycle, none is over 400 lines."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "minutes"
PACKAGES = sorted(p.name for p in SRC.iterdir() if (p / "__init__.py").is_file())
BASE = {"minutes", "minutes.errors", "minutes.fastpaths"}  # the package's version, the domain errors and the fast-path switch, below every layer

# Back-references that the issue breaks one by one; each fixed one leaves this set (empty when done).
TODAY: set[tuple[str, str]] = set()
FORBIDDEN: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    """Return the dotted name of a source file."""
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in SRC.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """Return the minutes modules (or packages) that a module imports, at any depth of its code."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            if base == "minutes" or base.startswith("minutes."):
                for alias in node.names:
                    candidate = f"{base}.{alias.name}"
                    found.add(candidate if candidate in MODULES else base)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name == "minutes" or a.name.startswith("minutes."))
    found.discard(name)
    return found


def layer(name: str) -> str | None:
    """Return the package (layer) a module belongs to, or None for the base modules."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in PACKAGES else None


def allowed(package: str) -> set[str]:
    """Return the packages that a package's docstring says it may import (its "May import:" line)."""
    doc = ast.get_docstring(ast.parse((SRC / package / "__init__.py").read_text(encoding="utf-8"))) or ""
    match = re.search(r"May import:(.*?)(?:\n\n|\Z)", doc, re.S)
    assert match, f"minutes/{package}/__init__.py does not say which packages it may import"
    text = match.group(1)
    if "every other package" in text:
        return set(PACKAGES)
    return {m for m in re.findall(r"minutes\.(\w+)", text) if m in PACKAGES}


def test_every_package_says_its_job_in_one_line_and_what_it_may_import():
    for package in PACKAGES:
        doc = ast.get_docstring(ast.parse((SRC / package / "__init__.py").read_text(encoding="utf-8"))) or ""
        first = doc.splitlines()[0] if doc else ""
        assert first.endswith("."), f"minutes/{package}: the first line of its docstring says its job"
        allowed(package)


def crossings() -> set[tuple[str, str]]:
    """Return every (importer, imported) pair that crosses into a package the importer's layer may not import."""
    found = set()
    for name in MODULES:
        own = layer(name)
        if own is None:
            continue
        may = allowed(own) | {own}
        for target in imports_of(name):
            if target in BASE or (target.startswith("minutes.errors")):
                continue
            if layer(target) not in may or (name, target) in FORBIDDEN:
                found.add((name, target))
    return found


def test_imports_flow_one_way():
    assert crossings() == TODAY


def test_the_layer_rules_themselves_flow_one_way():
    graph = {p: allowed(p) - {p} for p in PACKAGES}
    seen: dict[str, int] = {}

    def visit(p: str, trail: tuple[str, ...]) -> None:
        assert p not in trail, f"the layers allow a cycle: {' -> '.join(trail + (p,))}"
        for q in graph[p]:
            visit(q, trail + (p,))

    for p in graph:
        visit(p, ())


def test_the_base_modules_import_no_layer():
    for name in MODULES:
        if layer(name) is None and name not in ("minutes", "minutes.__main__"):
            assert not {t for t in imports_of(name) if layer(t)}, name


def cycles() -> list[list[str]]:
    """Return the import cycles among modules (strongly connected groups of more than one module)."""
    graph = {n: {t for t in imports_of(n) if t in MODULES and MODULES[t].name != "__init__.py"} for n in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in graph:
        if v not in index:
            strong(v)
    return groups


KNOWN_CYCLES: list[list[str]] = []


def test_no_module_imports_itself_through_others():
    assert sorted(cycles()) == sorted(KNOWN_CYCLES)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_400_lines(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= 400 or name in LONG_TODAY, f"{MODULES[name]} has {lines} lines"


LONG_TODAY: set[str] = set()


def test_the_checker_sees_a_crossing_when_there_is_one():
    assert ("minutes.store.cache", "minutes.records.ops") not in crossings()
    assert layer("minutes.records.ops") not in allowed("store") | {"store"}
    assert "minutes.model.schema" in imports_of("minutes.store.loader")
