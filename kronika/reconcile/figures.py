"""Figures: the claims about one tracked quantity, as per-source series over time, with a summary.

Nothing is merged away: a figure holds every claim it was given, in time order, each with its role
(member, part, denial; kronika.reconcile.identity). Per canonical source (the claim's `source_id`, else
its source phrase normalised) it keeps the series of that source's claims and the latest estimate.

The summary is UCDP-style (low, best, high) and only shows numbers a source stated:
take the latest estimate of each source; keep those whose reference time overlaps the newest one
(older estimates of a changing quantity are out of date, not alternatives). `best` is the value of the
latest asserted estimate of the most recent report among them, when it states one number (a range or
a vague amount has no single best: its ends are low and high). `low`/`high` are the envelope of the
current estimates' stated bounds; an open bound stays open (None: "more than 6,000" has no high).
Planned, possible and denied figures, and parts, never enter a summary. `independent_sources` counts
canonical sources once, and unattributed copies of one sentence (wire copies) once.
"""
from __future__ import annotations

import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kronika.claim import Claim
from kronika.reconcile.bulk import no_cycle_collection
from kronika.reconcile.context import ClaimContext
from kronika.reconcile.identity import Membership, assign_figures
from kronika.reconcile.intervals import stated_interval
from kronika.reconcile.keys import FigureKey, figure_ids
from kronika.reconcile.timex import TimeInterval, claim_time
from kronika.reconcile.wording import describe_value, kind_words, source_key, source_label

logger = logging.getLogger(__name__)

# Counts that can only grow: a later, smaller figure is a conflict (see conflicts.py).
CUMULATIVE_MEASURES = frozenset({"killed", "casualties", "displaced"})
# Modalities that state what is (or reportedly is) the case; the others are plans and possibilities.
FACTUAL_MODALITIES = frozenset({"asserted", "reported"})


class Summary:
    """low, best, high, the rule that chose them (as one line for people) and the time they hold for.
    The rule's wording is made when it is first read: a ledger of half a million figures builds it
    only for the figures someone looks at or stores."""

    __slots__ = ("low", "best", "high", "as_of", "_rule", "_explain")

    def __init__(self, low: float | None, best: float | None, high: float | None, rule: str | None = None,
                 as_of: str | None = None, *, chosen: tuple[Claim, int, int] | None = None) -> None:
        self.low, self.best, self.high, self.as_of = low, best, high, as_of
        self._rule = rule
        self._explain = chosen  # the chosen claim, how many current estimates, how many sources

    @property
    def rule(self) -> str:
        if self._rule is None:
            self._rule = _explain(self, *self._explain) if self._explain is not None else ""
        return self._rule

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Summary) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return f"Summary(low={self.low!r}, best={self.best!r}, high={self.high!r}, as_of={self.as_of!r})"

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "best": self.best, "high": self.high, "rule": self.rule, "as_of": self.as_of}


@dataclass(slots=True)
class SourceSeries:
    source: str  # how the source reads (its first claim's phrase); `key` is the canonical source
    claims: list[Claim]
    latest: Claim | None  # newest asserted or reported claim; None if the source only planned or guessed
    key: str = ""


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
    story: str | None = None  # None for a running total that may span stories
    scope: str = "incident"  # incident or running
    roles: list[str] = field(default_factory=list)  # per claim: member, part, denial
    wholes: list[Claim | None] = field(default_factory=list)  # per claim: a part's whole
    part_of: str | None = None  # the whole's figure id, for a figure of parts
    independent_sources: int = 0
    unit: str | None = None
    period: str | None = None  # the month, week or year an incident figure counts

    @property
    def label(self) -> str:
        bits = [self.measure, kind_words(self.subject), self.actor, f"in {self.place}" if self.place else None,
                self.period, "running total" if self.scope == "running" else None]
        return " · ".join(b for b in bits if b)

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
            positions.setdefault(source_key(claim), []).append(index)
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
                    "key": s.key,
                    "claims": positions[s.key],
                    "latest": next(
                        (i for i in reversed(positions[s.key]) if self.claims[i] is s.latest), None),
                }
                for s in self.series
            ],
            "subjects": self.subjects,
            "story": self.story,
            "scope": self.scope,
            "label": self.label,
            "unit": self.unit,
            "period": self.period,
            "roles": self.roles,
            "part_of": self.part_of,
            "independent_sources": self.independent_sources,
        }


def time_order(claim: Claim) -> tuple[Any, ...]:
    """Sort key: by reference interval (undated last), then publication, article and position."""
    interval = claim_time(claim)
    when = (0, interval.start, interval.end) if interval else (1, 0, 0)
    return (*when, claim.published or "", claim.article, claim.span[0])


def build_figures(claims: Iterable[Claim], *, stories: dict[str, str] | None = None,
                  lang: str = "pl", contexts: Mapping[str, Sequence[ClaimContext]] | None = None) -> list[Figure]:
    """Group claims into figures (kronika.reconcile.identity), sorted by id. `stories` maps article ->
    story; without it the claims are taken as one story. `contexts` are claim contexts already worked
    out for some articles (see assign_figures)."""
    claims = list(claims)
    with no_cycle_collection():
        memberships = assign_figures(claims, stories, lang, contexts)
        members: dict[FigureKey, list[int]] = defaultdict(list)
        for index, membership in enumerate(memberships):
            members[membership.key].append(index)
        ids = figure_ids(set(members) | {k.part_of for k in members if k.part_of is not None})
        figures = [_figure(ids, key, group, memberships) for key, group in members.items()]
        figures.sort(key=lambda f: f.id)
    logger.info("%d claims -> %d figures", len(claims), len(figures))
    return figures


def _figure(ids: dict[FigureKey, str], key: FigureKey, indices: list[int], memberships: list[Membership]) -> Figure:
    if len(indices) > 1:
        indices.sort(key=lambda i: time_order(memberships[i].claim))
    claims = [memberships[i].claim for i in indices]
    roles = [memberships[i].role for i in indices]
    wholes = [memberships[w].claim if (w := memberships[i].whole) is not None else None for i in indices]
    running = any(memberships[i].running for i in indices) or key.story is None and key.actor is not None
    return assemble_figure(ids[key], key.measure, key.actor, key.subject, key.place, claims, roles, wholes,
                           story=key.story, running=running,
                           part_of=ids.get(key.part_of) if key.part_of is not None else None, period=key.period)


def assemble_figure(figure_id: str, measure: str, actor: str | None, subject: str, place: str | None,
                    claims: list[Claim], roles: list[str], wholes: list[Claim | None], *, story: str | None,
                    running: bool, part_of: str | None, period: str | None) -> Figure:
    """A figure of `claims` (in time order, with their roles): its per-source series and summary."""
    if len(claims) == 1:  # most figures of a large ledger: one report of one thing
        claim, key = claims[0], source_key(claims[0])
        denial = roles[0] == "denial"
        alone = SourceSeries(source_label(claim), claims, None if denial else _latest(claims), key)
        return Figure(figure_id, measure, actor, subject, place, claims, [alone], summarise([alone]),
                      [claim.subject] if claim.subject else [], story, "running" if running else "incident",
                      roles, wholes, part_of, 0 if denial else independent_sources(claims), claim.unit, period)
    by_source: dict[str, list[Claim]] = {}  # per source, its claims other than denials
    own: dict[str, list[Claim]] = {}  # per source, all its claims
    for claim, role in zip(claims, roles, strict=True):
        key = source_key(claim)
        if key not in own:
            own[key], by_source[key] = [], []
        own[key].append(claim)
        if role != "denial":
            by_source[key].append(claim)
    series = [SourceSeries(source_label(own[k][0]), own[k], _latest(group), k) for k, group in by_source.items()]
    subjects = sorted({c.subject for c in claims if c.subject})
    return Figure(figure_id, measure, actor, subject, place, claims, series, summarise(series), subjects, story,
                  "running" if running else "incident", roles, wholes, part_of,
                  independent_sources(c for c, r in zip(claims, roles, strict=True) if r != "denial"),
                  next((c.unit for c in claims if c.unit), None), period)


_SPACE = re.compile(r"\W+")


def independent_sources(claims: Iterable[Claim]) -> int:
    """Distinct canonical sources among factual claims; unattributed copies of one sentence count once."""
    keys = set()
    for claim in claims:
        if claim.modality not in FACTUAL_MODALITIES:
            continue
        if claim.source_id or claim.source:
            keys.add(source_key(claim))
        else:
            keys.add(_wording(claim.sentence))
    return len(keys)


@lru_cache(maxsize=1 << 14)  # the claims of one sentence, and wire copies, share it
def _wording(sentence: str) -> str:
    return _SPACE.sub(" ", sentence.casefold()).strip()


def _latest(series: list[Claim]) -> Claim | None:
    factual = [c for c in series if c.modality in FACTUAL_MODALITIES]
    dated = [c for c in factual if claim_time(c) is not None]
    candidates = dated or factual
    return candidates[-1] if candidates else None


def _newest(times: list[TimeInterval]) -> TimeInterval:
    return max(times, key=lambda t: (t.end, t.start))


_FAR_CEILING = 100  # a vague amount whose ceiling is 100 times its floor (`miliony`) has an open top


def _stated_bounds(claim: Claim) -> tuple[float | None, float | None]:
    """The bounds the wording states; None where it states none (`ponad 6 tys.` has no high, `do 10 tys.`
    no low)."""
    if claim.qualifier in ("up_to", "at_most", "less_than"):
        return None, claim.value
    interval = stated_interval(claim)
    high: float | None = interval.high
    if claim.qualifier == "vague" and claim.value_max is not None and claim.value_max >= _FAR_CEILING * claim.value:
        high = None
    low: float | None = interval.low
    return (None if low is None or math.isinf(low) else low,
            None if high is None or math.isinf(high) else high)


def _one_number(claim: Claim) -> bool:
    return claim.qualifier not in ("range", "vague")


def _recency(claim: Claim) -> tuple[Any, ...]:
    interval = claim_time(claim)
    return (claim.published or "", interval.end if interval else 0, claim.modality == "asserted",
            claim.article, claim.span[0])


def summarise(series: list[SourceSeries]) -> Summary:
    """UCDP-style low/best/high over the current latest estimates (module docstring)."""
    latest = [s.latest for s in series if s.latest is not None]
    if not latest:
        return Summary(None, None, None, "no summary: no source asserts or reports a figure "
                                         "(only planned, possible or denied ones)")
    if len(latest) == 1:  # one source's estimate: its own bounds (the general case below, shortened)
        only = latest[0]
        low, high = _stated_bounds(only)
        as_of = (only.reference_time or only.published) if claim_time(only) is not None else None
        return Summary(low, only.value if _one_number(only) else None, high, as_of=as_of, chosen=(only, 1, 1))
    dated = [(t, c) for c in latest if (t := claim_time(c)) is not None]
    if dated:
        newest = _newest([t for t, _ in dated])
        current = [c for t, c in dated if t.overlaps(newest)]
        as_of = next(c.reference_time or c.published for t, c in dated if t == newest)
    else:
        current, as_of = latest, None
    bounds = [_stated_bounds(c) for c in current]
    low = None if any(b[0] is None for b in bounds) else min(b[0] for b in bounds if b[0] is not None)
    high = None if any(b[1] is None for b in bounds) else max(b[1] for b in bounds if b[1] is not None)
    chosen = max(current, key=_recency) if len(current) > 1 else current[0]
    best = chosen.value if _one_number(chosen) else None
    if best is None and len(current) == 1:
        low, high = bounds[0]
    return Summary(low=low, best=best, high=high, as_of=as_of, chosen=(chosen, len(current), len(latest)))


def _explain(summary: Summary, chosen: Claim, current: int, sources: int) -> str:
    when = f"as of {summary.as_of}" if summary.as_of else "undated"
    stated = ("best = its stated value" if summary.best is not None
              else "no best: it states a range, shown as low–high")
    return (f"{when}: best from the latest asserted estimate of the most recent report "
            f"({describe_value(chosen)}, {source_label(chosen)}, published {chosen.published or 'undated'}); "
            f"{stated}; low/high = envelope of the stated bounds of {current} current estimate(s) "
            f"among the latest of {sources} source(s); an open bound stays open")
