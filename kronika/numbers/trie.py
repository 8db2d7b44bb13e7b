"""Compile a word list into one regular expression shaped like a trie.

Python's `re` tries the branches of an alternation one by one; with a thousand numeral forms that is
slow. Factoring the common prefixes (`dw(?:a|ie|oje|...)`) lets the engine reject most positions after
one or two characters.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching exactly the given words, preferring the longest at each position."""
    root: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        # The word may stop here; the greedy `?` still tries the longer words first.
        return "(?:" + body + ")?"
    return body
