"""Keeps the hand-written language material consistent with itself.

Checks the sample articles (kronika/samples/), the held-out dev articles (tests/corpus/dev_articles/) and
the claim corpus (tests/corpus/claims_pl.jsonl): every gold cue is found in its article by `str.find`
(through its context when given), ids match files, field values are valid and the written number agrees
with the recorded value. Scoring extraction against this gold is not done here.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kronika.claim import MEASURES, MODALITIES, QUALIFIERS
from tests.claims_corpus import examples

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "kronika" / "samples"
DEV = REPO / "tests" / "corpus" / "dev_articles"

DATE_PREFIX = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")
GOLD_KEYS = {
    "article", "cue", "context", "measure", "value", "value_max", "qualifier", "vague_range", "source",
    "source_optional", "modality", "actor", "place", "optional", "expect", "note",
}
CLAIM_KEYS = {
    "cue", "value", "value_max", "qualifier", "unit", "measure", "subject", "actor", "place", "source",
    "modality",
}
UNITS = {"persons", "items", "percent", "PLN", "USD", "EUR"}

# Only to cross-check that a cue written in digits agrees with its recorded value; the extraction's own
# multiplier table lives in kronika/lang/pl/.
_NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:,\d+)?"
_DIGIT_CUE = re.compile(
    rf"^(?P<low>{_NUMBER})(?:\s*(?:–|-|\sdo\s|\sa\s)\s*(?P<high>{_NUMBER}))?"
    r"(?:\s+(?P<mult>tys\.|mln|mld))?(?:\s+\S+)?$"
)
_MULTIPLIER = {None: 1.0, "tys.": 1e3, "mln": 1e6, "mld": 1e9}


def _number(text: str) -> float:
    return float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))


def digit_cue_values(cue: str) -> tuple[float, float | None] | None:
    """(low, high) written in a digit cue such as `2,7 tys.`, `10–12 tys.` or `1 mld zł`; None for words."""
    match = _DIGIT_CUE.match(cue)
    if not match:
        return None
    multiplier = _MULTIPLIER[match["mult"]]
    high = _number(match["high"]) * multiplier if match["high"] else None
    return _number(match["low"]) * multiplier, high


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def at_token_boundary(text: str, start: int, end: int) -> bool:
    """The cue is not a piece of a longer word or number (`7` inside `17` or `3,7`)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or (before in ",." and start > 1 and text[start - 2].isdigit()):
        return False
    return not (after.isalnum() and text[end - 1].isalnum())


def load_articles(folder: Path) -> dict[str, str]:
    """Article id -> text as the ingest reads it: .txt as is, .html via trafilatura, .jsonl by record."""
    articles: dict[str, str] = {}

    def add(article_id: str, text: str) -> None:
        assert article_id not in articles, f"duplicate article id {article_id}"
        articles[article_id] = text

    for path in sorted(folder.glob("*.txt")):
        add(path.stem, path.read_text(encoding="utf-8"))
    for path in sorted(folder.glob("*.html")):
        import trafilatura

        extracted = trafilatura.extract(path.read_text(encoding="utf-8"))
        assert extracted, f"{path.name}: trafilatura found no main text"
        add(path.stem, extracted)
    for path in sorted(folder.glob("*.jsonl")):
        if path.name == "gold.jsonl":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            add(record["id"], record["text"])
    return articles


def load_gold(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


def locate(text: str, gold: dict[str, Any]) -> int:
    cue = gold["cue"]
    if "context" in gold:
        assert text.count(gold["context"]) == 1, f"context {gold['context']!r} must occur exactly once"
        offset = gold["context"].find(cue)
        assert offset >= 0, f"cue {cue!r} is not inside its context {gold['context']!r}"
        return text.find(gold["context"]) + offset
    start = text.find(cue)
    assert start >= 0, f"cue {cue!r} not found"
    return start


def check_gold_line(gold: dict[str, Any]) -> None:
    assert set(gold) <= GOLD_KEYS, f"unknown keys {set(gold) - GOLD_KEYS}"
    assert isinstance(gold["cue"], str) and gold["cue"]
    if "expect" in gold:
        assert gold["expect"] == "none"
        assert "value" not in gold and "measure" not in gold
        return
    if gold.get("optional") and "value" not in gold:
        return
    assert set(gold["measure"]) <= set(MEASURES) and gold["measure"]
    assert set(gold["qualifier"]) <= set(QUALIFIERS) and gold["qualifier"]
    value = gold["value"]
    assert isinstance(value, int | float) and not isinstance(value, bool)
    if "value_max" in gold:
        assert gold["value_max"] >= value
    if "range" in gold["qualifier"]:
        assert "value_max" in gold, "a range needs value_max"
    if "vague" in gold["qualifier"]:
        low, high = gold["vague_range"]
        assert low <= value <= high
    assert "source" in gold or gold.get("optional"), "source must be given: null or a list of substrings"
    source = gold.get("source")
    assert source is None or (isinstance(source, list) and all(isinstance(s, str) and s for s in source))
    if "modality" in gold:
        assert gold["modality"] in MODALITIES
    written = digit_cue_values(gold["cue"])
    if written is not None:
        assert close(written[0], value), f"{gold['cue']!r} reads {written[0]}, gold says {value}"
        if written[1] is not None:
            assert close(written[1], gold["value_max"])


def check_gold_against_articles(articles: dict[str, str], golds: list[dict[str, Any]]) -> None:
    spans: set[tuple[str, int]] = set()
    for gold in golds:
        article = gold["article"]
        assert article in articles, f"gold names unknown article {article!r}"
        text = articles[article]
        start = locate(text, gold)
        end = start + len(gold["cue"])
        assert at_token_boundary(text, start, end), f"{article}: cue {gold['cue']!r} cuts into a word"
        assert (article, start) not in spans, f"{article}: two gold lines on one span at {start}"
        spans.add((article, start))
    assert {g["article"] for g in golds} == set(articles), "every article needs gold lines"


@pytest.mark.parametrize("folder", [SAMPLES, DEV], ids=["samples", "dev_articles"])
def test_gold_lines_are_well_formed(folder: Path) -> None:
    for number, gold in enumerate(load_gold(folder), 1):
        try:
            check_gold_line(gold)
        except AssertionError as error:
            raise AssertionError(f"{folder.name}/gold.jsonl line {number}: {error}") from error


@pytest.mark.parametrize("folder", [SAMPLES, DEV], ids=["samples", "dev_articles"])
def test_gold_cues_are_found_in_their_articles(folder: Path) -> None:
    check_gold_against_articles(load_articles(folder), load_gold(folder))


def test_html_cues_are_also_in_the_raw_page() -> None:
    """The HTML sample's gold must not depend on one trafilatura setting: the cues sit in plain text."""
    golds = load_gold(SAMPLES)
    for path in SAMPLES.glob("*.html"):
        raw = path.read_text(encoding="utf-8")
        for gold in golds:
            if gold["article"] == path.stem:
                assert gold.get("context", gold["cue"]) in raw


def test_sample_formats() -> None:
    texts = sorted(SAMPLES.glob("*.txt"))
    assert len(texts) >= 6
    for path in texts:
        match = DATE_PREFIX.match(path.read_text(encoding="utf-8"))
        assert match, f"{path.name}: first line must start with ' date YYYY-MM-DD '"
        dt.date.fromisoformat(match[1])
    for line in (SAMPLES / "more.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert {"id", "text", "published", "url", "outlet", "title"} <= set(record)
        dt.date.fromisoformat(record["published"])
    pages = list(SAMPLES.glob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "article:published_time" in html and "<time datetime=" in html
    assert len(load_articles(SAMPLES)) >= 8


def test_dev_article_formats() -> None:
    for path in DEV.glob("*.txt"):
        assert DATE_PREFIX.match(path.read_text(encoding="utf-8")), path.name
    assert len(load_articles(DEV)) >= 5


def load_corpus() -> list[dict[str, Any]]:
    """Every claims corpus file (`claims_pl*.jsonl`), read once, by tests/claims_corpus.py."""
    return examples()


def check_claim(text: str, claim: dict[str, Any]) -> None:
    assert set(claim) <= CLAIM_KEYS, f"unknown keys {set(claim) - CLAIM_KEYS}"
    cue, value = claim["cue"], claim["value"]
    start = text.find(cue)
    assert start >= 0, f"cue {cue!r} not in text"
    assert at_token_boundary(text, start, start + len(cue)), f"cue {cue!r} cuts into a word"
    assert isinstance(value, int | float) and not isinstance(value, bool)
    qualifier = claim.get("qualifier", "exact")
    assert qualifier in QUALIFIERS
    value_max = claim.get("value_max")
    if qualifier in ("range", "vague"):
        assert value_max is not None and value_max >= value, "ranges and vague amounts need value_max"
    else:
        assert value_max is None
    if "measure" in claim:
        assert claim["measure"] in MEASURES
    if "modality" in claim:
        assert claim["modality"] in MODALITIES
    if claim.get("unit") is not None:
        assert claim["unit"] in UNITS
    source = claim.get("source")
    assert source is None or (isinstance(source, str) and source and source == source.lower())
    written = digit_cue_values(cue)
    if written is not None:
        assert close(written[0], value), f"{cue!r} reads {written[0]}, corpus says {value}"
        if written[1] is not None:
            assert value_max is not None and close(written[1], value_max)


def test_corpus_examples_are_well_formed() -> None:
    examples = load_corpus()
    ids = Counter(example["id"] for example in examples)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    for example in examples:
        try:
            assert set(example) <= {"id", "text", "published", "claims", "not"}
            dt.date.fromisoformat(example["published"])
            for claim in example["claims"]:
                check_claim(example["text"], claim)
            for cue in example.get("not", []):
                assert cue in example["text"], f"not-cue {cue!r} not in text"
        except AssertionError as error:
            raise AssertionError(f"{example['id']}: {error}") from error


def test_corpus_coverage() -> None:
    """The corpus must keep covering every measure, qualifier and modality (floors from the task)."""
    examples = load_corpus()
    positives = [e for e in examples if e["claims"]]
    assert len(positives) >= 250
    assert sum(1 for e in examples if not e["claims"]) >= 100
    for field, names, floor in (("measure", MEASURES, 15), ("qualifier", QUALIFIERS, 8),
                                ("modality", MODALITIES, 6)):
        counts = Counter(name for e in positives for name in {c.get(field) for c in e["claims"]})
        thin = {name: counts[name] for name in names if counts[name] < floor}
        assert not thin, f"{field} below {floor} examples: {thin}"


def _shingles(text: str, size: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def test_material_is_written_in_own_words(shared_dir: Path) -> None:
    """No run of seven words may be shared with the seed articles: facts may carry over, sentences not."""
    seeds: set[tuple[str, ...]] = set()
    for path in (shared_dir / "seeds").glob("*.txt"):
        seeds |= _shingles(path.read_text(encoding="utf-8"))
    ours = list(load_articles(SAMPLES).items()) + list(load_articles(DEV).items())
    ours += [(example["id"], example["text"]) for example in load_corpus()]
    copied = {name: sorted(_shingles(text) & seeds)[:3] for name, text in ours if _shingles(text) & seeds}
    assert not copied, f"word runs copied from the seeds: {copied}"
