"""Conflicts: pairs of claims in one figure that cannot both be right.

A voice is the claim's canonical source (`source_id`) when it has one, else its source phrase.
Four rules, each naming both claims, both sources, both times and a one-line reason:

- `disjoint`: two claims whose reference times overlap while their value intervals (kronika.reconcile
  .intervals, with the rounding that `approx` implies) do not.
- `self_contradiction`: the same, when both claims come from one voice: the same named source, or the
  same outlet speaking in its own voice. Unnamed sources ("zachodnie źródła") are never one voice.
- `cumulative_drop`: in a cumulative figure (killed, casualties, displaced), a claim whose reference
  time lies wholly after another's while its whole interval lies below the other's; in an incident
  figure only within `DROP_DAYS` of it (weeks later, one story's count may be of another incident).
- `denial`: a denied value (`356 osób, nie 312`) against the same value stated no later by another voice
  (the operator's 312), once per voice; a denied bound (`nie ponad 100`) sets aside no stated value.

Two numbers of one sentence are never rivals (a comparison, a part, another measure), nor are two
values more than ten times apart: under one key they are different quantities, not rival estimates.
A vague amount (`kilka tysięcy`, `dziesiątki`) is never one end of a conflict: its interval is a
convention of the word, not a bound the source stated. Nor are two claims of one voice that state
different places, or a place against none (WHO's count `w Rumunii` beside its count for the continent):
the key lets a placeless claim join a place's figure, but one source that names the place for one
number and not for the other is counting two things.
`other` figures conflict only when they count a listed kind of thing (people, buildings), or a share or
an amount keyed by what it is of or for (`share of turnout`, `money (PLN) for cost`); never for unkeyed
shares or money.

In a figure of an actor, a bare number (no actor, no place, no source: its identity is all borrowed from
the story) meets only the claims of its own article.
A claim of measure `other` that joined a figure of another measure by its kind is not compared.
Only claims of comparable modality meet: asserted and reported claims among themselves, planned ones
among themselves (a plan contradicts only another plan); possible figures never conflict, denied ones only
by the `denial` rule.
Undated claims (no reference time and no publication date) are not compared.

Scale: claims are swept in time order; a claim meets only the claims whose reference time is still
open, through heaps on their bounds, so a consistent figure costs O(n log n) and the work on a
contested one is bounded by the conflicts it reports. Each figure lists at most `max_per_figure`
conflicts; figures where more exist are recorded in `ConflictList.capped` and logged, never dropped
silently.
"""
from __future__ import annotations

import bisect
import heapq
import logging
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kronika.claim import Claim
from kronika.entities import entity_info
from kronika.reconcile.bulk import no_cycle_collection
from kronika.reconcile.figures import FACTUAL_MODALITIES, Figure
from kronika.reconcile.intervals import ValueInterval, value_interval
from kronika.reconcile.subject_kinds import known_kinds
from kronika.reconcile.timex import claim_time
from kronika.reconcile.word_lists import word_starts
from kronika.reconcile.wording import cite, describe_interval, describe_value, source_label

logger = logging.getLogger(__name__)

DEFAULT_MAX_PER_FIGURE = 100
_COMPARABLE_MODALITIES = (FACTUAL_MODALITIES, frozenset({"planned"}))


@dataclass(slots=True)
class Conflict:
    figure: str  # figure id
    kind: str  # disjoint, self_contradiction, cumulative_drop
    claims: tuple[Claim, Claim]  # earlier (in the figure's time order) first
    reason: str
    same_source: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "figure": self.figure,
            "kind": self.kind,
            "same_source": self.same_source,
            "claims": [claim.to_dict() for claim in self.claims],
            "reason": self.reason,
        }


class ConflictList(list[Conflict]):
    """The conflicts found, plus `capped`: figure id -> how many were listed where more exist."""

    def __init__(self, conflicts: Iterable[Conflict] = ()) -> None:
        super().__init__(conflicts)
        self.capped: dict[str, int] = {}

    def notes(self) -> list[str]:
        """One line per capped figure, for people."""
        return [f"{figure}: only the first {count} conflicts are listed; more conflicting pairs exist"
                for figure, count in sorted(self.capped.items())]


@dataclass(frozen=True, slots=True)
class _Dated:
    start: int
    end: int
    values: ValueInterval
    position: int  # index in figure.claims


def voice(claim: Claim) -> tuple[str, str] | None:
    """Who speaks, when it is one identifiable voice: a named source, or the outlet itself."""
    if claim.source_id and claim.source_kind != "unnamed":
        return ("source", claim.source_id)
    if claim.source and claim.source_kind != "unnamed":
        return ("source", claim.source.casefold())
    if not claim.source and claim.outlet:
        return ("outlet", claim.outlet.casefold())
    return None


def find_conflicts(
    figures: Iterable[Figure], *, max_per_figure: int = DEFAULT_MAX_PER_FIGURE
) -> ConflictList:
    """Every conflict in every figure, up to `max_per_figure` per figure (see the module docstring)."""
    result = ConflictList()
    with no_cycle_collection():
        for figure in figures:
            found = _figure_conflicts(figure, max_per_figure + 1)
            if len(found) > max_per_figure:
                del found[max_per_figure:]
                result.capped[figure.id] = max_per_figure
            result.extend(found)
    if result.capped:
        # One line, not one per figure: a large ledger may cap thousands.
        shown = sorted(result.capped)[:5]
        logger.warning("conflict listing stopped after %d conflicts in %d figure(s) (%s%s); more exist "
                       "there, see ConflictList.capped", max_per_figure, len(result.capped),
                       ", ".join(shown), ", ..." if len(result.capped) > len(shown) else "")
    return result


def _figure_conflicts(figure: Figure, limit: int) -> list[Conflict]:
    found: list[Conflict] = []
    kind = figure.subject.split(" (", 1)[0]  # `people (on board)`: a listed kind with what narrows it
    if figure.measure == "other" and (figure.unit is not None or kind not in known_kinds()) \
            and not figure.subject.startswith(("share of ", "money (")):
        return found  # unkeyed shares, money and unlisted things of `other` are too loosely keyed to contradict
    # Without an actor or a place, two articles may count different events: compare within one only,
    # unless the figure is one story's and both claims name who said them (the story is the event; an
    # unattributed number of another article may be of a side event the story's key gave it).
    nobodys_nowhere = figure.actor is None and figure.place is None
    same_article_only = nobodys_nowhere and figure.story is None
    for modalities in _COMPARABLE_MODALITIES:
        dated = []
        for position, claim in enumerate(figure.claims):
            # A claim whose measure only its kind implies (an `other` count of infections in a cases
            # figure, kronika.reconcile.identity) is shown in the figure but never one end of a conflict.
            if claim.modality in modalities and claim.measure == figure.measure and \
                    (when := claim_time(claim)) is not None:
                dated.append(_Dated(when.start, when.end, value_interval(claim), position))
        dated.sort(key=lambda d: (d.start, d.end, d.position))
        # a figure that compares within one article only never sees the pairs of two (most of the pairs
        # its sweep meets): the same pairs remain, in the same order
        articles = [figure.claims[d.position].article for d in dated] if same_article_only else None
        pairs = [("disjoint", _disjoint_while_overlapping(dated, articles))]
        if figure.cumulative and modalities is FACTUAL_MODALITIES:
            pairs.append(("cumulative_drop", _later_and_lower(dated)))
        if modalities is FACTUAL_MODALITIES:
            pairs.append(("denial", _denied_statements(figure, same_article_only)))
        for rule, found_pairs in pairs:
            for first, second in found_pairs:
                a, b = figure.claims[first], figure.claims[second]
                if (same_article_only and a.article != b.article) or not _rivals(a, b):
                    continue
                if nobodys_nowhere and a.article != b.article and (a.source is None or b.source is None
                                                                   or _ratio(a, b) > OWN_WORD_RATIO):
                    continue
                if rule == "disjoint" and _other_hours(a, b):
                    continue  # a live blog's 12:00 and 17:00 readings of one day are two moments, not rivals
                if rule == "disjoint" and figure.subject.startswith(_GROWS_THROUGH_THE_DAY) and _one_at_an_hour(a, b):
                    continue  # turnout at 11:00 and the day's turnout: it grows until the polls close
                if figure.actor and a.article != b.article and (_bare(a) or _bare(b)):
                    continue  # a bare number borrows whose and where from the figure: no rival elsewhere
                if rule == "cumulative_drop" and figure.scope == "incident" and _days_between(a, b) > DROP_DAYS:
                    continue  # weeks apart in one story, two counts may be two incidents (two strikes)
                if len(found) >= limit:
                    return found
                found.append(_conflict(figure, rule, figure.claims[first], figure.claims[second]))
    return found


def _denied_statements(figure: Figure, same_article_only: bool) -> Iterator[tuple[int, int]]:
    """(stated, denial) pairs: another voice's value, stated no later, that a denial sets aside (`356
    osób, nie 312` against the operator's 312). Values are looked up by bisection: a denial meets only
    the claims inside its own interval."""
    denials = [p for p, c in enumerate(figure.claims) if c.modality == "denied" and c.measure == figure.measure]
    if not denials:
        return
    stated = sorted((c.value, p) for p, c in enumerate(figure.claims)
                    if c.modality in FACTUAL_MODALITIES and c.measure == figure.measure)
    values = [value for value, _ in stated]
    for d in denials:
        denial, when = figure.claims[d], claim_time(figure.claims[d])
        if when is None:
            continue
        if denial.qualifier not in (None, "exact", "approx"):
            continue  # `nie ponad 100`, `nie do 20 tys.`: a bound set aside, not a value another voice stated
        interval = value_interval(denial)
        voices = set()
        for _, p in stated[bisect.bisect_left(values, interval.low):bisect.bisect_right(values, interval.high)]:
            claim = figure.claims[p]
            said = claim_time(claim)
            if said is None or said.start > when.end or (same_article_only and claim.article != denial.article):
                continue  # a denial answers what was said before it
            speaker = voice(claim)
            if (speaker is None or speaker != voice(denial)) and (speaker is None or speaker not in voices):
                voices.add(speaker)
                yield p, d  # once per voice it answers


def _bare(claim: Claim) -> bool:
    """A number that states neither whose, nor where, nor who says it: in a figure of an actor it joins on
    what the rest of its story names, so it is shown there, but contradicts only claims of its article."""
    return not (claim.actor or claim.place or claim.source)


# The hours a part of the day spans (kronika.timex dayparts), to tell whether two readings of one day may be
# of one moment: `rano` and `o 8:00` may, `w południe` and `o 17:00` may not.
_DAYPARTS = {"MO": (5, 12), "MI": (11, 14), "AF": (12, 18), "EV": (17, 23), "NI": (22, 30)}
_CLOCK = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:(\d{2}):(\d{2})|([A-Z]{2}))$")


def _hours(reference_time: str | None) -> tuple[str, float, float] | None:
    """(day, first hour, last hour) of a reference time that names a clock time or a part of the day."""
    found = _CLOCK.match(reference_time or "")
    if found is None:
        return None
    if found.group(2) is not None:
        hour = int(found.group(2)) + int(found.group(3)) / 60
        return found.group(1), hour, hour
    span = _DAYPARTS.get(found.group(4))
    return (found.group(1), float(span[0]), float(span[1])) if span else None


# Shares that only grow through the day they are counted on: a reading at an hour is no rival of the day's.
_GROWS_THROUGH_THE_DAY = ("share of turnout",)


def _one_at_an_hour(a: Claim, b: Claim) -> bool:
    """One claim names an hour of a day and the other that day alone (`do godz. 11 17,9 proc.` beside the
    day's 67 proc.)."""
    first, second = _hours(a.reference_time), _hours(b.reference_time)
    return (first is None) != (second is None)


def _other_hours(a: Claim, b: Claim) -> bool:
    """Two claims of one day at hours that cannot be one moment (a reading at noon, another at 17:00)."""
    first, second = _hours(a.reference_time), _hours(b.reference_time)
    if first is None or second is None or first[0] != second[0]:
        return False
    return first[2] < second[1] or second[2] < first[1]


# An incident's toll that falls within this many days is a contradiction; further apart, in one story
# (a war front, an epidemic), the later count may be of another incident. Running totals fall never.
DROP_DAYS = 7


def _days_between(earlier: Claim, later: Claim) -> int:
    first, second = claim_time(earlier), claim_time(later)
    return 0 if first is None or second is None else max(0, second.start - first.end)


RIVAL_RATIO = 10  # values further apart than this are different quantities under one key, not rivals
OWN_WORD_RATIO = 3  # ... and an unattributed value this far from another in its article (or any value of
# another article in a figure keyed by its story alone)


def _rivals(a: Claim, b: Claim) -> bool:
    """Two claims can be rival estimates of one quantity: not two numbers of one sentence (a comparison,
    a part, another measure), and within an order of magnitude of each other."""
    if a.article == b.article and a.sentence == b.sentence and a.span != b.span:
        return False
    if (a.place or None) != (b.place or None) and voice(a) is not None and voice(a) == voice(b):
        return False  # one voice counting a place and the whole (or another place): two quantities
    if "vague" in (a.qualifier, b.qualifier):
        return False  # `kilka tysięcy`: the bounds are the word's convention, not what the source stated
    if _regional(a) != _regional(b) and (a.value < b.value) == _regional(a):
        return False  # a governor's 19 dead below the national agency's 46: maybe his province's part of them
    if a.article == b.article and (a.source is None or b.source is None) and _ratio(a, b) > OWN_WORD_RATIO:
        # An outlet's own number, unattributed, set that far from a count it reports in the same article is
        # another quantity it has (a part: `sześcioro dzieci` of the 23 wounded), not a rival it leaves unsaid
        return False
    return _ratio(a, b) <= RIVAL_RATIO


def _regional(claim: Claim) -> bool:
    """The claim's source is a province's or a state's own office (regional_offices.txt) and the claim is
    not placed in an area of its own: no place, or only a country's (a count it places in its area, `w
    obwodzie charkowskim`, is that area's whole)."""
    if claim.source is None or word_starts("regional_offices.txt", "pl").search(claim.source.casefold()) is None:
        return False
    return claim.place is None or (entity_info(claim.place) or {}).get("kind") == "country"


def _ratio(a: Claim, b: Claim) -> float:
    """How many times the larger value is the smaller (infinite when one is zero)."""
    low, high = sorted((abs(a.value), abs(b.value)))
    return high / low if low > 0 else math.inf


# Heap entries are (bound, rank, index). The rank orders equal bounds so that "wholly below/above",
# with its open and closed ends, is one tuple comparison: a walk then only visits true conflicts
# (and claims whose time has closed), never the many claims that merely touch the current one.
_Entry = tuple[float, int, int]


def _upper_entry(values: ValueInterval, index: int) -> _Entry:
    # Ordered by upper bound; an open upper end sorts first (it is "lower" than a closed one).
    return (values.high, 0 if values.high_open else 1, index)


def _lower_entry(values: ValueInterval, index: int) -> _Entry:
    # Ordered by lower bound, largest first; an open lower end sorts first (it is "higher").
    return (-values.low, 0 if values.low_open else 1, index)


def _below_threshold(values: ValueInterval) -> tuple[float, int]:
    """Upper entries at or under this are wholly below `values`."""
    return (values.low, 1 if values.low_open else 0)


def _above_threshold(values: ValueInterval) -> tuple[float, int]:
    """Lower entries at or under this are wholly above `values`."""
    return (-values.high, 1 if values.high_open else 0)


def _heap_walk(heap: list[_Entry], threshold: tuple[float, int]) -> Iterator[int]:
    """Indices of min-heap entries whose (bound, rank) <= threshold, visiting only where that holds."""
    stack = [0]
    while stack:
        at = stack.pop()
        if at < len(heap) and heap[at][:2] <= threshold:
            yield heap[at][2]
            stack.append(2 * at + 2)
            stack.append(2 * at + 1)


def _disjoint_while_overlapping(dated: list[_Dated], groups: list[str] | None = None) -> Iterator[tuple[int, int]]:
    """Pairs (as figure positions, earlier first) whose times overlap and values do not; with `groups`
    (one per claim), only the pairs of one group. The heap walks (`_heap_walk`) are written out here:
    a contested figure's sweep visits a hundred thousand entries."""
    by_high: list[_Entry] = []  # claims seen so far, by upper bound
    by_low: list[_Entry] = []  # claims seen so far, by lower bound (largest first)
    ends: list[tuple[int, int]] = []  # their end days, to count the claims whose time has closed
    closed = 0
    for k, current in enumerate(dated):
        start = current.start
        while ends and ends[0][0] <= start:
            heapq.heappop(ends)
            closed += 1
        while by_high and dated[by_high[0][2]].end <= start:
            heapq.heappop(by_high)
        while by_low and dated[by_low[0][2]].end <= start:
            heapq.heappop(by_low)
        if closed * 2 > len(by_high) + 16:  # the heaps mostly hold closed claims: rebuild them
            by_high = [e for e in by_high if dated[e[2]].end > start]
            by_low = [e for e in by_low if dated[e[2]].end > start]
            heapq.heapify(by_high)
            heapq.heapify(by_low)
            closed = 0
        values = current.values
        position = current.position
        group = groups[k] if groups is not None else None
        for heap, threshold in ((by_high, _below_threshold(values)), (by_low, _above_threshold(values))):
            size = len(heap)
            stack = [0]
            pop, push = stack.pop, stack.append
            while stack:
                at = pop()
                if at < size and heap[at][:2] <= threshold:
                    j = heap[at][2]
                    # still open in time: a conflict
                    if dated[j].end > start and (group is None or groups[j] == group):  # type: ignore[index]
                        other = dated[j].position
                        yield (other, position) if other < position else (position, other)
                    push(2 * at + 2)
                    push(2 * at + 1)
        heapq.heappush(by_high, _upper_entry(values, k))
        heapq.heappush(by_low, _lower_entry(values, k))
        heapq.heappush(ends, (current.end, k))


def _later_and_lower(dated: list[_Dated]) -> Iterator[tuple[int, int]]:
    """Pairs (earlier, later) where the later claim's time is wholly after and its values wholly below."""
    by_end = sorted(range(len(dated)), key=lambda k: (dated[k].end, k))
    past: list[_Entry] = []  # claims whose time closed before the current one starts, by lower bound
    next_closed = 0
    for current in dated:
        while next_closed < len(by_end) and dated[by_end[next_closed]].end <= current.start:
            k = by_end[next_closed]
            heapq.heappush(past, _lower_entry(dated[k].values, k))
            next_closed += 1
        for j in _heap_walk(past, _above_threshold(current.values)):
            yield dated[j].position, current.position


def _conflict(figure: Figure, rule: str, first: Claim, second: Claim) -> Conflict:
    same = voice(first) is not None and voice(first) == voice(second)
    one, two = describe_interval(value_interval(first)), describe_interval(value_interval(second))
    if rule == "denial":
        reason = (f"{_speaker(second)} denies the {describe_value(first)} {_speaker(first)} "
                  f"stated: {cite(second)} vs {cite(first)}")
        return Conflict(figure.id, rule, (first, second), reason, same)
    if rule == "cumulative_drop":
        who = f"; {_speaker(first)} lowered its own count" if same else ""
        reason = (f"{cite(first)} then {cite(second)}: {figure.measure} is cumulative and cannot fall, "
                  f"but {two} lies wholly below {one}{who}")
        return Conflict(figure.id, rule, (first, second), reason, same)
    if same:
        reason = (f"{_speaker(first)} contradicts itself: {cite(first, with_source=False)} vs "
                  f"{cite(second, with_source=False)}: intervals {one} and {two} do not overlap")
        return Conflict(figure.id, "self_contradiction", (first, second), reason, True)
    reason = f"{cite(first)} vs {cite(second)}: intervals {one} and {two} do not overlap"
    return Conflict(figure.id, rule, (first, second), reason, False)


def _speaker(claim: Claim) -> str:
    if not claim.source and claim.outlet:
        return f"{claim.outlet} (in its own voice)"
    return source_label(claim)
