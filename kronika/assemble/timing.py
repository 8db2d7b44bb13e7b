"""When a figure holds: the time expression that scopes it, else the publication date.

`do połowy stycznia ... straciły` holds at its date; `od października 2023 r. ... wysłała` is
cumulative since then, as of publication (reference_basis `since:2023-10`). A sentence that continues
the previous one (`To zarówno...`) keeps its time. An article without a publication date is anchored on
the latest full date it mentions, so `w styczniu` after `jesienią 2024 roku` is January 2025.
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass

from kronika.assemble.sentence import Sentence
from kronika.mentions import TimeMention
from kronika.reconcile.timex import parse_timex

POINT_TYPES = frozenset({"DATE", "TIME"})
OTHER_CLAUSE_PENALTY = 20
ATTRIBUTION_PENALTY = 40
_FULL_YEAR = re.compile(r"\d{4}")
_OPEN_YEAR = re.compile(r"^XXXX-(\d{2})(-\d{2})?")
_MONTH = re.compile(r"(?:\d{4}|XXXX)-\d{2}")
_FULL_MONTH = re.compile(r"\d{4}-\d{2}")


@dataclass
class SentenceTimes:
    """The point times of one sentence (dates, clock times with a value) and their token indexes."""
    mentions: list[TimeMention]
    indexes: list[int]

    @classmethod
    def of(cls, sentence: Sentence, times: list[TimeMention]) -> SentenceTimes:
        # a length of days or weeks back or on (`dzień wcześniej`, `tydzień temu`, kronika.timex) names the day
        points = [t if t.type in POINT_TYPES else TimeMention(t.start, t.end, t.text, "DATE", t.attrs["day"], t.attrs)
                  for t in times if t.value and t.type in POINT_TYPES or t.type == "DURATION" and t.attrs.get("day")]
        return cls(points, [sentence.index_at(t.start) for t in points])


def reference_time(sentence: Sentence, times: SentenceTimes, number: int, published: str | None,
                   attribution_tokens: range | None = None,
                   carried: TimeMention | None = None, moment: bool = False) -> tuple[str | None, str | None]:
    """(reference_time, reference_basis) for the number at token `number`; `carried` is the time of
    the report this sentence continues, used when the sentence names none. With `moment` the sentence
    points back at a moment (`od września 2022 r., gdy walki trwały dwa dni. Zginęło wtedy 207`): a
    start carried there is the month it names, not a running total since then."""
    own = _nearest(sentence, times, number, attribution_tokens)
    chosen = own or carried
    if chosen is None:
        return (published, "published") if published else (None, None)
    if chosen.attrs.get("anchor") == "since" and own is None and moment and chosen.value:
        return chosen.value, "text"
    if chosen.attrs.get("anchor") == "since":
        return (published, f"since:{chosen.value}") if published else (None, f"since:{chosen.value}")
    if chosen.attrs.get("mod") == "MID" and chosen.value and _MONTH.fullmatch(chosen.value):
        return f"{chosen.value}-15", "text"  # `do połowy stycznia`: the figure holds in mid-January
    if chosen.attrs.get("mod") == "END" and chosen.value and _FULL_MONTH.fullmatch(chosen.value):
        # `do końca sierpnia wydała trzy zezwolenia`: the figure holds on the month's last day, a reading
        # of a running count, not a count of the month
        year, month = int(chosen.value[:4]), int(chosen.value[5:7])
        return f"{chosen.value}-{calendar.monthrange(year, month)[1]:02d}", "text"
    return chosen.value, "text"


def _nearest(sentence: Sentence, times: SentenceTimes, number: int,
             attribution_tokens: range | None) -> TimeMention | None:
    """The time nearest the number, dearer in another clause or inside the attribution. Penalties only
    add, so the search walks out from the number and stops where distance alone exceeds the best cost."""
    clause = range(*sentence.clause_range(number))
    indexes = times.indexes
    best: tuple[int, int] | None = None  # (cost, position): the earlier mention wins a tie
    split = bisect.bisect_left(indexes, number)
    left, right = split - 1, split
    while left >= 0 or right < len(indexes):
        left_distance = number - indexes[left] if left >= 0 else None
        right_distance = indexes[right] - number if right < len(indexes) else None
        if left_distance is not None and (right_distance is None or left_distance <= right_distance):
            position, distance, left = left, left_distance, left - 1
        else:
            position, distance, right = right, right_distance or 0, right + 1
        if best is not None and distance > best[0]:
            break
        index = indexes[position]
        cost = distance + (OTHER_CLAUSE_PENALTY if index not in clause else 0)
        if attribution_tokens is not None and (index in attribution_tokens or index == attribution_tokens.stop):
            cost += ATTRIBUTION_PENALTY
        if best is None or (cost, position) < best:
            best = (cost, position)
    return times.mentions[best[1]] if best else None


def document_anchor(times: list[TimeMention]) -> tuple[int, int] | None:
    """(year, month) of the latest fully dated expression, for articles without a publication date.
    Decades and centuries (`199`, `19`) are too coarse to anchor on."""
    latest = None
    for mention in times:
        if mention.type not in POINT_TYPES or not _FULL_YEAR.match(mention.value or ""):
            continue
        interval = parse_timex(mention.value)
        if interval is not None:
            first = interval.first_day
            point = (first.year, first.month)
            latest = max(latest, point) if latest else point
    return latest


def anchored(value: str | None, anchor: tuple[int, int] | None) -> str | None:
    """`XXXX-01-15` against an anchor of (2024, 9) is `2025-01-15`: the first such date not before it."""
    match = _OPEN_YEAR.match(value or "") if anchor else None
    if not match or anchor is None:
        return value
    month = int(match.group(1))
    year = anchor[0] if month >= anchor[1] else anchor[0] + 1
    return f"{year}{value[4:]}" if value else value
