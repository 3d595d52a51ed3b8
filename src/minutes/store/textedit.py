"""Edit YAML as text, guided by node marks, so comments and layout elsewhere survive."""

from __future__ import annotations

import copy
import re
from typing import Any

import yaml

from minutes.store import yamlio
from minutes.store.blocks import OTHER_BREAK, _content_end, _dash_column, _line_end, _line_start, block_lists
from minutes.errors import MinutesError

# Where a new top-level key goes: before the first of these sections.
SECTIONS = ("people", "attendees", "proceedings", "press", "approval", "amendments")


def _root(text: str) -> yaml.MappingNode:
    node = yamlio.compose(text)
    if not isinstance(node, yaml.MappingNode):
        raise MinutesError("the session file is not a mapping of fields")
    return node


def _find(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    return next(((k, v) for k, v in mapping.value if k.value == key), None)


def _indent(snippet: str, spaces: int) -> str:
    pad = " " * spaces
    return "".join(pad + line if line.strip() else line for line in snippet.splitlines(keepends=True))


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _with_newlines(snippet: str, text: str) -> str:
    return snippet.replace("\n", "\r\n") if _newline(text) == "\r\n" else snippet


def _ensure_final_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + _newline(text)


def _list_at(text: str, where: str | tuple[str | int, ...]) -> tuple[yaml.MappingNode | None, str, tuple[yaml.Node, yaml.Node] | None]:
    """Return the mapping that holds the list ``where`` (None for the top level), its key, and its key and value nodes."""
    path = (where,) if isinstance(where, str) else tuple(where)
    node: yaml.Node = _root(text)
    for depth, key in enumerate(path[:-1]):
        if isinstance(key, int):
            if not isinstance(node, yaml.SequenceNode) or not 0 <= key < len(node.value):
                raise MinutesError(f"there is no entry {key + 1} in {'.'.join(map(str, path[:depth]))}")
            node = node.value[key]
            continue
        found = _find(node, key) if isinstance(node, yaml.MappingNode) else None
        if found is None:
            raise MinutesError(f"'{'.'.join(map(str, path[:depth + 1]))}' is missing")
        node = found[1]
    if not isinstance(node, yaml.MappingNode):
        raise MinutesError(f"'{'.'.join(map(str, path[:-1]))}' is not a group of fields; fix it with 'minutes edit'")
    key = str(path[-1])
    return (node if len(path) > 1 else None), key, _find(node, key)


def append(text: str, where: str | tuple[str | int, ...], item: Any) -> str:
    """Return ``text`` with ``item`` appended to the list ``where``: a top-level key, or a path to a list inside."""
    mapping, key, found = _list_at(text, where)
    snippet = yamlio.dump([item])
    if found is None:
        return insert_key(text, key, [item], mapping)
    key_node, seq = found
    if isinstance(seq, yaml.SequenceNode) and not seq.flow_style and seq.value:
        column = _dash_column(text, seq.value[0])
        at = _line_end(text, _content_end(seq.value[-1]))
        body = text[:at] if text[:at].endswith("\n") or at == 0 else text[:at] + _newline(text)
        return body + _with_newlines(_indent(snippet, column), text) + text[at:]
    if isinstance(seq, yaml.SequenceNode) or _is_null(seq):
        items = (yamlio.load(text[seq.start_mark.index : seq.end_mark.index]) or []) if not _is_null(seq) else []
        return _replace_value(text, key_node, seq, items + [item], block=True)
    raise MinutesError(f"'{key}' is not a list; fix it by hand or with 'minutes edit'")


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _replace_value(text: str, key_node: yaml.Node, value: yaml.Node, new: Any, *, block: bool = False) -> str:
    """Return ``text`` with the value of ``key_node`` replaced by ``new``."""
    column = key_node.start_mark.column
    if isinstance(value, yaml.ScalarNode) and not _is_null(value) and value.style not in ("|", ">") and not block:
        return text[: value.start_mark.index] + _scalar_at(new, column, text) + text[value.end_mark.index :]
    colon = text.find(":", key_node.end_mark.index)
    end = max(_content_end(value), colon + 1)
    if isinstance(value, yaml.ScalarNode) and value.style in ("|", ">"):
        end = _block_end(text, value)
    if not (isinstance(value, yaml.ScalarNode) and value.start_mark.line == key_node.start_mark.line):
        nl = text.find("\n", end)
        end = len(text) if nl < 0 else nl
        if end > colon + 1 and text[end - 1] == "\r":
            end -= 1
    if block and isinstance(new, (list, dict)) and new:
        column = key_node.start_mark.column + (0 if isinstance(new, list) else 2)
        lines = _indent(yamlio.dump(new), column).rstrip("\n")
        return text[: colon + 1] + _with_newlines("\n" + lines, text) + text[end:]
    return text[: colon + 1] + " " + _scalar_at(new, column, text) + text[end:]


def _block_end(text: str, node: yaml.ScalarNode) -> int:
    """Return where the last line of a literal or folded block's own text ends (before its newline)."""
    end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in "\r\n":
        end -= 1
    return end


def _scalar_at(value: Any, column: int, text: str) -> str:
    """Return the YAML of ``value`` for a key at ``column``: a multi-line literal block indented below the key."""
    written = yamlio.scalar(value)
    if "\n" not in written:
        return written
    first, _, rest = written.partition("\n")
    return _with_newlines(first + "\n" + _indent(rest, column), text)


def _replace_entry(text: str, node: yaml.Node, value: Any, where: str) -> str:
    """Return ``text`` with one list entry (a text, or a map of translations) replaced by ``value``."""
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">") or getattr(node, "flow_style", False):
        raise MinutesError(f"'{where}' is written in a style that cannot be changed in place; use 'minutes edit'")
    if isinstance(node, yaml.SequenceNode):
        raise MinutesError(f"'{where}' is a list; set one of its entries")
    end = node.end_mark.index if isinstance(node, yaml.ScalarNode) else _content_end(node)
    column = node.start_mark.column
    body = _indent(yamlio.dump(value), column).rstrip("\n")[column:] if isinstance(value, dict) and value else _scalar_at(value, column, text)
    return text[: node.start_mark.index] + _with_newlines(body, text) + text[end:]


def _build(path: list[str | int], value: Any) -> Any:
    for key in reversed(path):
        value = {key: value}
    return value


def insert_key(text: str, key: str, value: Any, mapping: yaml.MappingNode | None = None) -> str:
    """Return ``text`` with ``key: value`` added to ``mapping`` (default: the top level)."""
    text = _ensure_final_newline(text)
    root = mapping if mapping is not None else _root(text)
    snippet = yamlio.dump({key: value})
    if root.flow_style:
        data = yamlio.load(text[root.start_mark.index : root.end_mark.index]) or {}
        data[key] = value
        return text[: root.start_mark.index] + yamlio.scalar(data) + text[root.end_mark.index :]
    column = root.value[0][0].start_mark.column if root.value else 0
    at = None
    if mapping is None:
        section = next((k for k, _ in root.value if k.value in SECTIONS), None)
        if section is not None and key not in SECTIONS:
            at = _above_comments(text, _line_start(text, section.start_mark.index))
    if at is None:
        at = _line_end(text, _content_end(root.value[-1][1])) if root.value else len(text)
    return text[:at] + _with_newlines(_indent(snippet, column), text) + text[at:]


def _above_comments(text: str, at: int) -> int:
    """Return the start of the comment lines directly above the line at ``at``."""
    while at > 0:
        prev = _line_start(text, at - 1)
        line = text[prev:at].strip()
        if not line.startswith("#"):
            break
        at = prev
    return at


def _own_comments(text: str, at: int, column: int) -> int:
    """Return where the comments of the list item whose line starts at ``at`` begin.

    A comment line no deeper than the item's dash (``column``) belongs to the item below it, across
    blank lines; a deeper one is inside the item above. Blank lines above the first comment stay above.
    """
    start = at
    while at > 0:
        prev = _line_start(text, at - 1)
        line = text[prev:at]
        stripped = line.lstrip(" ")
        if stripped.startswith("#") and len(line) - len(stripped) <= column:
            start = prev
        elif stripped.strip():
            break
        at = prev
    return start


def set_value(text: str, path: list[str | int], value: Any) -> str:
    """Return ``text`` with the field at ``path`` set to ``value``, creating parents as needed.

    Integers in ``path`` index into lists, e.g. ``["proceedings", 3, "status"]``.
    """
    node = _root(text)
    for depth, key in enumerate(path):
        if isinstance(key, int):
            if not isinstance(node, yaml.SequenceNode) or not 0 <= key < len(node.value):
                raise MinutesError(f"there is no item {key + 1} in {'.'.join(map(str, path[:depth]))}")
            node = node.value[key]
            if depth == len(path) - 1:
                return _replace_entry(text, node, value, ".".join(map(str, path)))
            continue
        if not isinstance(node, yaml.MappingNode):
            raise MinutesError(f"'{'.'.join(map(str, path[:depth]))}' is not a group of fields")
        found = _find(node, key)
        if found is None:
            return insert_key(text, key, _build(path[depth + 1 :], value), None if depth == 0 else node)
        key_node, child = found
        if depth == len(path) - 1:
            return _replace_value(text, key_node, child, value, block=isinstance(value, (dict, list)))
        if isinstance(child, (yaml.MappingNode, yaml.SequenceNode)):
            node = child
            continue
        if _is_null(child):
            return _replace_value(text, key_node, child, _build(path[depth + 1 :], value))
        raise MinutesError(f"'{'.'.join(map(str, path[: depth + 1]))}' is not a group of fields")
    raise MinutesError("nothing to set")


def remove(text: str, where: str | tuple[str | int, ...], index: int) -> str:
    """Return ``text`` without entry ``index`` (0-based) of the list ``where`` (a top-level key or a path)."""
    _, key, found = _list_at(text, where)
    if found is None or not isinstance(found[1], yaml.SequenceNode) or index >= len(found[1].value):
        raise MinutesError(f"there is no item {index + 1} in {key}")
    seq = found[1]
    if seq.flow_style:
        items = yamlio.load(text[seq.start_mark.index : seq.end_mark.index])
        del items[index]
        return text[: seq.start_mark.index] + yamlio.scalar(items) + text[seq.end_mark.index :]
    item = seq.value[index]
    column = _dash_column(text, seq.value[0])
    start = _own_comments(text, _line_start(text, item.start_mark.index), column)
    if index + 1 < len(seq.value):
        end = _own_comments(text, _line_start(text, seq.value[index + 1].start_mark.index), column)
    else:
        end = _line_end(text, _content_end(item))
    if len(seq.value) == 1:
        return _replace_value(text, found[0], seq, [])
    return text[:start] + text[end:]


def _list_end(text: str, column: int, at: int) -> bool:
    """Return whether ``at`` is where a list whose dashes stand at ``column`` ends: a line start after
    which no line continues the list (a deeper line, or another dash at that column)."""
    if not 0 < at <= len(text) or text[at - 1] != "\n":
        return False
    for line in text[at:].splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        return indent < column or (indent == column and not stripped.startswith("-"))
    return True


def _data_at(data: Any, path: tuple[str | int, ...]) -> list | None:
    """Return the list at ``path`` in ``data``, if it is there and is a list."""
    for key in path:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and 0 <= key < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, list) else None


class Draft:
    """A session's text being changed, with its data kept in step while that is cheap.

    ``data`` and ``lists`` come from a full parse of ``text`` (or the cache of one). Appending to a
    known block list then inserts the item's text at the recorded offset, checks that the inserted
    text reads back as exactly the item, and appends it to ``data`` too, so a large file is not
    parsed again. Any other change drops ``data``: the caller then parses the new text in full.
    """

    def __init__(
        self, text: str, data: dict | None = None, lists: dict[str, tuple[int, int]] | None = None, name: str = "<string>"
    ) -> None:
        self.name = name  # the file's, for errors in what is being added
        self.text = text
        self.data = data
        self.lists = dict(lists or {})
        # (list, entry) for each append; None once the text changed in any other way
        self.appended: list[tuple[str, Any]] | None = []

    def _slow(self, text: str) -> None:
        self.text, self.data, self.lists, self.appended = text, None, {}, None

    def append(self, key: str | tuple[str | int, ...], item: dict) -> None:
        """Append ``item`` to the list ``key``: a top-level key, or the path of a list inside (a section's items)."""
        path = (key,) if isinstance(key, str) else tuple(key)
        key = str(path[0]) if len(path) == 1 else path
        yamlio.check_printable(item, f"{self.name}: the new {path[0]} entry's")
        odd = OTHER_BREAK.search(self.text)
        if odd is not None:
            return self._checked_append(key, path, item, odd)
        target = _data_at(self.data, path) if self.data is not None else None
        known = self.lists.get(".".join(map(str, path))) if target is not None else None
        if known is None or not _list_end(self.text, *known):
            return self._slow(append(self.text, key, item))
        self._insert(key, target, item, *known)

    def _insert(self, key: str | tuple[str | int, ...], target: list, item: dict, column: int, at: int) -> None:
        """Insert ``item`` as text at ``at``, its dash at ``column``, and append it to ``target``, the list in the data."""
        snippet = _with_newlines(_indent(yamlio.dump([item]), column), self.text)
        (loaded,) = yamlio.load(snippet) or [None]
        if loaded != yamlio.load(yamlio.dump(item)):
            raise MinutesError(f"internal error: the new {key} item does not read back as written")
        self.text = self.text[:at] + snippet + self.text[at:]
        target.append(loaded)
        if self.appended is not None:
            self.appended.append((key, loaded))
        # A list ending after the insertion moves; of those ending right at it, only this list and the ones
        # holding it grow (a section's list that ends where the next top-level entry goes stays where it is).
        name = key if isinstance(key, str) else ".".join(map(str, key))

        def moved(k: str, o: int) -> bool:
            return o > at or o == at and (k == name or name.startswith(k + "."))

        self.lists = {k: (c, o + len(snippet) if moved(k, o) else o) for k, (c, o) in self.lists.items()}

    def _checked_append(self, key: str | tuple[str | int, ...], path: tuple[str | int, ...], item: dict,
                        odd: re.Match) -> None:
        """Append as text to a file with line breaks other than LF (see OTHER_BREAK), then parse the result
        and refuse it unless it reads as the old data with ``item`` appended to the list at ``path``."""
        before = self.data if self.data is not None else yamlio.load(self.text, self.name)
        text = append(self.text, key, item)  # refuses a path that is not there
        expected = copy.deepcopy(before) if len(path) > 1 else dict(before)
        holder = expected
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = [*(holder.get(path[-1]) or []), yamlio.load(yamlio.dump(item))]
        try:
            data, node = yamlio.load_with_node(text, self.name)
        except MinutesError:
            data = node = None
        if data != expected:
            line = self.text.count("\n", 0, odd.start()) + 1
            raise MinutesError(
                f"{self.name}:{line}: the file holds U+{ord(odd.group()):04X}, a line break to YAML but not to "
                "most editors, so minutes cannot add to it safely; replace it with a plain line break and try again"
            )
        self._slow(text)
        self.data, self.lists = data, block_lists(text, node)

    def set(self, path: list[str | int], value: Any) -> None:
        """Set the field at ``path`` (see ``set_value``)."""
        from minutes.model.address import shown

        yamlio.check_printable(value, f"{self.name}: the new value of {shown(path)}")
        self._slow(set_value(self.text, path, value))

    def remove(self, key: str | tuple[str | int, ...], index: int) -> None:
        """Remove entry ``index`` of the list ``key`` (a top-level key or a path)."""
        self._slow(remove(self.text, key, index))

    def replace(self, text: str) -> None:
        """Replace the whole text (an edit made by hand)."""
        self._slow(text)
