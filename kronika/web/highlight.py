"""Article text cut into pieces at claim spans, for highlighting each claim at its own span. One pass
over the spans in order: no search for digits, no rescan of the text."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

EVIDENCE_WINDOW = 160  # characters either side of a span when the stored sentence is not found verbatim


def pieces(text: str, spans: Iterable[tuple[int, int, Any]]) -> list[dict[str, Any]]:
    """`text` as consecutive pieces; a piece under a claim span carries that claim (`claims`: the
    records of every claim whose span starts inside it; a span overlapping the one before joins it)."""
    result: list[dict[str, Any]] = []
    at = 0
    for start, end, record in sorted(spans, key=lambda span: (span[0], -span[1])):
        start, end = max(start, 0), min(end, len(text))
        if start >= end:
            continue
        if result and result[-1]["claims"] and start < at:  # overlaps the previous highlight: one mark
            previous = result[-1]
            if end > at:
                previous["text"] += text[at:end]
                at = end
            previous["claims"].append(record)
            continue
        if start > at:
            result.append({"text": text[at:start], "claims": []})
        result.append({"text": text[start:end], "claims": [record]})
        at = end
    if at < len(text):
        result.append({"text": text[at:], "claims": []})
    return result


def evidence(text: str, sentence: str, start: int, end: int) -> dict[str, str]:
    """The claim's sentence split around the claim's own span (`before`, `span`, `after`). The stored
    sentence is looked for only near the span; when it is not there verbatim (cleaning split a glued
    word), the article text around the span stands in."""
    window_start = max(0, start - len(sentence))
    found = text.find(sentence, window_start, end + len(sentence)) if sentence else -1
    if found < 0 or not (found <= start and end <= found + len(sentence)):
        found, finish = max(0, start - EVIDENCE_WINDOW), min(len(text), end + EVIDENCE_WINDOW)
    else:
        finish = found + len(sentence)
    return {"before": text[found:start], "span": text[start:end], "after": text[end:finish]}
