"""A regex alternation of many literal phrases built as a trie, so matching stays linear."""

from __future__ import annotations

import re


def _build(words: list[str]) -> dict:
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return root


def _emit(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if end else body


def trie_regex(words: list[str]) -> str:
    """A pattern matching exactly the given phrases (longest first at each branch point)."""
    words = [w for w in words if w]
    if not words:
        return "(?!)"
    return _emit(_build(words))
