"""Looking at the words around a number: the tokens before it on the same line, the token after it."""
from __future__ import annotations

import re

SPACE_CHARS = " \t\u00a0\u2009\u202f"  # no-break and thin spaces separate words (and thousands) too
SPACE = "[ \\t\\u00a0\\u2009\\u202f]"
_INLINE_SPACE = re.compile(SPACE + "*")
_NEXT_TOKEN = re.compile(SPACE + "*([^\\s,;:!?()\\[\\]\"„”“«»]+)")
_OPENING = "(„\"'«[“"


def skip_space(text: str, pos: int) -> int:
    """Position after the spaces (not line breaks) that start at `pos`."""
    match = _INLINE_SPACE.match(text, pos)
    return match.end() if match else pos


def next_token(text: str, pos: int) -> str:
    """The word (with a trailing period, if any) after `pos` on the same line, lower case, or ''."""
    match = _NEXT_TOKEN.match(text, pos)
    return match.group(1).lower() if match else ""


def previous_tokens(text: str, pos: int, count: int) -> list[tuple[int, int, str]]:
    """Up to `count` space-separated tokens before `pos` on the same line, nearest first.

    Each is (start, end, lower-case text) with opening quotes and brackets stripped, so that
    `(około 5` gives the token `około` at the position of its first letter.
    """
    tokens: list[tuple[int, int, str]] = []
    cursor = pos
    while len(tokens) < count:
        end = cursor
        while end > 0 and text[end - 1] in SPACE_CHARS:
            end -= 1
        if end == 0 or text[end - 1].isspace():
            break  # start of text or a line break: qualifiers do not reach across lines
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        cursor = start
        while start < end and text[start] in _OPENING:
            start += 1
        if start < end:
            tokens.append((start, end, text[start:end].lower()))
        if start != cursor:
            break  # an opening bracket or quote starts a new phrase
    return tokens


def at_line_start(text: str, pos: int) -> bool:
    """True when only spaces stand between the previous line break (or the text start) and `pos`."""
    index = pos
    while index > 0 and text[index - 1] in SPACE_CHARS:
        index -= 1
    return index == 0 or text[index - 1] in "\n\r"
