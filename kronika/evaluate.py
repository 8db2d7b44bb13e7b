"""Score extracted claims against hand gold in the format of docs/gold.md.

A predicted claim is correct when it is in the same article, its span overlaps the gold cue and its
value matches (within 0.5 %; `value_max` too for ranges; interval overlap for vague amounts).
Precision counts every other predicted claim as wrong, except those on `optional` cues. Measure,
qualifier, source, source_id and modality accuracy are counted over the correct claims; `modality_marked`
is modality over those whose gold modality is not `asserted` (the figures that carry one).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronika.claim import Claim

VALUE_TOLERANCE = 0.005


@dataclass
class GoldCue:
    article: str
    start: int
    end: int
    record: dict[str, Any]

    @property
    def negative(self) -> bool:
        return self.record.get("expect") == "none"

    @property
    def optional(self) -> bool:
        return bool(self.record.get("optional"))


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    correct: int = 0
    found: int = 0
    attribute_hits: dict[str, int] = field(default_factory=dict)
    attribute_totals: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    articles_read: int = 0
    articles_wanted: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, attribute: str) -> float:
        total = self.attribute_totals.get(attribute, 0)
        return self.attribute_hits.get(attribute, 0) / total if total else 1.0

    def summary_lines(self) -> list[str]:
        accuracies = "  ".join(
            f"{name} {self.accuracy(name):.3f} ({self.attribute_totals.get(name, 0)})" for name in ATTRIBUTES
        )
        return [
            f"articles scored {self.articles_read} (of {self.articles_wanted} in the gold)",
            f"gold {self.gold}, predicted {self.predicted}, correct {self.correct}, gold found {self.found}",
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            f"accuracy: {accuracies}",
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "articles_read": self.articles_read, "articles_wanted": self.articles_wanted,
            "predicted": self.predicted, "gold": self.gold, "correct": self.correct, "found": self.found,
            **{f"{name}_accuracy": round(self.accuracy(name), 4) for name in ATTRIBUTES},
            **{f"{name}_scored": self.attribute_totals.get(name, 0) for name in ATTRIBUTES},
        }


ATTRIBUTES = ("measure", "qualifier", "source", "source_id", "modality", "modality_marked")


class EvaluationFailed(Exception):
    """No gold article could be read and extracted: there is nothing to score, and a perfect score would lie."""


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: malformed gold line: {error.msg}") from error
    return records


def _find_whole(text: str, cue: str, start: int) -> int:
    """The first occurrence of `cue` from `start` that cuts into no word or number (`9` is not in `19`,
    nor `tys.` in `tysiące`), else the first occurrence at all, else -1."""
    first = at = text.find(cue, start)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(cue)] if at + len(cue) < len(text) else " "
        if not (before.isalnum() and cue[:1].isalnum()) and not (after.isalnum() and cue[-1:].isalnum()):
            return at
        at = text.find(cue, at + 1)
    return first


def locate_cues(gold: Iterable[dict[str, Any]], texts: Mapping[str, str]) -> list[GoldCue]:
    """Find each cue in its article: inside `context` when given, else its first occurrence."""
    cues = []
    for record in gold:
        text = texts.get(record["article"])
        if text is None:
            continue
        anchor = 0
        if record.get("context"):
            anchor = text.find(record["context"])
            if anchor < 0:
                raise ValueError(f"gold context {record['context']!r} not found in {record['article']}")
        start = _find_whole(text, record["cue"], anchor)
        if start < 0:
            raise ValueError(f"gold cue {record['cue']!r} not found in {record['article']}")
        cues.append(GoldCue(record["article"], start, start + len(record["cue"]), record))
    return cues


def score(claims: Iterable[Claim], gold: Iterable[dict[str, Any]], texts: Mapping[str, str]) -> Score:
    """Score claims of the articles in `texts` (id -> text as read) against gold lines."""
    cues = locate_cues(gold, texts)
    by_article: dict[str, list[GoldCue]] = {}
    for cue in cues:
        by_article.setdefault(cue.article, []).append(cue)
    result = Score(gold=sum(1 for c in cues if not c.negative and not c.optional))
    matched: set[int] = set()
    for claim in claims:
        if claim.article not in texts:
            continue
        overlapping = [c for c in by_article.get(claim.article, []) if _overlaps(claim.span, (c.start, c.end))]
        if any(c.optional for c in overlapping):
            continue
        result.predicted += 1
        hit = next((c for c in overlapping if not c.negative and _value_matches(claim, c.record)), None)
        if hit is None:
            result.errors.append(f"wrong: {claim.article} {claim.mention!r} = {claim.value:g} ({claim.measure})")
            continue
        result.correct += 1
        if id(hit) not in matched:
            matched.add(id(hit))
            result.found += 1
        _score_attributes(result, claim, hit)
    for cue in cues:
        if not cue.negative and not cue.optional and id(cue) not in matched:
            result.errors.append(f"missed: {cue.article} {cue.record['cue']!r} = {cue.record.get('value')}")
    return result


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _close(predicted: float | None, expected: float | None) -> bool:
    if predicted is None or expected is None:
        return predicted is None and expected is None
    return abs(predicted - expected) <= VALUE_TOLERANCE * max(abs(expected), 1e-9)


def _value_matches(claim: Claim, record: dict[str, Any]) -> bool:
    if "vague_range" in record:
        low, high = record["vague_range"]
        top = claim.value_max if claim.value_max is not None else claim.value
        return claim.value <= high and top >= low
    if record.get("value_max") is not None:
        return _close(claim.value, record["value"]) and _close(claim.value_max, record["value_max"])
    return _close(claim.value, record["value"])


def _score_attributes(result: Score, claim: Claim, cue: GoldCue) -> None:
    record = cue.record
    checks: dict[str, bool] = {}
    if record.get("measure"):
        checks["measure"] = claim.measure in record["measure"]
    if record.get("qualifier"):
        checks["qualifier"] = claim.qualifier in record["qualifier"]
    accepted = record.get("source")
    if accepted is not None and not (record.get("source_optional") and claim.source is None):
        source = (claim.source or "").lower()
        checks["source"] = any(fragment.lower() in source for fragment in accepted)
    if "source_id" in record and not (record.get("source_optional") and claim.source is None):
        checks["source_id"] = _source_id_matches(claim.source_id, record["source_id"])
    if record.get("modality"):
        checks["modality"] = claim.modality == record["modality"]
        if record["modality"] != "asserted":
            checks["modality_marked"] = checks["modality"]
    for name, ok in checks.items():
        result.attribute_totals[name] = result.attribute_totals.get(name, 0) + 1
        result.attribute_hits[name] = result.attribute_hits.get(name, 0) + int(ok)
        if not ok:
            key = "modality" if name == "modality_marked" else name
            result.errors.append(
                f"{name}: {claim.article} {claim.mention!r} got {getattr(claim, key)!r}, gold {record.get(key)!r}"
            )


def _source_id_matches(predicted: str | None, accepted: list[str] | None) -> bool:
    """Gold lists acceptable names (full, short, English); each is resolved to its canonical id too."""
    if accepted is None or predicted is None:
        return accepted is None and predicted is None
    from kronika.assemble.canonical import canonical_id

    wanted = {name.casefold() for name in accepted}
    wanted |= {resolved.casefold() for name in accepted if (resolved := canonical_id(name)) is not None}
    return predicted.casefold() in wanted


def evaluate_paths(paths: Iterable[str | Path], gold_path: str | Path) -> Score:
    """Read the articles, extract their claims and score them against the gold file."""
    from kronika.article import Rejection
    from kronika.ingest import read_inputs
    from kronika.pipeline import extract_article

    gold = load_gold(gold_path)
    wanted = {record["article"] for record in gold}
    texts: dict[str, str] = {}
    claims: list[Claim] = []
    failures: list[str] = []
    for article in read_inputs(paths):
        if isinstance(article, Rejection):
            failures.append(f"rejected {article.input}: {article.reason}")
            continue
        if article.id not in wanted:
            continue
        try:
            claims.extend(extract_article(article))
        except Exception as error:  # noqa: BLE001 - one article's failure is reported, the rest are scored
            failures.append(f"extraction failed for {article.id}: {type(error).__name__}: {error}")
            continue
        texts[article.id] = article.text
    if not texts:
        raise EvaluationFailed("no gold article was read and extracted; nothing to score"
                               + "".join(f"\n  {line}" for line in failures[:20]))
    result = score(claims, gold, texts)
    result.articles_read, result.articles_wanted = len(texts), len(wanted)
    result.errors.extend(failures)
    result.errors.extend(f"not read: {name}" for name in sorted(wanted - texts.keys()))
    return result
