"""Read tests/corpus/claims_pl*.jsonl (one file per layer or theme) and score the claim layer on it, field by field."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronika import extract
from kronika.claim import Claim

CORPUS_FILES = sorted((Path(__file__).parent / "corpus").glob("claims_pl*.jsonl"))
FIELDS = ("value_max", "qualifier", "unit", "measure", "subject", "actor", "place", "source", "modality")


def examples() -> list[dict[str, Any]]:
    return [json.loads(line) for corpus in CORPUS_FILES for line in corpus.read_text("utf-8").splitlines()
            if line.strip()]


def claim_at(claims: list[Claim], text: str, cue: str) -> Claim | None:
    start = text.find(cue)
    assert start >= 0, f"cue {cue!r} not in its example"
    end = start + len(cue)
    return next((c for c in claims if c.span[0] < end and start < c.span[1]), None)


def field_matches(name: str, expected: Any, got: Any) -> bool:
    if name == "source":
        return expected is None and got is None or (expected is not None and got is not None
                                                    and expected.lower() in got.lower())
    if name == "value_max":
        return expected is None and got is None or (expected is not None and got is not None
                                                    and abs(got - expected) <= 0.005 * abs(expected))
    return bool(expected == got)


@dataclass
class FieldScores:
    hits: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)

    def accuracy(self, name: str) -> float:
        return self.hits[name] / self.totals[name] if self.totals[name] else 1.0


def score_fields() -> FieldScores:
    scores = FieldScores()
    for example in examples():
        claims = extract(example["text"], example.get("published"))
        for expected in example["claims"]:
            claim = claim_at(claims, example["text"], expected["cue"])
            if claim is None:
                continue
            for name in FIELDS:
                if name in expected:
                    scores.totals[name] += 1
                    scores.hits[name] += field_matches(name, expected[name], getattr(claim, name))
    return scores
