"""Keeps the multi-article reconciliation corpus (tests/corpus/stories/) consistent with itself.

No extraction runs here: every article has a story, every gold cue is found in its article, every part
names a whole that is a figure, every conflict pairs two gold claims of one figure, and no sentence is
borrowed from the seeds.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kronika.claim import MEASURES
from tests.test_samples_gold import DATE_PREFIX, _shingles, at_token_boundary, close, digit_cue_values, locate

STORIES = Path(__file__).resolve().parent / "corpus" / "stories"
FIGURE_KEYS = {"article", "cue", "context", "value", "value_max", "measure", "figure", "role", "whole", "source",
               "reference_time"}
ROLES = {"member", "part", "denial"}


def load_jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (STORIES / name).read_text(encoding="utf-8").splitlines()]


def articles() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(STORIES.glob("*.txt"))}


def cue_offset(text: str, line: dict[str, Any]) -> int:
    """Where the cue sits: inside its context (which occurs once), else its only occurrence in the text."""
    if "context" in line:
        return locate(text, line)
    cue = line["cue"]
    starts = [i for i in range(len(text)) if text.startswith(cue, i) and at_token_boundary(text, i, i + len(cue))]
    assert len(starts) == 1, f"cue {cue!r} occurs {len(starts)} times: give a context"
    return starts[0]


def test_every_article_has_one_story_and_a_date() -> None:
    texts = articles()
    labels = load_jsonl("stories_gold.jsonl")
    assert sorted(line["article"] for line in labels) == sorted(texts), "one story line per article"
    for name, text in texts.items():
        assert DATE_PREFIX.match(text), f"{name}: first line must start with ' date YYYY-MM-DD '"


def test_figure_lines_are_found_and_well_formed() -> None:
    texts = articles()
    seen: set[tuple[str, int]] = set()
    for number, line in enumerate(load_jsonl("figures_gold.jsonl"), 1):
        where = f"figures_gold.jsonl line {number}"
        assert set(line) <= FIGURE_KEYS, f"{where}: unknown keys {set(line) - FIGURE_KEYS}"
        assert line["article"] in texts, f"{where}: unknown article"
        text = texts[line["article"]]
        start = cue_offset(text, line)
        assert at_token_boundary(text, start, start + len(line["cue"])), f"{where}: cue cuts into a word"
        assert (line["article"], start) not in seen, f"{where}: two lines on one span"
        seen.add((line["article"], start))
        assert line["measure"] in MEASURES, f"{where}: measure {line['measure']!r}"
        assert line["role"] in ROLES and (line["role"] == "part") == ("whole" in line), where
        assert line["source"] is None or (isinstance(line["source"], str) and line["source"]), where
        if "value_max" in line:
            assert line["value_max"] >= line["value"], where
        written = digit_cue_values(line["cue"])
        if written is not None:
            assert close(written[0], line["value"]), f"{where}: {line['cue']!r} reads {written[0]}"


def test_every_part_has_a_whole_figure() -> None:
    lines = load_jsonl("figures_gold.jsonl")
    figures = {line["figure"] for line in lines if line["role"] != "denial"}
    for line in lines:
        if line["role"] == "part":
            assert line["whole"] in figures, f"whole {line['whole']!r} of {line['cue']!r} is not a figure"
            assert line["whole"] != line["figure"]


def test_conflicts_pair_two_claims_of_one_figure() -> None:
    by_claim = {(line["article"], line["cue"], line.get("context")): line for line in load_jsonl("figures_gold.jsonl")}
    for conflict in load_jsonl("conflicts_gold.jsonl"):
        assert conflict["why"], "a conflict needs its reason"
        pair = (conflict["a"], conflict["b"])
        sides = [by_claim.get((side["article"], side["cue"], side.get("context"))) for side in pair]
        assert all(sides), f"conflict on {conflict['figure']}: a side is not a gold claim"
        assert {side["figure"] for side in sides if side} == {conflict["figure"]}
        assert all(side["role"] == "member" for side in sides if side), "parts and denials never conflict"


def test_no_word_run_is_copied_from_the_seeds(shared_dir: Path) -> None:
    seeds: set[tuple[str, ...]] = set()
    for path in (shared_dir / "seeds").glob("*.txt"):
        seeds |= _shingles(path.read_text(encoding="utf-8"))
    copied = {name: sorted(_shingles(text) & seeds)[:3] for name, text in articles().items() if _shingles(text) & seeds}
    assert not copied, f"word runs copied from the seeds: {copied}"


def test_corpus_size() -> None:
    stories = {line["story"] for line in load_jsonl("stories_gold.jsonl")}
    assert len(articles()) >= 40 and len(stories) >= 8
