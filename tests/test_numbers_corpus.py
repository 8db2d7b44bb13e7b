"""Examples as tests, Duckling style: every positive must be found with its exact span, value,
qualifier and unit, and nothing else in its sentence; every negative must give no number (at all, or
at its marked span). Corpora: tests/corpus/numbers_pl.tsv and numbers_pl_negative.tsv."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from kronika.mentions import NumberMention
from kronika.numbers import find_numbers

CORPUS = Path(__file__).resolve().parent / "corpus"


def _rows(name: str) -> list[list[str]]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


POSITIVES = _rows("numbers_pl.tsv")
NEGATIVES = _rows("numbers_pl_negative.tsv")


def _number(text: str) -> float | None:
    return float(text) if text else None


def _close(found: float | None, expected: float | None) -> bool:
    if found is None or expected is None:
        return found is expected
    return found == pytest.approx(expected, rel=1e-6, abs=1e-6)


def _describe(mentions: list[NumberMention]) -> list[tuple]:
    return [(m.text, m.value, m.value_max, m.qualifier, m.unit) for m in mentions]


def test_corpus_is_large_enough() -> None:
    assert len(POSITIVES) >= 200
    assert len(NEGATIVES) >= 80


@pytest.mark.parametrize("row", POSITIVES, ids=[f"{row[1]}|{row[0][:40]}" for row in POSITIVES])
def test_positive(row: list[str]) -> None:
    text, span, value, value_max, qualifier, unit, cue = (row + [""] * 7)[:7]
    assert text.count(span) == 1, "the span must occur once in its sentence"
    start = text.index(span)
    mentions = find_numbers(text)
    at_span = [m for m in mentions if (m.start, m.end) == (start, start + len(span))]
    assert at_span, f"{span!r} not found with its full span; got {_describe(mentions)}"
    mention = at_span[0]
    assert mention.text == span
    assert _close(mention.value, _number(value))
    assert _close(mention.value_max, _number(value_max))
    assert mention.qualifier == qualifier
    assert mention.unit == (unit or None)
    found_cue = text[slice(*mention.qualifier_span)] if mention.qualifier_span else ""
    assert found_cue == cue


def _sentences() -> dict[str, set[str]]:
    spans: dict[str, set[str]] = defaultdict(set)
    for row in POSITIVES:
        spans[row[0]].add(row[1])
    return spans


@pytest.mark.parametrize("text,spans", sorted(_sentences().items()), ids=lambda value: str(value)[:40])
def test_positive_sentence_has_nothing_else(text: str, spans: set[str]) -> None:
    assert {m.text for m in find_numbers(text)} == spans


@pytest.mark.parametrize("row", NEGATIVES, ids=[f"{row[1]}|{row[0][:40]}" for row in NEGATIVES])
def test_negative(row: list[str]) -> None:
    text, marked = row[0], row[1]
    mentions = find_numbers(text)
    if not marked:
        assert mentions == [], _describe(mentions)
        return
    assert text.count(marked) >= 1
    start = text.index(marked)
    end = start + len(marked)
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    assert overlapping == [], _describe(overlapping)
