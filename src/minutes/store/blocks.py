"""Where each top-level block list of a session's text ends, read from its YAML node (for the cache and the text editor)."""

from __future__ import annotations

import re

import yaml

# What YAML reads as a line break besides LF and CRLF; offsets found by looking for "\n" miss these.
OTHER_BREAK = re.compile("[\x85\u2028\u2029]|\r(?!\n)")


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    """Return the index just past the newline that ends the line holding ``index``."""
    if index > 0 and text[index - 1] == "\n":
        return index
    nl = text.find("\n", index)
    return len(text) if nl < 0 else nl + 1


def _content_end(node: yaml.Node) -> int:
    """Return the index where the last character of ``node``'s own content ends."""
    if isinstance(node, yaml.ScalarNode) or node.flow_style or not node.value:
        return node.end_mark.index
    last = node.value[-1]
    return _content_end(last[1] if isinstance(last, tuple) else last)


def _dash_column(text: str, item: yaml.Node) -> int:
    start = _line_start(text, item.start_mark.index)
    dash = text.rfind("-", start, item.start_mark.index + 1)
    return (dash if dash >= 0 else item.start_mark.index) - start


def block_lists(text: str, root: yaml.Node | None) -> dict[str, tuple[int, int]]:
    """Return, for each non-empty top-level block list and each section's list of items (keyed by its path,
    ``proceedings.1.items``), its dash column and where a new item goes."""
    lists: dict[str, tuple[int, int]] = {}
    if not isinstance(root, yaml.MappingNode) or OTHER_BREAK.search(text):
        return lists
    for key_node, value in root.value:
        _block_list(text, key_node.value, value, lists)
        if key_node.value == "proceedings":
            _section_lists(text, key_node.value, value, lists)
    return lists


def _block_list(text: str, key: str, value: yaml.Node, lists: dict[str, tuple[int, int]]) -> None:
    """Record where an entry appended to the block list ``value`` (at ``key``) goes, if it is a non-empty block list."""
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        at = _line_end(text, _content_end(value.value[-1]))
        if at > 0 and text[at - 1] == "\n":
            lists[key] = (_dash_column(text, value.value[0]), at)


def _section_lists(text: str, key: str, seq: yaml.Node, lists: dict[str, tuple[int, int]]) -> None:
    """Record the block list of items of every section in the list ``seq`` (at ``key``), nested ones too."""
    if not isinstance(seq, yaml.SequenceNode):
        return
    for index, entry in enumerate(seq.value):
        if not isinstance(entry, yaml.MappingNode):
            continue
        fields = {k.value: v for k, v in entry.value if isinstance(k, yaml.ScalarNode)}
        kind, items = fields.get("kind"), fields.get("items")
        if isinstance(kind, yaml.ScalarNode) and kind.value == "section" and items is not None:
            _block_list(text, f"{key}.{index}.items", items, lists)
            _section_lists(text, f"{key}.{index}.items", items, lists)
