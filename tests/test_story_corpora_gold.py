"""Keeps each reconciliation corpus (tests/corpus/stories, stories_dev, stories_blind, stories_blind2, stories_blind3,
stories_blind4, stories_blind5, stories_blind6, stories_blind7, stories_blind8, stories_blind9, stories_blind10,
stories_blind11, stories_blind12, stories_blind13, stories_blind14, stories_blind15, stories_blind16,
stories_blind17 to stories_blind27) consistent with itself. No extraction runs
here: every article has one story and a date, every gold cue and context is found exactly once, every part's whole is
a figure, every conflict pairs two member claims of one figure, a later corpus reuses no label of an earlier one, and
no run of seven words is shared with the seeds or an earlier corpus. A README's count table, where it has one,
matches the gold."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kronika.claim import MEASURES
from tests.test_samples_gold import DATE_PREFIX, _shingles, at_token_boundary, close, digit_cue_values, locate

CORPUS = Path(__file__).resolve().parent / "corpus"
FIGURE_KEYS = {"article", "cue", "context", "value", "value_max", "measure", "figure", "role", "whole", "source",
               "reference_time"}
ROLES = {"member", "part", "denial"}


@dataclass(frozen=True)
class Corpus:
    name: str
    articles: int  # at least
    stories: int  # at least
    per_story: tuple[int, int] | None  # articles a story holds, when the corpus fixes it
    conflicts: int  # gold conflicts, at least
    count_table: bool = False  # its README has a table of counts

    @property
    def folder(self) -> Path:
        return CORPUS / self.name

    @property
    def earlier(self) -> tuple[str, ...]:
        """The corpora written before it (CORPORA's order): their labels and sentences are not reused."""
        names = [corpus.name for corpus in CORPORA]
        return tuple(names[:names.index(self.name)])


# In the order they were written: each is checked against all before it (of two written at the same time
# by two writers, the later against the other too).
CORPORA = [
    Corpus("stories", 40, 8, None, 1),
    Corpus("stories_dev", 24, 5, (4, 6), 1),
    Corpus("stories_blind", 32, 8, (3, 5), 6),
    Corpus("stories_blind2", 32, 8, (3, 5), 6, count_table=True),
    Corpus("stories_blind3", 24, 6, (4, 4), 6, count_table=True),
    Corpus("stories_blind4", 24, 6, (4, 4), 6, count_table=True),
    Corpus("stories_blind5", 24, 6, (4, 4), 6, count_table=True),
    Corpus("stories_blind6", 24, 6, (4, 4), 6, count_table=True),
    Corpus("stories_blind7", 24, 6, (4, 4), 6, count_table=True),
    Corpus("stories_blind8", 24, 6, (4, 4), 6, count_table=True),
    Corpus("stories_blind9", 24, 6, (4, 4), 6, count_table=True),
    Corpus("stories_blind10", 24, 6, (4, 4), 6, count_table=True),
    Corpus("stories_blind11", 24, 6, (4, 4), 6, count_table=True),
    Corpus("stories_blind12", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind13", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind14", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind15", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind16", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind17", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind18", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind19", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind20", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind21", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind22", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind23", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind24", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind25", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind26", 12, 3, (4, 4), 6, count_table=True),
    Corpus("stories_blind27", 12, 3, (4, 4), 6, count_table=True),
]
each_corpus = pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])


def load_jsonl(folder: Path, name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines()]


def articles(folder: Path) -> dict[str, str]:
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}


def cue_offset(text: str, line: dict[str, Any]) -> int:
    """Where the cue sits: inside its context (which occurs once), else its only occurrence in the text."""
    if "context" in line:
        return locate(text, line)
    cue = line["cue"]
    starts = [i for i in range(len(text)) if text.startswith(cue, i) and at_token_boundary(text, i, i + len(cue))]
    assert len(starts) == 1, f"cue {cue!r} occurs {len(starts)} times: give a context"
    return starts[0]


@each_corpus
def test_every_article_has_one_story_a_date_and_figures(corpus: Corpus) -> None:
    texts = articles(corpus.folder)
    labels = load_jsonl(corpus.folder, "stories_gold.jsonl")
    assert sorted(line["article"] for line in labels) == sorted(texts), "one story line per article"
    assert all(set(line) == {"article", "story"} for line in labels)
    for name, text in texts.items():
        assert DATE_PREFIX.match(text), f"{name}: first line must start with ' date YYYY-MM-DD '"
    counted = {line["article"] for line in load_jsonl(corpus.folder, "figures_gold.jsonl")}
    assert counted == set(texts), f"articles without a figure line: {set(texts) - counted}"


@each_corpus
def test_figure_lines_are_found_and_well_formed(corpus: Corpus) -> None:
    texts = articles(corpus.folder)
    seen: set[tuple[str, int]] = set()
    for number, line in enumerate(load_jsonl(corpus.folder, "figures_gold.jsonl"), 1):
        where = f"{corpus.name}/figures_gold.jsonl line {number}"
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


@each_corpus
def test_every_part_has_a_whole_figure(corpus: Corpus) -> None:
    lines = load_jsonl(corpus.folder, "figures_gold.jsonl")
    figures = {line["figure"] for line in lines if line["role"] != "denial"}
    for line in lines:
        if line["role"] == "part":
            assert line["whole"] in figures, f"whole {line['whole']!r} of {line['cue']!r} is not a figure"
            assert line["whole"] != line["figure"]


@each_corpus
def test_conflicts_pair_two_claims_of_one_figure(corpus: Corpus) -> None:
    by_claim = {(line["article"], line["cue"], line.get("context")): line
                for line in load_jsonl(corpus.folder, "figures_gold.jsonl")}
    pairs: set[frozenset[tuple[str, str, str | None]]] = set()
    for conflict in load_jsonl(corpus.folder, "conflicts_gold.jsonl"):
        assert conflict["why"], "a conflict needs its reason"
        keys = [(side["article"], side["cue"], side.get("context")) for side in (conflict["a"], conflict["b"])]
        sides = [by_claim.get(key) for key in keys]
        assert all(sides), f"conflict on {conflict['figure']}: a side is not a gold claim"
        assert {side["figure"] for side in sides if side} == {conflict["figure"]}
        assert all(side["role"] == "member" for side in sides if side), "parts and denials never conflict"
        assert keys[0] != keys[1] and frozenset(keys) not in pairs, f"conflict on {conflict['figure']} twice"
        pairs.add(frozenset(keys))


@each_corpus
def test_stories_and_labels_are_new(corpus: Corpus) -> None:
    """A later corpus is disjoint from the earlier ones: no story or figure label is reused."""
    stories = {line["story"] for line in load_jsonl(corpus.folder, "stories_gold.jsonl")}
    figures = {line["figure"] for line in load_jsonl(corpus.folder, "figures_gold.jsonl")}
    for name in corpus.earlier:
        assert not stories & {line["story"] for line in load_jsonl(CORPUS / name, "stories_gold.jsonl")}, name
        assert not figures & {line["figure"] for line in load_jsonl(CORPUS / name, "figures_gold.jsonl")}, name


@each_corpus
def test_no_word_run_is_copied_from_the_seeds_or_an_earlier_corpus(corpus: Corpus, shared_dir: Path) -> None:
    borrowed: set[tuple[str, ...]] = set()
    earlier = [path for name in corpus.earlier for path in (CORPUS / name).glob("*.txt")]
    for path in [*(shared_dir / "seeds").glob("*.txt"), *earlier]:
        borrowed |= _shingles(path.read_text(encoding="utf-8"))
    copied = {name: sorted(_shingles(text) & borrowed)[:3] for name, text in articles(corpus.folder).items()
              if _shingles(text) & borrowed}
    assert not copied, f"word runs copied from the seeds or an earlier corpus: {copied}"


@each_corpus
def test_corpus_size(corpus: Corpus) -> None:
    by_story: dict[str, int] = {}
    for line in load_jsonl(corpus.folder, "stories_gold.jsonl"):
        by_story[line["story"]] = by_story.get(line["story"], 0) + 1
    assert len(articles(corpus.folder)) >= corpus.articles and len(by_story) >= corpus.stories
    if corpus.per_story is not None:
        low, high = corpus.per_story
        assert all(low <= count <= high for count in by_story.values()), by_story
    assert len(load_jsonl(corpus.folder, "conflicts_gold.jsonl")) >= corpus.conflicts


@pytest.mark.parametrize("corpus", [c for c in CORPORA if c.count_table], ids=lambda c: c.name)
def test_readme_counts_match_the_gold(corpus: Corpus) -> None:
    """The README's count table describes the gold as it is, so a reader can trust it without recounting."""
    lines = load_jsonl(corpus.folder, "figures_gold.jsonl")
    readme = (corpus.folder / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| ([a-z() `_.-]+?) \| (\d+)", readme, re.M))
    counts = {
        "articles": len(articles(corpus.folder)),
        "figures": len({line["figure"] for line in lines}),
        "claims (lines of `figures_gold.jsonl`)": len(lines),
        "parts": sum(line["role"] == "part" for line in lines),
        "denials": sum(line["role"] == "denial" for line in lines),
        "claims with a reference time": sum("reference_time" in line for line in lines),
        "conflicts": len(load_jsonl(corpus.folder, "conflicts_gold.jsonl")),
    }
    assert {key: int(table[key]) for key in counts} == counts
