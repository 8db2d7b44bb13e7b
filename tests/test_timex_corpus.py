"""Examples-as-tests for the time layer: tests/corpus/time_pl.tsv, each row a whole expectation.

A positive row lists every mention the text must yield, with its exact span, type, value and any
attributes named; a negative row (`-`) must yield nothing at all.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kronika.timex import find_times

CORPUS = Path(__file__).parent / "corpus" / "time_pl.tsv"


def _rows() -> list[tuple[str | None, str, str]]:
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        published, text, expected = line.split("\t")
        rows.append((None if published == "-" else published, text, expected))
    return rows


def _expected(field: str) -> list[tuple[str, str, str | None, dict[str, str]]]:
    if field == "-":
        return []
    mentions = []
    for item in field.split(" ;; "):
        parts = item.split("|")
        text, type_, value = parts[0], parts[1], parts[2] or None
        attrs = dict(pair.split("=", 1) for pair in parts[3].split(",")) if len(parts) > 3 else {}
        mentions.append((text, type_, value, attrs))
    return mentions


@pytest.mark.parametrize(("published", "text", "expected"), _rows(), ids=[row[1][:40] for row in _rows()])
def test_example(published: str | None, text: str, expected: str) -> None:
    found = find_times(text, published)
    want = _expected(expected)
    got = [(m.text, m.type, m.value) for m in found]
    assert got == [(t, ty, v) for t, ty, v, _ in want]
    for mention, (_t, _ty, _v, attrs) in zip(found, want, strict=True):
        assert text[mention.start : mention.end] == mention.text
        for key, value in attrs.items():
            assert mention.attrs.get(key) == value, (mention.text, key, mention.attrs)
