"""Keeps the real-news development set (tests/corpus/news_dev/) consistent with its hand gold.

The gold was written blind, before extraction ever ran on these articles; this test never runs extraction.
It checks that every cue (through its context) sits in its article at a token boundary, that the fields
take valid values, that digit cues agree with their values, that the articles are in own words (no run
of seven words shared with the seeds) and that the set keeps the size the task asks for.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kronika.claim import MEASURES, MODALITIES, QUALIFIERS
from tests.test_samples_gold import at_token_boundary, close, load_articles, load_gold, locate

NEWS_DEV = Path(__file__).resolve().parent / "corpus" / "news_dev"

KEYS = {
    "article", "cue", "context", "measure", "value", "value_max", "qualifier", "vague_range", "source",
    "source_optional", "source_id", "modality", "actor", "place", "subject", "reference_time", "optional",
    "expect", "note",
}
# TIMEX3 calendar values as the gold uses them: a year, a month or a day.
TIMEX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
DATE_LINE = re.compile(r"^ date (\d{4}-\d{2}-\d{2})\s")
# Only to cross-check a cue written as plain digits (`2,7 tys.`, `10–12 tys.`, `1 mld zł`) against its value;
# compound cues (`5 tys. 857`, `2 mln 340 tys.`) are checked by hand. The engine's multipliers live in
# kronika/lang/pl/.
_NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:,\d+)?"
_DIGIT_CUE = re.compile(
    rf"^(?P<low>{_NUMBER})(?:\s*(?:–|-|\sdo\s)\s*(?P<high>{_NUMBER}))?"
    r"(?:\s+(?P<mult>tys\.|tysi\w+|mln|milion\w*|million\w*|mld|miliard\w*))?(?:\s+[^\d\s]\S*)?$"
)
# Prefixes of the multiplier word, longest first (`miliard` before `mil`), with their factors.
_MULTIPLIER = (("miliard", 1e9), ("mld", 1e9), ("mil", 1e6), ("mln", 1e6), ("tys", 1e3))


def _number(text: str) -> float:
    return float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))


def digit_cue_values(cue: str) -> tuple[float, float | None] | None:
    """(low, high) written in a plain digit cue; None for words and compound numbers."""
    match = _DIGIT_CUE.match(cue)
    if not match:
        return None
    mult = match["mult"]
    multiplier = 1.0 if mult is None else next(f for prefix, f in _MULTIPLIER if mult.startswith(prefix))
    high = _number(match["high"]) * multiplier if match["high"] else None
    return _number(match["low"]) * multiplier, high


def check_line(gold: dict[str, Any]) -> None:
    assert set(gold) <= KEYS, f"unknown keys {set(gold) - KEYS}"
    assert isinstance(gold["cue"], str) and gold["cue"].strip() == gold["cue"] and gold["cue"]
    if "expect" in gold:
        assert gold["expect"] == "none" and "value" not in gold and "measure" not in gold
        return
    if gold.get("optional") and "value" not in gold:
        return
    assert gold["measure"] and set(gold["measure"]) <= set(MEASURES)
    assert gold["qualifier"] and set(gold["qualifier"]) <= set(QUALIFIERS)
    value = gold["value"]
    assert isinstance(value, int | float) and not isinstance(value, bool)
    if "range" in gold["qualifier"]:
        assert gold.get("value_max", -1) >= value, "a range needs value_max above value"
    if "vague" in gold["qualifier"]:
        low, high = gold["vague_range"]
        assert low <= value <= high
    assert gold["modality"] in MODALITIES
    source, source_id = gold["source"], gold["source_id"]
    if source is None:
        assert source_id is None, "no source phrase, so no canonical source"
    else:
        assert isinstance(source, list) and source
        assert all(isinstance(s, str) and s and s == s.lower() for s in source), "source stems are lowercase"
        assert isinstance(source_id, list) and source_id and all(isinstance(s, str) and s for s in source_id)
    for key in ("actor", "place", "subject"):
        assert key not in gold or (isinstance(gold[key], str) and gold[key])
    if "reference_time" in gold:
        assert TIMEX.match(gold["reference_time"]), gold["reference_time"]
    written = digit_cue_values(gold["cue"])
    if written is not None:
        assert close(written[0], value), f"{gold['cue']!r} reads {written[0]}, gold says {value}"
        if written[1] is not None:
            assert close(written[1], gold["value_max"])


def test_gold_lines_are_well_formed() -> None:
    for number, gold in enumerate(load_gold(NEWS_DEV), 1):
        try:
            check_line(gold)
        except AssertionError as error:
            raise AssertionError(f"news_dev/gold.jsonl line {number}: {error}") from error


def _standalone(text: str, cue: str) -> list[int]:
    """Offsets where the cue occurs as a whole token run, not inside a longer word or number."""
    starts = [m.start() for m in re.finditer(re.escape(cue), text)]
    return [start for start in starts if at_token_boundary(text, start, start + len(cue))]


def test_cues_are_found_in_their_articles() -> None:
    articles = load_articles(NEWS_DEV)
    spans: set[tuple[str, int]] = set()
    for number, gold in enumerate(load_gold(NEWS_DEV), 1):
        try:
            assert gold["article"] in articles, f"unknown article {gold['article']!r}"
            text = articles[gold["article"]]
            if "context" not in gold:
                assert len(_standalone(text, gold["cue"])) == 1, "the cue recurs: give a context"
            start = locate(text, gold)
            assert at_token_boundary(text, start, start + len(gold["cue"])), "cue cuts into a word"
            assert (gold["article"], start) not in spans, "two gold lines on one span"
            spans.add((gold["article"], start))
        except AssertionError as error:
            raise AssertionError(f"news_dev/gold.jsonl line {number}: {error}") from error
    assert {g["article"] for g in load_gold(NEWS_DEV)} == set(articles), "every article needs gold lines"


def test_articles_look_like_news_copy() -> None:
    articles = load_articles(NEWS_DEV)
    dated = 0
    for name, text in articles.items():
        words = len(text.split()) - (2 if DATE_LINE.match(text) else 0)
        assert 250 <= words <= 600, f"{name}: {words} words"
        if match := DATE_LINE.match(text):
            dt.date.fromisoformat(match[1])
            dated += 1
    assert 0 < dated < len(articles), "some articles carry a date line, some do not"


def test_set_keeps_its_size() -> None:
    """The floors of the task hold once the set is declared complete (the DONE marker)."""
    if not (NEWS_DEV / "DONE").exists():
        pytest.skip("the set is still being written: no DONE marker yet")
    golds = load_gold(NEWS_DEV)
    claims = [g for g in golds if "value" in g]
    assert len(load_articles(NEWS_DEV)) >= 26
    assert len(claims) >= 250
    assert sum(1 for g in claims if g["modality"] != "asserted") >= 40
    assert sum(1 for g in golds if g.get("expect") == "none") >= 26
    measures = Counter(m for g in claims for m in g["measure"])
    assert all(measures[m] > 0 for m in MEASURES), f"a measure is never used: {measures}"
    assert set(MODALITIES) == {g["modality"] for g in claims}


def _shingles(text: str, size: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def test_articles_are_written_in_own_words(shared_dir: Path) -> None:
    seeds: set[tuple[str, ...]] = set()
    for path in (shared_dir / "seeds").glob("*.txt"):
        seeds |= _shingles(path.read_text(encoding="utf-8"))
    copied = {name: sorted(_shingles(text) & seeds)[:3] for name, text in load_articles(NEWS_DEV).items()
              if _shingles(text) & seeds}
    assert not copied, f"word runs copied from the seeds: {copied}"
