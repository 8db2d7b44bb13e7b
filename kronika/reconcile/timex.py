"""TIMEX3 date values as day intervals, so that reference times can be compared.

`2024` is the whole year, `2024-11` the month, `2025-01-15` the day. An interval is half-open in days:
[start, end) as proleptic Gregorian ordinals (`date.toordinal()`), so `2024` and `2024-11` overlap and
`2024-12-31` ends where `2025` starts.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kronika.claim import Claim

logger = logging.getLogger(__name__)

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})(?:-XX(?:-XX)?)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_DECADE = re.compile(r"^(\d{3})X?$")
# Season -> (first month, number of months); winter runs into the next year.
_SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "AU": (9, 3), "WI": (12, 3)}


@dataclass(frozen=True, slots=True)
class TimeInterval:
    """Days [start, end) as date ordinals."""

    start: int
    end: int

    def overlaps(self, other: TimeInterval) -> bool:
        return self.start < other.end and other.start < self.end

    def before(self, other: TimeInterval) -> bool:
        """Wholly earlier than `other`."""
        return self.end <= other.start

    @property
    def first_day(self) -> date:
        return date.fromordinal(self.start)

    @property
    def last_day(self) -> date:
        return date.fromordinal(self.end - 1)


def _months(year: int, month: int, count: int) -> TimeInterval:
    first = date(year, month, 1)
    end_index = year * 12 + (month - 1) + count
    end = date(end_index // 12, end_index % 12 + 1, 1)
    return TimeInterval(first.toordinal(), end.toordinal())


def _parse(value: str) -> TimeInterval | None:
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
        return TimeInterval(day, day + 1)
    if m := _MONTH.match(value):
        return _months(int(m[1]), int(m[2]), 1)
    if m := _YEAR.match(value):
        return _months(int(m[1]), 1, 12)
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
        return TimeInterval(monday, monday + 7)
    if m := _QUARTER.match(value):
        return _months(int(m[1]), 3 * int(m[2]) - 2, 3)
    if m := _HALF.match(value):
        return _months(int(m[1]), 6 * int(m[2]) - 5, 6)
    if m := _SEASON.match(value):
        month, count = _SEASONS[m[2]]
        return _months(int(m[1]), month, count)
    if m := _DECADE.match(value):
        return _months(int(m[1]) * 10, 1, 120)
    return None


@lru_cache(maxsize=65536)
def parse_timex(value: str | None) -> TimeInterval | None:
    """The day interval of a TIMEX3 date value, or None when it is absent or not a calendar date
    (`PRESENT_REF`, `XXXX-11`, a duration)."""
    if not value:
        return None
    try:
        interval = _parse(value.strip())
    except ValueError:  # e.g. month 13 or week 54: a malformed value is treated as unknown
        interval = None
    if interval is None:
        logger.debug("not a calendar TIMEX3 value: %r", value)
    return interval


def describe_days(interval: TimeInterval) -> str:
    """`2025-01-15` for one day, `2024-01-01..2024-12-31` otherwise."""
    if interval.end - interval.start == 1:
        return interval.first_day.isoformat()
    return f"{interval.first_day.isoformat()}..{interval.last_day.isoformat()}"


def claim_time(claim: Claim) -> TimeInterval | None:
    """When a claim's figure holds: its reference time, else its publication date, else None (also for a
    figure the text places before the story, `przed wojną`: reference basis `before`)."""
    if claim.reference_basis == "before":
        return None
    return parse_timex(claim.reference_time) or parse_timex(claim.published)
