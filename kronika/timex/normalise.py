"""Readings to TIMEX3 values, resolved against the publication date with news conventions.

- A month, day or season without a year, and a weekday, point to the occurrence nearest to the
  publication date that agrees with the tense of the nearest verb (past: on or before it; future:
  on or after it); with no verb, simply the nearest, the past winning a tie.
- What cannot be resolved stays underspecified (`XXXX-01`), never guessed.
- A clock time with no day of its own belongs to the day last named in the text, else to the
  publication date; so does `tego dnia`.
"""
from __future__ import annotations

import logging
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from kronika.timex.reading import Reading
from kronika.timex.tense import names_target, tense_near
from kronika.timex.tokens import Tokens

logger = logging.getLogger(__name__)

_SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_CLOCK_UNITS = {"H": "H", "MIN": "M", "S": "S"}
_MONTHS_PER_UNIT = {"Q": 3, "HY": 6}
_PREPOSITION_ANCHORS = {"od": "since", "ode": "since", "do": "until", "po": "after", "przed": "before",
                        "sprzed": "before"}


@dataclass(slots=True)
class Context:
    """What resolution needs beyond the reading: the publication date, the text, the last day named."""

    published: date | None
    tokens: Tokens
    last_day: date | None = None  # the last day named, for `tego dnia`
    scene_day: date | None = None  # the last day named as the day of an event, for clock times
    last_year: int | None = None
    last_month: str | None = None  # the last month named (`2026-03`), for `w tym samym miesiącu`
    last_week: str | None = None  # the last week named (`2026-W16`), for `w tym samym tygodniu`

    def tense(self, reading: Reading) -> str | None:
        if names_target(self.tokens, reading.first):
            return None  # the nearest occurrence, whatever the tense of the arranging
        return tense_near(self.tokens, reading.first, reading.last)


def _number(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def _pick(candidates: list[tuple[date, date]], anchor: date, tense: str | None) -> date:
    """Of (start, end) occurrences, the one the tense points to, nearest to the anchor; returns start."""
    if tense == "past":
        past = [c for c in candidates if c[0] <= anchor]
        if past:
            return max(past)[0]
    elif tense == "future":
        future = [c for c in candidates if c[1] >= anchor]
        if future:
            return min(future)[0]

    def distance(c: tuple[date, date]) -> tuple[int, int]:
        if c[0] <= anchor <= c[1]:
            return 0, 0
        gap = (c[0] - anchor).days if c[0] > anchor else (anchor - c[1]).days
        return gap, 1 if c[0] > anchor else 0  # a tie goes to the past

    return min(candidates, key=distance)[0]


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))


def day_exists(year: int | None, month: int, day: int) -> bool:
    """31.02, 30 lutego, 31 kwietnia: written by mistake, never normalised. Without a year, 29 February
    may still exist."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else monthrange(2001, month)[1])
    return 1 <= year <= 9999 and day <= monthrange(year, month)[1]


def _infer_year(reading: Reading, ctx: Context, month: int, day: int | None) -> int | None:
    if ctx.published is None:
        return None
    candidates = []
    for year in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1):
        try:
            start = date(year, month, day or 1)
        except ValueError:
            continue
        candidates.append((start, start if day else _month_end(year, month)))
    if not candidates:
        return None
    return _pick(candidates, ctx.published, ctx.tense(reading)).year


def _year(reading: Reading, ctx: Context) -> int | None:
    if reading.year is not None:
        return reading.year
    if reading.year_shift is not None and ctx.published is not None:
        return ctx.published.year + reading.year_shift
    return None


def _weekday_date(reading: Reading, ctx: Context) -> date | None:
    assert ctx.published is not None
    published = ctx.published
    target = 6 if reading.weekend else reading.weekday
    assert target is not None
    back = (published.isoweekday() - target) % 7
    previous = published - timedelta(days=back)
    following = published + timedelta(days=(target - published.isoweekday()) % 7)
    if reading.weekday_shift == -1:
        return previous if back else previous - timedelta(days=7)
    if reading.weekday_shift == 1:
        return following if following > published else following + timedelta(days=7)
    span = 1 if reading.weekend else 0
    candidates = [(previous, previous + timedelta(days=span)), (following, following + timedelta(days=span))]
    return _pick(candidates, published, ctx.tense(reading))


def _week_of_month(year: int, month: int, nth: int) -> str:
    """The ISO week of the nth week of a month (days 1-7, 8-14, ...; -1 the last seven days), named by
    the week its middle day falls in."""
    last = monthrange(year, month)[1]
    middle = last - 3 if nth == -1 else min(7 * (nth - 1) + 4, last)
    iso = date(year, month, middle).isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    if nth == -1:
        last = _month_end(year, month)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    return day if day.month == month else None


def _season(reading: Reading, ctx: Context) -> str:
    season = reading.season
    assert season is not None
    year = _year(reading, ctx)
    if year is None and ctx.published is not None:
        published = ctx.published
        if published.month in _SEASON_MONTHS[season]:
            year = published.year
        else:
            start = _SEASON_START[season]
            past = published.year if start < published.month else published.year - 1
            future = published.year if start > published.month else published.year + 1
            tense = ctx.tense(reading)
            if tense in ("past", "future"):
                year = past if tense == "past" else future
            else:
                to_past = (published.month - start) % 12
                to_future = (start - published.month) % 12
                year = past if to_past <= to_future else future
    return f"{year:04d}-{season}" if year is not None else f"XXXX-{season}"


def _date_value(reading: Reading, ctx: Context) -> str | None:
    """The calendar part of a DATE or TIME reading."""
    published = ctx.published
    if reading.fixed is not None:
        return reading.fixed
    if "event" in reading.attrs:
        return None
    if reading.anaphoric == "year":
        year = ctx.last_year or (published.year if published else None)
        return f"{year:04d}" if year else "XXXX"
    if reading.anaphoric in ("month", "week"):
        return _same_period(reading.anaphoric, ctx)
    if reading.anaphoric == "day":
        base = ctx.last_day or published
        if base is None:
            return "XXXX-XX-XX"
        return (base + timedelta(days=reading.day_shift or 0)).isoformat()
    if reading.day_shift is not None:
        if published is None:
            return "XXXX-XX-XX"
        return (published + timedelta(days=reading.day_shift)).isoformat()
    if reading.nth is not None and reading.month is not None and reading.weekday is not None:
        year = _year(reading, ctx) or _infer_year(reading, ctx, reading.month, None)
        found = _nth_weekday(year, reading.month, reading.weekday, reading.nth) if year else None
        return found.isoformat() if found else f"XXXX-{reading.month:02d}"
    if (reading.weekday is not None and reading.day is None) or reading.weekend:
        if published is None:
            return "XXXX-WXX-WE" if reading.weekend else f"XXXX-WXX-{reading.weekday}"
        day = _weekday_date(reading, ctx)
        assert day is not None
        if reading.weekend:
            iso = day.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}-WE"
        return day.isoformat()
    if reading.week is not None:
        year = _year(reading, ctx)
        return f"{year:04d}-W{reading.week:02d}" if year else f"XXXX-W{reading.week:02d}"
    if reading.week_of_month is not None and reading.month is not None:
        year = _year(reading, ctx) or _infer_year(reading, ctx, reading.month, None)
        if year is None:
            return f"XXXX-{reading.month:02d}"
        return _week_of_month(year, reading.month, reading.week_of_month)
    if reading.week_shift is not None:
        if published is None:
            return "XXXX-WXX"
        iso = (published + timedelta(weeks=reading.week_shift)).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if reading.month_shift is not None:
        if published is None:
            return "XXXX-XX"
        index = published.year * 12 + published.month - 1 + reading.month_shift
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if reading.century is not None:
        return f"{reading.century:02d}" + (f"-H{reading.half}" if reading.half else "")
    if reading.decade is not None:
        return f"{reading.decade:03d}"
    if reading.season is not None:
        return _season(reading, ctx)
    year = _year(reading, ctx)
    if reading.month is not None:
        if year is None:
            year = _infer_year(reading, ctx, reading.month, reading.day)
        text_year = f"{year:04d}" if year is not None else "XXXX"
        if reading.day is not None:
            if not day_exists(year, reading.month, reading.day):
                reading.attrs["invalid"] = "no such day"
                return None
            return f"{text_year}-{reading.month:02d}-{reading.day:02d}"
        return f"{text_year}-{reading.month:02d}"
    if reading.quarter is not None:
        return f"{year:04d}-Q{reading.quarter}" if year is not None else f"XXXX-Q{reading.quarter}"
    if reading.half is not None:
        return f"{year:04d}-H{reading.half}" if year is not None else f"XXXX-H{reading.half}"
    if year is not None:
        return f"{year:04d}"
    if reading.year_shift is not None:
        return "XXXX"
    if reading.type == "TIME":
        return None
    return "XXXX-XX-XX"


def _clock(reading: Reading) -> str:
    if reading.hour is not None:
        return f"T{reading.hour:02d}:{reading.minute or 0:02d}"
    return f"T{reading.daypart}"


def _duration(amount: float | None, unit: str | None) -> str:
    if amount is None or unit is None:
        return "VAGUE"
    if unit in _CLOCK_UNITS:
        return f"PT{_number(amount)}{_CLOCK_UNITS[unit]}"
    if unit in _MONTHS_PER_UNIT:
        return f"P{_number(amount * _MONTHS_PER_UNIT[unit])}M"
    return f"P{_number(amount)}{unit}"


def value_of(reading: Reading, ctx: Context) -> str | None:
    """The TIMEX3 value of one reading."""
    if reading.type == "DURATION":
        return _duration(reading.amount, reading.unit)
    if reading.type == "SET":
        if reading.fixed is not None:
            return reading.fixed
        if reading.weekday is not None:
            return f"XXXX-WXX-{reading.weekday}"
        return _duration(reading.amount, reading.unit)
    if reading.type == "TIME" and reading.fixed is not None:
        return reading.fixed
    calendar = _date_value(reading, ctx)
    if reading.type == "DATE":
        return calendar
    if calendar is None:
        day = ctx.scene_day or ctx.published
        calendar = day.isoformat() if day else "XXXX-XX-XX"
    return calendar + _clock(reading)


def anchor_of(reading: Reading, tokens: Tokens) -> str:
    """since / until / before / after from the preposition before the span, else at."""
    i = reading.first - 1
    while i >= 0 and tokens.kinds[i] == " ":
        i -= 1
    if i >= 0:
        return _PREPOSITION_ANCHORS.get(tokens.folded[i], "at")
    return "at"


def _same_period(unit: str, ctx: Context) -> str:
    """`w tym samym miesiącu / tygodniu`: the month or week last named, else the publication's."""
    named = ctx.last_month if unit == "month" else ctx.last_week
    if named is not None:
        return named
    if ctx.published is None:
        return "XXXX-XX" if unit == "month" else "XXXX-WXX"
    if unit == "month":
        return f"{ctx.published.year:04d}-{ctx.published.month:02d}"
    iso = ctx.published.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


_MONTH_VALUE = re.compile(r"\d{4}-\d{2}")
_WEEK_VALUE = re.compile(r"\d{4}-W\d{2}")


def remember(reading: Reading, value: str | None, ctx: Context) -> None:
    """Keep the last year written out (for `w tym samym roku`), the last day named (for `tego dnia`),
    and the last day named as the day of an event (with a weekday, a clock time, `dziś`, a year, or
    still to come), for the clock times and `tego dnia` that follow. A past day and month alone
    (`w dniach 3-10 sierpnia`) more often recall history than set the scene."""
    if value and value[:4].isdigit() and (reading.year is not None or reading.anaphoric):
        ctx.last_year = int(value[:4])
    if value and _MONTH_VALUE.match(value):
        ctx.last_month = value[:7]  # a month, or a day's month
    if value and _WEEK_VALUE.fullmatch(value):
        ctx.last_week = value
    if not (value and len(value) >= 10 and value[4] == "-" and value[:10].replace("-", "").isdigit()):
        return
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:  # year 0000: no calendar day to remember
        return
    ctx.last_day = day
    eventful = (reading.weekday is not None or reading.hour is not None or reading.day_shift is not None
                or reading.year is not None or (ctx.published is not None and day >= ctx.published))
    if eventful:
        ctx.scene_day = day


def shift_base(anchor: str, ctx: Context) -> date | None:
    """The day a length is counted from: publication for `temu`; for `wcześniej` the day the text last
    named as an event's, else publication; for `później` that day only (on from publication would be a
    day still to come)."""
    if anchor == "ago":
        return ctx.published
    return ctx.scene_day or ctx.published if anchor == "earlier" else ctx.scene_day


def shifted_day(reading: Reading, base: date | None, sign: int) -> str | None:
    """The very day a length of days or weeks away from `base` (`tydzień wcześniej`: seven days back),
    for a figure that holds at that moment; None for other units or amounts."""
    if base is None or reading.unit not in ("D", "W") or reading.amount is None \
            or reading.amount != int(reading.amount):
        return None
    days = int(reading.amount) * (7 if reading.unit == "W" else 1)
    return (base + timedelta(days=sign * days)).isoformat()


def shifted_date(reading: Reading, base: date | None, sign: int) -> str | None:
    """The date `reading`'s length away from `base` (backwards for sign -1), at the unit's grain."""
    if base is None or reading.amount is None or reading.amount != int(reading.amount):
        return None
    amount, published = -sign * int(reading.amount), base
    if reading.unit == "Y":
        return f"{published.year - amount:04d}"
    if reading.unit == "M":
        index = published.year * 12 + published.month - 1 - amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if reading.unit == "W":
        iso = (published - timedelta(weeks=amount)).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if reading.unit == "D":
        return (published - timedelta(days=amount)).isoformat()
    return None
