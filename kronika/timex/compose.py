"""Join readings that stand side by side into one expression, as the benchmark and TIMEX3 span them:
`drugiej połowy` + `XX wieku`, `wtorek,` + `15.08.2006`, `22 lutego` + `o godz. 17.00`,
`dziś` + `w nocy`; and lend a year across `kwietnia i maja przyszłego roku`."""
from __future__ import annotations

from dataclasses import replace

from kronika.timex.reading import Reading
from kronika.timex.tokens import Tokens

# Words that may stand between a date and the clock time that refines it; the value is the
# modifier they add (`w środę po godz. 13`: after).
_DATE_TIME_GLUE = {"o": None, "ok": "APPROX", "okolo": "APPROX", "po": "AFTER", "przed": "BEFORE"}
# Words that join two coordinated dates (`kwietnia i maja 2005`, `od października do marca 2024`).
_COORDINATION = {"i", "oraz", "lub", "albo", "-", "do", "a", ","}


def _gap(tokens: Tokens, left: int, right: int) -> list[str]:
    """The words and punctuation between two token positions, spaces dropped."""
    return [w for w, k in zip(tokens.folded[left:right], tokens.kinds[left:right], strict=True) if k != " "]


def _spaced_only(tokens: Tokens, left: int, right: int, allowed: set[str]) -> bool:
    return "|" not in tokens.kinds[left:right] and all(w in allowed for w in _gap(tokens, left, right))


def _calendar(reading: Reading) -> bool:
    """A DATE that a part of period can cut: a year, month, century, decade, season, shifted period."""
    return reading.type == "DATE" and not reading.weak and not reading.has_date and reading.fixed is None


def _join_part(part: Reading, date: Reading) -> Reading:
    joined = replace(date, first=part.first, attrs=dict(date.attrs))
    if part.half and (date.century is not None or date.year is not None or date.year_shift is not None):
        joined.half = part.half
    else:
        joined.mod = part.mod
    return joined


def _is_night_between(night: Reading, first: Reading, second: Reading, tokens: Tokens) -> bool:
    return (night.weak and night.daypart == "NI" and first.has_date and second.has_date
            and _spaced_only(tokens, night.last, first.first, {"z", "ze"})
            and _spaced_only(tokens, first.last, second.first, {"na"}))


def _join_night(night: Reading, first: Reading, second: Reading) -> Reading:
    """`nocy z soboty na niedzielę`: the night that begins on the first day."""
    joined = _join_time(first, replace(night, last=second.last), [])
    joined.first = night.first
    return joined


def _join_time(date: Reading, time: Reading, glue: list[str]) -> Reading:
    joined = replace(time, first=date.first, attrs=dict(time.attrs), weak=False, lead=None)
    for name in ("year", "year_shift", "month", "month_shift", "day", "day_shift", "anaphoric",
                 "week_shift", "weekday", "weekday_shift", "nth"):
        setattr(joined, name, getattr(date, name))
    for word in glue:
        if _DATE_TIME_GLUE.get(word):
            joined.attrs["mod"] = _DATE_TIME_GLUE[word]  # type: ignore[assignment]
    return joined


def _in_daypart(hour: int, daypart: str | None) -> int:
    """The hour on a 24-hour clock once the part of the day is known: o ósmej wieczorem is 20."""
    if hour < 12 and (daypart in ("AF", "EV") or (daypart == "NI" and hour >= 7)):
        return hour + 12
    return hour


def _try_join(left: Reading, right: Reading, tokens: Tokens) -> Reading | None:
    gap_start, gap_end = left.last, right.lead if right.lead is not None else right.first
    if left.weak and left.mod and _calendar(right) and _spaced_only(tokens, gap_start, right.first, set()):
        return _join_part(left, right)
    if left.type == "DATE" and left.weekday is not None and left.day is None and right.type == "DATE" \
            and right.day is not None and _spaced_only(tokens, gap_start, right.first, {","}):
        return replace(right, first=left.first, weekday=left.weekday, attrs=dict(right.attrs))
    if left.has_date and not left.weak and right.type == "TIME" and right.hour is not None \
            and _spaced_only(tokens, gap_start, right.first, {","} | set(_DATE_TIME_GLUE) | {"."}):
        return _join_time(left, right, _gap(tokens, gap_start, right.first))
    if (left.has_date or left.type == "TIME") and not left.weak and right.weak and right.daypart \
            and _spaced_only(tokens, gap_start, gap_end, {","}):
        joined = _join_time(left, right, [])
        if right.day_shift and joined.day_shift is not None:
            joined.day_shift += right.day_shift
        if left.hour is not None:
            joined.hour, joined.minute = _in_daypart(left.hour, right.daypart), left.minute
        return joined
    return None


def _lend_year(left: Reading, right: Reading, tokens: Tokens) -> None:
    """`kwietnia i maja przyszłego roku`: the first date borrows the year of the second."""
    if left.type != "DATE" or left.month is None or left.year is not None or left.year_shift is not None:
        return
    if right.month is None or (right.year is None and right.year_shift is None):
        return
    if _spaced_only(tokens, left.last, right.first, _COORDINATION):
        left.year, left.year_shift = right.year, right.year_shift


def compose(readings: list[Reading], tokens: Tokens) -> list[Reading]:
    """Readings joined where they belong together; weak readings that joined nothing are dropped."""
    joined: list[Reading] = []
    for reading in readings:
        if joined:
            merged = _try_join(joined[-1], reading, tokens)
            if merged is not None:
                joined[-1] = merged
                continue
        if len(joined) >= 2 and _is_night_between(joined[-2], joined[-1], reading, tokens):
            joined[-2:] = [_join_night(joined[-2], joined[-1], reading)]
            continue
        joined.append(reading)
    for left, right in zip(joined, joined[1:], strict=False):
        _lend_year(left, right, tokens)
    kept = []
    for reading in joined:
        if reading.weak and not reading.standalone:
            continue
        reading.weak = False
        kept.append(reading)
    return kept
