"""Scoring of time expressions: strict and relaxed span matches, value accuracy."""
from __future__ import annotations

from kronika.mentions import TimeMention
from kronika.timex.score import GoldTimex, score_document


def _gold(start: int, end: int, value: str | None) -> GoldTimex:
    return GoldTimex(start, end, "", "DATE", value)


def _found(start: int, end: int, value: str | None) -> TimeMention:
    return TimeMention(start, end, "", "DATE", value)


def test_strict_relaxed_and_values() -> None:
    gold = [_gold(0, 10, "2024"), _gold(20, 30, "xxxx-01"), _gold(40, 45, None)]
    found = [_found(0, 10, "2024"), _found(22, 30, "XXXX-01"), _found(50, 55, "2025")]
    counts = score_document(gold, found)
    assert (counts.gold, counts.predicted, counts.strict, counts.relaxed) == (3, 3, 1, 2)
    assert counts.valued == 2 and counts.value_correct == 2  # x and X are the same unknown digit
    assert counts.strict_prf == (1 / 3, 1 / 3, 1 / 3)


def test_each_span_matches_once() -> None:
    counts = score_document([_gold(0, 10, "2024"), _gold(5, 8, "2024")], [_found(0, 10, "2024")])
    assert counts.relaxed == 1
    assert [e["kind"] for e in counts.errors] == ["missed"]
