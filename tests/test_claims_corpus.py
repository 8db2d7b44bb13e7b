"""Examples-as-tests for the claim layer (tests/corpus/claims_pl.jsonl, sentences written for this
project): every labelled number becomes a claim with its value, no negative gives one, and the
attributes stay above recorded floors that can only rise (tests/floors/claims_corpus.json)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika import extract
from tests.claims_corpus import FIELDS, claim_at, examples, score_fields

FLOORS = Path(__file__).parent / "floors" / "claims_corpus.json"
EXAMPLES = examples()
POSITIVES = [(e, c) for e in EXAMPLES for c in e["claims"]]
NEGATIVES = [e for e in EXAMPLES if not e["claims"]]
NOT_CUES = [(e, cue) for e in EXAMPLES for cue in e.get("not", [])]


@pytest.mark.parametrize("example,expected", POSITIVES, ids=[f"{e['id']}:{c['cue']}" for e, c in POSITIVES])
def test_number_becomes_a_claim_with_its_value(example: dict, expected: dict) -> None:
    claim = claim_at(extract(example["text"], example.get("published")), example["text"], expected["cue"])
    assert claim is not None, f"no claim at {expected['cue']!r}"
    assert claim.value == pytest.approx(expected["value"], rel=0.005)


@pytest.mark.parametrize("example", NEGATIVES, ids=[e["id"] for e in NEGATIVES])
def test_negative_gives_no_claim(example: dict) -> None:
    assert [c.mention for c in extract(example["text"], example.get("published"))] == []


@pytest.mark.parametrize("example,cue", NOT_CUES, ids=[f"{e['id']}:{cue}" for e, cue in NOT_CUES])
def test_marked_non_figure_gives_no_claim(example: dict, cue: str) -> None:
    assert claim_at(extract(example["text"], example.get("published")), example["text"], cue) is None


def test_corpus_size() -> None:
    assert len(POSITIVES) >= 300 and len(NEGATIVES) >= 100


def test_attribute_accuracy_stays_above_floors() -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))
    scores = score_fields()
    measured = {name: round(scores.accuracy(name), 3) for name in FIELDS}
    below = {name: (measured[name], floor) for name, floor in floors.items() if measured[name] < floor}
    assert not below, f"below floor (measured, floor): {below}; all measured: {measured}"
