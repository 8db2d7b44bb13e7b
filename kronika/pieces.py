"""Cut a long text into pieces at line breaks, so that a layer that tokenises its input whole (the
gazetteer, the time layer) holds one piece's tokens at a time: memory stays a small multiple of the
article however long it is, and the pieces' results, shifted by their offsets, are the whole's.

A line break ends every sentence, entity and time expression the layers find, so cutting there
changes nothing. A line longer than the piece (a file with no line breaks) is cut after a sentence
end followed by a space (`. `, `? `, `! `), or failing that at a space, or failing that anywhere.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

PIECE = 1 << 16  # characters; an ordinary article is one piece
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s")


def pieces(text: str, size: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) pieces covering `text` in order, each at most `size` (default PIECE) characters,
    cut where nothing the layers find can span."""
    size = size or PIECE
    start, length = 0, len(text)
    while length - start > size:
        end = _cut(text, start, start + size)
        yield start, end
        start = end
    if start < length or not text:
        yield start, length


def _cut(text: str, start: int, limit: int) -> int:
    line = text.rfind("\n", start, limit)
    if line > start:
        return line + 1
    last_end = 0
    for found in _SENTENCE_END.finditer(text, limit - (limit - start) // 2, limit):  # in the piece's second half
        last_end = found.end()
    if last_end:
        return last_end
    space = max(text.rfind(" ", start, limit), text.rfind("\t", start, limit))
    return space + 1 if space > start else limit
