"""Reconciliation scored as a feature, against hand gold of figure membership (tests/corpus/stories).

Gold claims are located by their cue (kronika.evaluate.locate_cues) and matched to the extracted claim
whose span overlaps the cue. Over the gold claims that extraction found:

- B-cubed precision and recall of the grouping into figures: for each gold claim, the share of the
  claims in its predicted figure that share its gold figure (precision), and the share of its gold
  figure that is in its predicted figure (recall), averaged over the claims.
- Conflict precision: the share of reported conflicts whose two claims are gold claims of one gold
  figure; and how many of the gold conflicts (pairs of gold claims) were reported.
- Stories: B-cubed precision and recall of the articles' grouping into stories.

`errors` lists the claims extraction missed, each gold figure split over several figures and each
figure that merges several gold figures, the conflicts between claims of different gold figures and the
gold conflicts not reported.

Gold claims extraction missed are counted (`located` of `gold_claims`), not scored: this measures
reconciliation, and extraction has its own evaluation.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from kronika.claim import Claim
from kronika.evaluate import GoldCue, load_gold, locate_cues
from kronika.reconcile.conflicts import Conflict
from kronika.reconcile.figures import Figure

ClaimRef = tuple[str, int, int]  # article, span start, span end
K = TypeVar("K", bound=Hashable)


@dataclass(slots=True)
class FigureScore:
    gold_claims: int = 0
    located: int = 0  # gold claims that extraction found
    precision: float = 0.0
    recall: float = 0.0
    conflicts: int = 0  # reported
    conflicts_correct: int = 0  # between claims of one gold figure
    gold_conflicts: int = 0
    gold_conflicts_found: int = 0
    story_precision: float = 0.0
    story_recall: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def conflict_precision(self) -> float:
        return self.conflicts_correct / self.conflicts if self.conflicts else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"gold_claims": self.gold_claims, "located": self.located, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4), "conflicts": self.conflicts,
                "conflict_precision": round(self.conflict_precision, 4), "gold_conflicts": self.gold_conflicts,
                "gold_conflicts_found": self.gold_conflicts_found,
                "story_precision": round(self.story_precision, 4), "story_recall": round(self.story_recall, 4)}

    def summary_lines(self) -> list[str]:
        return [
            f"figure grouping (B-cubed over {self.located} of {self.gold_claims} gold claims extraction found): "
            f"precision {self.precision:.3f}, recall {self.recall:.3f}, F1 {self.f1:.3f}",
            f"conflicts: {self.conflicts} reported, {self.conflicts_correct} between claims of one gold figure "
            f"(precision {self.conflict_precision:.3f}); {self.gold_conflicts_found} of {self.gold_conflicts} "
            "gold conflicts found",
            f"stories (B-cubed over articles): precision {self.story_precision:.3f}, recall {self.story_recall:.3f}",
        ]


def bcubed(predicted: Mapping[K, Hashable], gold: Mapping[K, Hashable]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering (item -> cluster) over the items of `gold`."""
    items = [item for item in gold if item in predicted]
    if not items:
        return 0.0, 0.0
    by_predicted: dict[Hashable, list[K]] = defaultdict(list)
    by_gold: dict[Hashable, int] = defaultdict(int)
    both: dict[tuple[Hashable, Hashable], int] = defaultdict(int)
    for item in items:
        by_predicted[predicted[item]].append(item)
        by_gold[gold[item]] += 1
        both[(predicted[item], gold[item])] += 1
    precision = sum(both[(predicted[i], gold[i])] / len(by_predicted[predicted[i]]) for i in items) / len(items)
    recall = sum(both[(predicted[i], gold[i])] / by_gold[gold[i]] for i in items) / len(items)
    return precision, recall


def _match(cues: list[GoldCue], claims: Iterable[Claim]) -> dict[int, ClaimRef]:
    """gold cue index -> the extracted claim whose span overlaps it (the first, in text order)."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    matched: dict[int, ClaimRef] = {}
    taken: set[ClaimRef] = set()
    for index, cue in enumerate(cues):
        for claim in by_article.get(cue.article, ()):
            ref = (claim.article, claim.span[0], claim.span[1])
            if ref not in taken and claim.span[0] < cue.end and cue.start < claim.span[1]:
                matched[index] = ref
                taken.add(ref)
                break
    return matched


def _ref(claim: Claim) -> ClaimRef:
    return (claim.article, claim.span[0], claim.span[1])


def score_figures(figures: Iterable[Figure], conflicts: Iterable[Conflict], claims: Iterable[Claim],
                  texts: Mapping[str, str], gold_dir: str | Path,
                  stories: Mapping[str, str] | None = None) -> FigureScore:
    """Score figures and conflicts built from `claims` of the articles in `texts` against `gold_dir`
    (figures_gold.jsonl, conflicts_gold.jsonl, stories_gold.jsonl)."""
    gold_dir = Path(gold_dir)
    records = [r for r in load_gold(gold_dir / "figures_gold.jsonl") if r["article"] in texts]
    cues = locate_cues(records, texts)
    matched = _match(cues, claims)
    figure_of: dict[ClaimRef, str] = {_ref(c): f.id for f in figures for c in f.claims}
    gold_of: dict[ClaimRef, str] = {ref: cues[i].record["figure"] for i, ref in matched.items()}
    result = FigureScore(gold_claims=len(cues), located=len(matched))
    result.precision, result.recall = bcubed(figure_of, gold_of)
    for index, cue in enumerate(cues):
        if index not in matched:
            result.errors.append(f"not extracted: {cue.article} {cue.record['cue']!r}")
    result.errors.extend(_grouping_errors(figure_of, gold_of, {ref: cues[i] for i, ref in matched.items()}))
    reported: set[frozenset[ClaimRef]] = set()
    for conflict in conflicts:
        a, b = (_ref(c) for c in conflict.claims)
        reported.add(frozenset((a, b)))
        result.conflicts += 1
        if a in gold_of and gold_of.get(a) == gold_of.get(b):
            result.conflicts_correct += 1
        else:
            result.errors.append(f"conflict not within one gold figure: {conflict.figure}: {conflict.reason}")
    gold_pairs = [r for r in load_gold(gold_dir / "conflicts_gold.jsonl")
                  if r["a"]["article"] in texts and r["b"]["article"] in texts]
    for pair in gold_pairs:
        ends = [_located(side, texts, claims_by_cue=matched, cues=cues) for side in (pair["a"], pair["b"])]
        result.gold_conflicts += 1
        if None not in ends and frozenset(ends) in reported:
            result.gold_conflicts_found += 1
        else:
            result.errors.append(f"gold conflict not reported: {pair['figure']}: {pair['why']}")
    if stories is not None and (gold_dir / "stories_gold.jsonl").exists():
        lines = load_gold(gold_dir / "stories_gold.jsonl")
        gold_stories: dict[str, Hashable] = {r["article"]: r["story"] for r in lines if r["article"] in texts}
        result.story_precision, result.story_recall = bcubed(stories, gold_stories)
    return result


def _grouping_errors(figure_of: Mapping[ClaimRef, str], gold_of: Mapping[ClaimRef, str],
                     cue_of: Mapping[ClaimRef, GoldCue]) -> list[str]:
    """One line per gold figure spread over several figures (`figure split`) and per figure holding
    claims of several gold figures (`figures merged`), naming each claim by article and cue."""
    by_gold: dict[str, dict[str, list[ClaimRef]]] = defaultdict(lambda: defaultdict(list))
    by_figure: dict[str, dict[str, list[ClaimRef]]] = defaultdict(lambda: defaultdict(list))
    for ref, gold in gold_of.items():
        figure = figure_of.get(ref, "(no figure)")
        by_gold[gold][figure].append(ref)
        by_figure[figure][gold].append(ref)

    def claims(refs: list[ClaimRef]) -> str:
        return ", ".join(f"{ref[0]} {cue_of[ref].record['cue']!r}" for ref in refs)

    lines = [f"figure split: {gold} -> " + "; ".join(f"{figure} ({claims(refs)})" for figure, refs in parts.items())
             for gold, parts in sorted(by_gold.items()) if len(parts) > 1]
    lines += [f"figures merged: {figure} <- " + "; ".join(f"{gold} ({claims(refs)})" for gold, refs in parts.items())
              for figure, parts in sorted(by_figure.items()) if len(parts) > 1]
    return lines


def _located(side: dict[str, Any], texts: Mapping[str, str], *, claims_by_cue: dict[int, ClaimRef],
             cues: list[GoldCue]) -> ClaimRef | None:
    """The extracted claim at one end of a gold conflict (located like a gold figure line)."""
    [cue] = locate_cues([side], texts)
    for index, other in enumerate(cues):
        if (other.article, other.start) == (cue.article, cue.start):
            return claims_by_cue.get(index)
    return None


def evaluate_figure_paths(paths: Iterable[str | Path], gold_dir: str | Path) -> FigureScore:
    """Read the articles, extract their claims, group stories and figures, and score them."""
    from kronika.article import Rejection
    from kronika.ingest import read_inputs
    from kronika.pipeline import extract_article
    from kronika.reconcile.conflicts import find_conflicts
    from kronika.reconcile.figures import build_figures
    from kronika.reconcile.stories import article_features, group_stories, story_map

    texts: dict[str, str] = {}
    claims: list[Claim] = []
    features = []
    for article in read_inputs(paths):
        if isinstance(article, Rejection):
            continue
        texts[article.id] = article.text
        claims.extend(extract_article(article))
        features.append(article_features(article.id, article.text, article.published, article.title))
    stories = story_map(group_stories(features))
    figures = build_figures(claims, stories=stories)
    return score_figures(figures, find_conflicts(figures), claims, texts, gold_dir, stories)


def floors_met(score: FigureScore, floors_path: str | Path) -> dict[str, tuple[float, float]]:
    """Measured values below their floor: name -> (measured, floor)."""
    floors = json.loads(Path(floors_path).read_text("utf-8"))
    measured = score.to_dict()
    return {name: (measured[name], floor) for name, floor in floors.items() if measured[name] < floor}
