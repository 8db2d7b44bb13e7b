"""Shared by the gazetteer's examples-as-tests: which found mentions a negative example forbids."""
from __future__ import annotations

from typing import Any


def overlapping(found: list[tuple[Any, ...]], text: str, span: str) -> list[tuple[Any, ...]]:
    """The mentions (start, end, ...) that overlap `span` of `text`; with no span, every mention (the
    sentence must name none)."""
    if not span:
        return found
    start = text.index(span)
    end = start + len(span)
    return [f for f in found if f[0] < end and start < f[1]]
