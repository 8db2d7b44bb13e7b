"""Figures: the claims about one tracked quantity, as per-source series over time, with a summary.

Nothing is merged away: a figure holds every claim it was given, in time order. Per source it keeps
the series of that source's claims and the latest estimate (the newest asserted or reported claim).

The summary is UCDP-style (low, best, high) and always says how it was chosen (`rule`):
take the latest estimate of each source; keep those whose reference time overlaps the newest one
(older estimates of a changing quantity are out of date, not alternatives); best is the median of
their stated values (midpoint for ranges), low and high the outermost stated bounds (None =
unbounded, as for "ponad 6 tys."). Planned, possible and denied figures never enter a summary.
"""
from __future__ import annotations

import logging
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kronika.claim import Claim
from kronika.reconcile.intervals import point_value, stated_interval
from kronika.reconcile.keys import FigureKey, assign_keys, figure_ids
from kronika.reconcile.timex import TimeInterval, claim_time
from kronika.reconcile.wording import describe_value, source_label

logger = logging.getLogger(__name__)

# Counts that can only grow: a later, smaller figure is a conflict (see conflicts.py).
CUMULATIVE_MEASURES = frozenset({"killed", "casualties", "displaced"})
# Modalities that state what is (or reportedly is) the case; the others are plans and possibilities.
FACTUAL_MODALITIES = frozenset({"asserted", "reported"})


@dataclass(slots=True)
class Summary:
    low: float | None
    best: float | None
    high: float | None
    rule: str
    as_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "best": self.best, "high": self.high, "rule": self.rule, "as_of": self.as_of}


@dataclass(slots=True)
class SourceSeries:
    source: str
    claims: list[Claim]
    latest: Claim | None  # newest asserted or reported claim; None if the source only planned or guessed


@dataclass(slots=True)
class Figure:
    id: str
    measure: str
    actor: str | None
    subject: str  # the subject kind: soldiers, civilians, artillery shells, money (USD), ...
    place: str | None
    claims: list[Claim]  # every claim, in time order (undated last)
    series: list[SourceSeries]
    summary: Summary
    subjects: list[str] = field(default_factory=list)  # the lemma phrases behind the kind

    @property
    def cumulative(self) -> bool:
        return self.measure in CUMULATIVE_MEASURES

    @property
    def latest(self) -> dict[str, Claim]:
        """source -> its latest estimate."""
        return {s.source: s.latest for s in self.series if s.latest is not None}

    def to_dict(self) -> dict[str, Any]:
        positions: dict[str, list[int]] = {}
        for index, claim in enumerate(self.claims):
            positions.setdefault(source_label(claim), []).append(index)
        return {
            "id": self.id,
            "measure": self.measure,
            "actor": self.actor,
            "subject": self.subject,
            "place": self.place,
            "summary": self.summary.to_dict(),
            "claims": [claim.to_dict() for claim in self.claims],
            # Series refer to claims by their index in `claims`.
            "series": [
                {
                    "source": s.source,
                    "claims": positions[s.source],
                    "latest": next(
                        (i for i in reversed(positions[s.source]) if self.claims[i] is s.latest), None),
                }
                for s in self.series
            ],
            "subjects": self.subjects,
        }


def time_order(claim: Claim) -> tuple[Any, ...]:
    """Sort key: by reference interval (undated last), then publication, article and position."""
    interval = claim_time(claim)
    when = (0, interval.start, interval.end) if interval else (1, 0, 0)
    return (*when, claim.published or "", claim.article, claim.span[0])


def build_figures(claims: Iterable[Claim], *, lang: str = "pl") -> list[Figure]:
    """Group claims into figures (see kronika.reconcile.keys for the rule), sorted by id."""
    claims = list(claims)
    keys = assign_keys(claims, lang)
    members: dict[FigureKey, list[Claim]] = defaultdict(list)
    for key, claim in zip(keys, claims, strict=True):
        members[key].append(claim)
    del keys
    ids = figure_ids(set(members))
    figures = [_figure(ids[key], key, group) for key, group in members.items()]
    figures.sort(key=lambda f: f.id)
    logger.info("%d claims -> %d figures", len(claims), len(figures))
    return figures


def _figure(figure_id: str, key: FigureKey, claims: list[Claim]) -> Figure:
    claims.sort(key=time_order)
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(source_label(claim), []).append(claim)
    series = [SourceSeries(source, group, _latest(group)) for source, group in by_source.items()]
    subjects = sorted({c.subject for c in claims if c.subject})
    return Figure(figure_id, key.measure, key.actor, key.subject, key.place, claims, series,
                  summarise(series), subjects)


def _latest(series: list[Claim]) -> Claim | None:
    factual = [c for c in series if c.modality in FACTUAL_MODALITIES]
    dated = [c for c in factual if claim_time(c) is not None]
    candidates = dated or factual
    return candidates[-1] if candidates else None


def _newest(times: list[TimeInterval]) -> TimeInterval:
    return max(times, key=lambda t: (t.end, t.start))


def summarise(series: list[SourceSeries]) -> Summary:
    """UCDP-style low/best/high over the current latest estimates (module docstring)."""
    latest = [s.latest for s in series if s.latest is not None]
    if not latest:
        return Summary(None, None, None, "no summary: no source asserts or reports a figure "
                                         "(only planned, possible or denied ones)")
    dated = [(t, c) for c in latest if (t := claim_time(c)) is not None]
    if dated:
        newest = _newest([t for t, _ in dated])
        current = [c for t, c in dated if t.overlaps(newest)]
        as_of = next(c.reference_time or c.published for t, c in dated if t == newest)
    else:
        current, as_of = latest, None
    bounds = [stated_interval(c) for c in current]
    low = min(b.low for b in bounds)
    high = max(b.high for b in bounds)
    best = statistics.median(point_value(c) for c in current)
    when = f"as of {as_of}" if as_of else "undated"
    if len(current) == 1:
        rule = (f"{when}: the one current estimate ({describe_value(current[0])}, "
                f"{source_label(current[0])}) among the latest of {len(latest)} source(s); "
                "best = its stated value, low/high = its stated bounds")
    else:
        rule = (f"{when}: {len(current)} current estimates among the latest of {len(latest)} source(s); "
                "best = median stated value, low/high = outermost stated bounds")
    return Summary(
        low=None if math.isinf(low) else low,
        best=best,
        high=None if math.isinf(high) else high,
        rule=rule,
        as_of=as_of,
    )
