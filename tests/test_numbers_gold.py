"""The number layer against the hand gold of the sample articles (../shared/gold/seed_claims.jsonl):
every gold figure's number is found with its value and an accepted qualifier; the cues marked as
not-a-claim give no number, except the related-article teasers, which are dropped upstream."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.numbers import find_numbers


def _gold(shared: Path) -> list[dict]:
    lines = (shared / "gold" / "seed_claims.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _cue_span(text: str, entry: dict) -> tuple[int, int]:
    context = entry.get("context", entry["cue"])
    start = text.find(context) + context.find(entry["cue"])
    assert text.find(context) >= 0, entry
    return start, start + len(entry["cue"])


def test_gold_figures(shared_dir: Path) -> None:
    checked = 0
    for entry in _gold(shared_dir):
        text = (shared_dir / "seeds" / f"{entry['article']}.txt").read_text(encoding="utf-8")
        start, end = _cue_span(text, entry)
        overlapping = [m for m in find_numbers(text) if m.start < end and start < m.end]
        if entry.get("expect") == "none":
            if "teaser" not in entry.get("note", ""):
                assert overlapping == [], entry
            continue
        if entry.get("optional"):
            continue
        assert len(overlapping) == 1, entry
        mention = overlapping[0]
        assert (mention.start, mention.end) == (start, end), entry
        assert mention.value == pytest.approx(entry["value"], rel=0.005)
        assert mention.qualifier in entry["qualifier"], entry
        if "vague_range" in entry:
            low, high = entry["vague_range"]
            assert mention.value <= high and (mention.value_max or mention.value) >= low
        checked += 1
    assert checked >= 10
