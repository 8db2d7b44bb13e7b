"""Scoring time expressions against TIMEX3 gold the TempEval way.

Span F1 strict (same start and end) and relaxed (overlapping spans, each gold and each predicted
span matched at most once), and value accuracy over the relaxed matches whose gold carries a value
(SET expressions in the KPWr corpus carry none). Values compare case-insensitively: the corpus
writes `xxxx` where TIMEX3 writes `XXXX`.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


class Span(Protocol):
    """What scoring needs of a predicted mention (kronika.mentions.TimeMention has it)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    published: str | None
    text: str
    timexes: list[GoldTimex]


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    valued: int = 0  # relaxed matches whose gold has a value
    value_correct: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    # per gold type: [gold, relaxed matches]
    by_type: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        for name in ("gold", "predicted", "strict", "relaxed", "valued", "value_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)
        for type_, (gold, found) in other.by_type.items():
            totals = self.by_type.setdefault(type_, [0, 0])
            totals[0] += gold
            totals[1] += found

    @staticmethod
    def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        precision = hits / predicted if predicted else 0.0
        recall = hits / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        return self._prf(self.strict, self.predicted, self.gold)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._prf(self.relaxed, self.predicted, self.gold)

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.valued if self.valued else 0.0


def read_documents(path: Path) -> list[Document]:
    """Documents of a timex-kpwr JSON Lines file."""
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        timexes = [GoldTimex(t["start"], t["end"], t["text"], t["type"], t.get("value"))
                   for t in record["timexes"]]
        documents.append(Document(record["id"], record.get("dct"), record["text"], timexes))
    return documents


def _same_value(gold: str | None, predicted: str | None) -> bool:
    return (gold or "").upper() == (predicted or "").upper()


def score_document(gold: Sequence[GoldTimex], predicted: Sequence[Span], text: str = "") -> Counts:
    """Counts for one document; errors list the spans and values that did not match."""
    counts = Counts(gold=len(gold), predicted=len(predicted))
    exact = {(p.start, p.end) for p in predicted}
    counts.strict = sum((g.start, g.end) in exact for g in gold)
    used: set[int] = set()
    for g in gold:
        counts.by_type.setdefault(g.type, [0, 0])[0] += 1
        match = next((i for i, p in enumerate(predicted)
                      if i not in used and p.start < g.end and g.start < p.end), None)
        if match is None:
            counts.errors.append({"kind": "missed", "gold": g.text, "value": g.value,
                                  "context": text[max(0, g.start - 40):g.end + 30]})
            continue
        used.add(match)
        counts.relaxed += 1
        counts.by_type[g.type][1] += 1
        p = predicted[match]
        if (p.start, p.end) != (g.start, g.end):
            counts.errors.append({"kind": "span", "gold": g.text, "predicted": text[p.start:p.end]})
        if g.value is not None:
            counts.valued += 1
            if _same_value(g.value, p.value):
                counts.value_correct += 1
            else:
                counts.errors.append({"kind": "value", "gold": g.text, "value": g.value,
                                      "predicted_value": p.value,
                                      "context": text[max(0, g.start - 40):g.end + 30]})
    for i, p in enumerate(predicted):
        if i not in used:
            counts.errors.append({"kind": "spurious", "predicted": text[p.start:p.end], "value": p.value,
                                  "context": text[max(0, p.start - 40):p.end + 30]})
    return counts


def score(documents: Iterable[Document], find: Any) -> Counts:
    """Score `find(text, published)` (e.g. kronika.timex.find_times) over documents."""
    total = Counts()
    for document in documents:
        total.add(score_document(document.timexes, find(document.text, document.published), document.text))
    return total
