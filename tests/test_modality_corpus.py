"""Examples as tests for the modality of a figure (tests/corpus/modality_pl.tsv): each rule of
kronika/assemble/modality.py is a class of constructions with positive examples, where it speaks, and
negative ones, look-alikes where it must not (`wydał` against `wyda`, `nie ma` of existence against
`nie ma mowy`, the figure before `zapowiedział, że` against the one after it)."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from kronika import extract
from kronika.claim import Claim

CORPUS = Path(__file__).resolve().parent / "corpus" / "modality_pl.tsv"
MODALITIES = {"asserted", "reported", "planned", "possible", "denied"}
ROWS = [line.split("\t") for line in CORPUS.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")]


def _claim_at(claims: list[Claim], text: str, figure: str) -> Claim | None:
    start = text.find(figure)
    end = start + len(figure)
    return next((c for c in claims if c.span[0] < end and start < c.span[1]), None)


def test_rows_are_well_formed() -> None:
    for row in ROWS:
        assert len(row) == 5, row
        _, kind, text, figure, modality = row
        assert kind in ("positive", "negative") and modality in MODALITIES, row
        assert text.count(figure) == 1, f"figure {figure!r} must occur once in {text!r}"


def test_every_rule_has_positives_and_negatives() -> None:
    kinds: dict[str, set[str]] = defaultdict(set)
    for rule, kind, *_ in ROWS:
        kinds[rule].add(kind)
    assert len(kinds) >= 10
    assert {rule for rule, seen in kinds.items() if seen != {"positive", "negative"}} == set()


def test_every_modality_is_exemplified() -> None:
    assert {row[4] for row in ROWS} == MODALITIES


@pytest.mark.parametrize("rule,kind,text,figure,modality", ROWS,
                         ids=[f"{r[0]}-{r[1]}-{i}" for i, r in enumerate(ROWS)])
def test_figure_has_its_modality(rule: str, kind: str, text: str, figure: str, modality: str) -> None:
    claim = _claim_at(extract(text, "2025-06-02"), text, figure)
    assert claim is not None, f"no claim at {figure!r}"
    assert claim.modality == modality, f"{rule} ({kind}): {figure!r} in {text!r}"
