"""Examples-as-tests for the entity gazetteer: tests/corpus/entities_pl.tsv, one case per row."""
from __future__ import annotations

from pathlib import Path

import pytest

from kronika.entities import find_entities
from tests.entity_examples import overlapping

CORPUS = Path(__file__).parent / "corpus" / "entities_pl.tsv"


def _rows(polarity: str) -> list[list[str]]:
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("polarity\t") or not line.strip():
            continue
        cells = line.split("\t")
        if cells[0] == polarity:
            rows.append(cells[1:])
    return rows


POSITIVES = _rows("pos")
NEGATIVES = _rows("neg")


def test_corpus_is_large_enough() -> None:
    assert len(POSITIVES) >= 120
    assert len(NEGATIVES) >= 40


@pytest.mark.parametrize(("text", "span", "canonical", "kind", "form"), POSITIVES,
                         ids=[f"{r[1]}:{r[0][:30]}" for r in POSITIVES])
def test_positive(text: str, span: str, canonical: str, kind: str, form: str) -> None:
    start = text.index(span)
    found = [(m.start, m.end, m.canonical, m.kind, m.form) for m in find_entities(text)]
    assert (start, start + len(span), canonical, kind, form) in found, found


@pytest.mark.parametrize("cells", NEGATIVES, ids=[r[0][:40] for r in NEGATIVES])
def test_negative(cells: list[str]) -> None:
    text = cells[0]
    span = cells[1] if len(cells) > 1 else ""
    found = [(m.start, m.end, m.canonical) for m in find_entities(text)]
    assert overlapping(found, text, span) == []
