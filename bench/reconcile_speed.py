"""Reconciliation at scale: group stories, build figures and find conflicts over 1,000,000 synthetic claims.

The claims are skewed like a real ledger: a few figures with 50,000 claims each (a war's death toll
reported daily for years), a long tail of figures with a handful, dates at day, month and year
precision, every qualifier and modality, noisy values that drift over time. The claims' articles (six
claims each) fall into stories of skewed size; their features (MinHash signatures of story wording,
specific entities) are made beforehand, as an ingest stores them, and grouping them is timed. The huge
figures are running totals (`since:` basis), so they span stories as a war's toll does.

    .venv/bin/python bench/reconcile_speed.py [--claims 1000000] [--seed 7]

Target: under a minute and under 2 GB peak memory (resident set, claims included). Each stage prints its
wall time and the CPU time of this process: on a machine shared with other work the wall time includes
waiting for a core, and the verdict says which of the two it went by.
"""
from __future__ import annotations

import argparse
import itertools
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kronika.claim import Claim  # noqa: E402
from kronika.reconcile import CUMULATIVE_MEASURES as CUMULATIVE  # noqa: E402
from kronika.reconcile import build_figures, find_conflicts  # noqa: E402
from kronika.reconcile.stories import NUM_PERM, SCHEME, ArticleFeatures, group_stories, story_map  # noqa: E402

HUGE_FIGURES = 5
HUGE_SIZE = 50_000
TAIL_FIGURES = 30_000
MEASURES = ("killed", "deployed", "wounded", "casualties", "captured", "displaced", "supplied", "destroyed")
SUBJECTS = ("żołnierz", "cywil", "osoba", "dziecko", "pocisk artyleryjski", "dron", "czołg", "rakieta",
            "uchodźca", "wojskowy", "latarnia morska", None)
PLACES = (None, None, None, "Kursk Oblast", "Donetsk Oblast", "Gaza Strip")
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "up_to", "range", "vague")
QUALIFIER_WEIGHTS = (30, 40, 12, 6, 5, 5, 2)
MODALITIES = ("asserted", "reported", "planned", "possible", "denied")
MODALITY_WEIGHTS = (80, 10, 5, 4, 1)
SOURCE_KINDS = ("person", "organisation", "government", "intelligence", "media", "unnamed")
FIRST_DAY = date(2022, 1, 1)
DAYS = 4 * 365
STORIES = 20_000
STORY_WORDS = 40  # each story's own vocabulary; an article uses most of it plus common words
COMMON_WORDS = 5_000


class _Stage:
    """Wall and CPU seconds of one stage."""

    def __enter__(self) -> _Stage:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:.1f} s ({self.cpu:.1f} s CPU)"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def synthetic_claims(count: int, seed: int) -> list[Claim]:
    pick = random.Random(seed)
    days = [(FIRST_DAY + timedelta(d)).isoformat() for d in range(DAYS + 30)]
    sources = [f"Źródło {i}" for i in range(400)]
    outlets = [f"Gazeta {i}" for i in range(60)]
    sentences = [f"Według doniesień nr {i} liczba ta wzrosła w ostatnich tygodniach." for i in range(1000)]

    huge = min(HUGE_FIGURES, count // HUGE_SIZE)
    tail_count = count - huge * HUGE_SIZE
    tail_weights = list(itertools.accumulate(1 / (k + 1) ** 1.05 for k in range(TAIL_FIGURES)))
    figure_of_claim = [k for k in range(huge) for _ in range(HUGE_SIZE)]
    tail = pick.choices(range(TAIL_FIGURES), cum_weights=tail_weights, k=tail_count)
    figure_of_claim += [huge + k for k in tail]

    profiles = []
    for k in range(huge + TAIL_FIGURES):
        measure = MEASURES[k % len(MEASURES)]
        profiles.append((
            measure, f"Actor {k // 7}", SUBJECTS[k % len(SUBJECTS)], PLACES[k % len(PLACES)],
            10 ** pick.uniform(1, 5),  # base value
            pick.uniform(0.0, 2.0) if measure in CUMULATIVE else pick.uniform(-0.5, 0.5),
            pick.sample(range(len(sources)), 6),
        ))

    claims = []
    for n, k in enumerate(figure_of_claim):
        measure, actor, subject, place, base, growth, own_sources = profiles[k]
        day = pick.randrange(DAYS)
        value = base * (1 + growth * day / DAYS) * pick.lognormvariate(0, 0.08)
        qualifier = pick.choices(QUALIFIERS, QUALIFIER_WEIGHTS)[0]
        # Approximate figures are round: two significant digits.
        digits = 2 - len(str(int(value))) if qualifier == "approx" else 0
        value = max(1.0, float(round(value, digits)))
        precision = pick.random()
        reference = days[day] if precision < 0.75 else days[day][:7] if precision < 0.9 else days[day][:4]
        source_index = pick.choice(own_sources) if pick.random() < 0.8 else None
        claims.append(Claim(
            article=f"art{n // 6}",
            span=(100, 110),
            mention=f"{value:,.0f}",
            value=value,
            value_max=value * 1.3 if qualifier in ("range", "vague") else None,
            qualifier=qualifier,
            measure=measure,
            subject=subject if pick.random() > 0.05 else None,
            actor=actor,
            place=place if pick.random() > 0.3 else None,
            source=None if source_index is None else sources[source_index],
            source_kind=None if source_index is None else SOURCE_KINDS[source_index % len(SOURCE_KINDS)],
            outlet=pick.choice(outlets),
            modality=pick.choices(MODALITIES, MODALITY_WEIGHTS)[0],
            reference_time=reference,
            reference_basis="since:2022-02-24" if k < huge else "text",
            published=days[day + pick.randrange(30)],
            sentence=sentences[n % len(sentences)],
        ))
    return claims


def synthetic_features(claims: list[Claim], seed: int) -> list[ArticleFeatures]:
    """One ArticleFeatures per article of `claims`: story wording and entities, made as an ingest makes them."""
    from datasketch import MinHash

    pick = random.Random(seed)
    published: dict[str, str | None] = {}
    for claim in claims:
        published.setdefault(claim.article, claim.published)
    weights = list(itertools.accumulate(1 / (k + 1) ** 0.8 for k in range(STORIES)))
    story_of = pick.choices(range(STORIES), cum_weights=weights, k=len(published))
    words = [[f"s{story}w{j}".encode() for j in range(STORY_WORDS)] + [f"c{pick.randrange(COMMON_WORDS)}".encode()
                                                                        for _ in range(20)]
             for story in story_of]
    hashes = MinHash.bulk(words, num_perm=NUM_PERM, scheme=SCHEME)
    return [ArticleFeatures(article, day, [f"Miejsce {story}", f"Osoba {story}"], minhash.hashvalues)
            for (article, day), story, minhash in zip(published.items(), story_of, hashes, strict=True)]


def consistent_claims(count: int, seed: int) -> list[Claim]:
    """Claims that all agree (the sweep never stops early): the slowest case for conflict detection."""
    pick = random.Random(seed)
    days = [(FIRST_DAY + timedelta(d)).isoformat() for d in range(DAYS)]
    qualifiers = ("approx", "at_least", "up_to", "range", "exact")
    claims = []
    for n in range(count):
        qualifier = qualifiers[n % len(qualifiers)]
        value = {"at_least": 8_000.0, "up_to": 12_000.0, "range": 9_000.0}.get(qualifier, 10_000.0)
        day = days[pick.randrange(DAYS)]
        claims.append(Claim(
            article=f"art{n}", span=(0, 5), mention="10 tys.", value=value,
            value_max=11_000.0 if qualifier == "range" else None, qualifier=qualifier,
            measure="deployed", subject="żołnierz", actor=f"Actor {n % 4}",
            reference_time=day[:4] if n % 10 == 0 else day, published=day,
        ))
    return claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    started = time.perf_counter()
    claims = synthetic_claims(args.claims, args.seed)
    generated = time.perf_counter() - started
    before = _peak_mb()
    print(f"generated {len(claims):,} claims in {generated:.1f} s (resident {before:,.0f} MB)")

    started = time.perf_counter()
    features = synthetic_features(claims, args.seed)
    print(f"made features of {len(features):,} articles in {time.perf_counter() - started:.1f} s")
    before = _peak_mb()

    with _Stage() as storying:
        stories = story_map(group_stories(features))
    print(f"group_stories: {storying} -> {len(set(stories.values())):,} stories of {len(features):,} articles")
    del features

    with _Stage() as grouping:
        figures = build_figures(claims, stories=stories)
    sizes = sorted((len(f.claims) for f in figures), reverse=True)
    print(f"build_figures: {grouping} -> {len(figures):,} figures (largest {sizes[0]:,} claims, "
          f"{sum(s >= HUGE_SIZE for s in sizes)} with >= {HUGE_SIZE:,}, median {sizes[len(sizes) // 2]:,})")

    with _Stage() as detection:
        conflicts = find_conflicts(figures)
    contested = len({c.figure for c in conflicts})
    print(f"find_conflicts: {detection} -> {len(conflicts):,} conflicts in {contested:,} figures")
    if conflicts.capped:
        print(f"  listing capped in {len(conflicts.capped):,} figures (at {max(conflicts.capped.values())} "
              "conflicts each; more conflicting pairs exist there, see ConflictList.capped)")

    stages = (storying, grouping, detection)
    wall, cpu, peak = sum(s.wall for s in stages), sum(s.cpu for s in stages), _peak_mb()
    # Waiting for a core is not the work's cost: when the machine is busy, the CPU time is the measure.
    busy = wall > 1.2 * cpu
    total = cpu if busy else wall
    verdict = "OK" if total < 60 and peak < 2048 else "OVER TARGET"
    print(f"reconcile total: {wall:.1f} s wall, {cpu:.1f} s CPU; peak resident memory {peak:,.0f} MB "
          f"({peak - before:+,.0f} MB over the claims) — target < 60 s, < 2,048 MB: {verdict} "
          f"(by {'CPU time: the machine was busy' if busy else 'wall time'})")

    del claims, figures, conflicts
    agreeing = consistent_claims(args.claims // 5, args.seed)
    started = time.perf_counter()
    found = find_conflicts(build_figures(agreeing))
    print(f"worst case, {len(agreeing):,} agreeing claims in 4 figures (no early stop): "
          f"{time.perf_counter() - started:.1f} s, {len(found)} conflicts")


if __name__ == "__main__":
    main()
