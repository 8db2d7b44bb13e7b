"""Keeps the second blind reconciliation corpus (tests/corpus/stories_blind2/) consistent with itself.

The corpus was written by someone who had not read the reconciliation rules, and no kronika code ran on
its articles while the gold was written. These checks only keep the gold honest: every article has one
story and a date, every cue and context is found exactly once, every part's whole is a figure, every
conflict pairs two member claims of one figure, the labels are new, no run of seven words is shared
with the seeds or the other three story corpora, and the README's count table matches the gold.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kronika.claim import MEASURES
from tests.test_samples_gold import DATE_PREFIX, _shingles, at_token_boundary, close, digit_cue_values
from tests.test_stories_gold import FIGURE_KEYS, ROLES, cue_offset

CORPUS = Path(__file__).resolve().parent / "corpus"
BLIND = CORPUS / "stories_blind2"
OTHERS = (CORPUS / "stories", CORPUS / "stories_dev", CORPUS / "stories_blind")


def load_jsonl(name: str, folder: Path = BLIND) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines()]


def articles() -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(BLIND.glob("*.txt"))}


def test_every_article_has_one_story_and_a_date() -> None:
    texts = articles()
    labels = load_jsonl("stories_gold.jsonl")
    assert sorted(line["article"] for line in labels) == sorted(texts), "one story line per article"
    assert all(set(line) == {"article", "story"} for line in labels)
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


def test_every_article_has_figures() -> None:
    counted = {line["article"] for line in load_jsonl("figures_gold.jsonl")}
    assert counted == set(articles()), f"articles without a figure line: {set(articles()) - counted}"


def test_every_part_has_a_whole_figure() -> None:
    lines = load_jsonl("figures_gold.jsonl")
    figures = {line["figure"] for line in lines if line["role"] != "denial"}
    for line in lines:
        if line["role"] == "part":
            assert line["whole"] in figures, f"whole {line['whole']!r} of {line['cue']!r} is not a figure"
            assert line["whole"] != line["figure"]


def test_conflicts_pair_two_claims_of_one_figure() -> None:
    by_claim = {(line["article"], line["cue"], line.get("context")): line for line in load_jsonl("figures_gold.jsonl")}
    pairs: set[frozenset[tuple[str, str, str | None]]] = set()
    for conflict in load_jsonl("conflicts_gold.jsonl"):
        assert conflict["why"], "a conflict needs its reason"
        keys = [(side["article"], side["cue"], side.get("context")) for side in (conflict["a"], conflict["b"])]
        sides = [by_claim.get(key) for key in keys]
        assert all(sides), f"conflict on {conflict['figure']}: a side is not a gold claim"
        assert {side["figure"] for side in sides if side} == {conflict["figure"]}
        assert all(side["role"] == "member" for side in sides if side), "parts and denials never conflict"
        assert keys[0] != keys[1] and frozenset(keys) not in pairs, f"conflict on {conflict['figure']} twice"
        pairs.add(frozenset(keys))


def test_stories_and_labels_are_new() -> None:
    """Blind means disjoint: no story or figure label of the other story corpora is reused here."""
    stories = {line["story"] for line in load_jsonl("stories_gold.jsonl")}
    figures = {line["figure"] for line in load_jsonl("figures_gold.jsonl")}
    for folder in OTHERS:
        assert not stories & {line["story"] for line in load_jsonl("stories_gold.jsonl", folder)}, folder.name
        assert not figures & {line["figure"] for line in load_jsonl("figures_gold.jsonl", folder)}, folder.name


def test_no_word_run_is_copied_from_the_seeds_or_the_other_stories(shared_dir: Path) -> None:
    borrowed: set[tuple[str, ...]] = set()
    for path in [*(shared_dir / "seeds").glob("*.txt"), *(path for folder in OTHERS for path in folder.glob("*.txt"))]:
        borrowed |= _shingles(path.read_text(encoding="utf-8"))
    copied = {name: sorted(_shingles(text) & borrowed)[:3] for name, text in articles().items()
              if _shingles(text) & borrowed}
    assert not copied, f"word runs copied from the seeds or the other story corpora: {copied}"


def test_corpus_size() -> None:
    by_story: dict[str, int] = {}
    for line in load_jsonl("stories_gold.jsonl"):
        by_story[line["story"]] = by_story.get(line["story"], 0) + 1
    assert len(articles()) >= 32 and len(by_story) >= 8
    assert all(3 <= count <= 5 for count in by_story.values()), by_story
    assert len(load_jsonl("conflicts_gold.jsonl")) >= 6


def test_readme_counts_match_the_gold() -> None:
    """The README's count table describes the gold as it is, so a reader can trust it without recounting."""
    lines = load_jsonl("figures_gold.jsonl")
    table = dict(re.findall(r"^\| ([a-z() `_.-]+?) \| (\d+)", (BLIND / "README.md").read_text(encoding="utf-8"), re.M))
    counts = {
        "articles": len(articles()),
        "figures": len({line["figure"] for line in lines}),
        "claims (lines of `figures_gold.jsonl`)": len(lines),
        "parts": sum(line["role"] == "part" for line in lines),
        "denials": sum(line["role"] == "denial" for line in lines),
        "claims with a reference time": sum("reference_time" in line for line in lines),
        "conflicts": len(load_jsonl("conflicts_gold.jsonl")),
    }
    assert {key: int(table[key]) for key in counts} == counts
