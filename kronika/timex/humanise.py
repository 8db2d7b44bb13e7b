"""TIMEX3 values in words for people: `XXXX-WXX-4` is "a Thursday", `2024-FA` "autumn 2024"; a full
ISO date stays as it is. The code itself is kept beside it wherever it is shown.

    >>> [humanise(v) for v in ("2024-09-17", "2024-FA", "XXXX-WXX-4", "2024-W38", "2024-09-17T14:00")]
    ['2024-09-17', 'autumn 2024', 'a Thursday', 'week 38 of 2024', '2024-09-17 14:00']
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_DAYS = {str(n + 1): name for n, name in enumerate(calendar.day_name)}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}

Render = Callable[[re.Match[str]], str]
_RULES: list[tuple[re.Pattern[str], Render]] = []


def _rule(pattern: str) -> Callable[[Render], Render]:
    def register(render: Render) -> Render:
        _RULES.append((re.compile(pattern), render))
        return render
    return register


@_rule(r"\d{4}(-\d{2}(-\d{2})?)?")
def _iso(m: re.Match[str]) -> str:
    return m.group(0)


@_rule(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?")
def _clock(m: re.Match[str]) -> str:
    return f"{m.group(1)} {m.group(2)}"


@_rule(r"(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)")
def _day_part(m: re.Match[str]) -> str:
    return f"{m.group(1)}, {_PARTS[m.group(2)]}"


@_rule(r"(\d{4}|XXXX)-(SP|SU|FA|WI)")
def _season(m: re.Match[str]) -> str:
    season = _SEASONS[m.group(2)]
    return f"a {season}" if "X" in m.group(1) else f"{season} {m.group(1)}"


@_rule(r"(\d{4}|XXXX)-W(\d{2}|XX)-([1-7])")
def _weekday(m: re.Match[str]) -> str:
    day = _DAYS[m.group(3)]
    if "X" in m.group(0)[:9]:
        return f"a {day}"
    return f"{day} of week {int(m.group(2))} of {m.group(1)}"


@_rule(r"(\d{4})-W(\d{2})")
def _week(m: re.Match[str]) -> str:
    return f"week {int(m.group(2))} of {m.group(1)}"


@_rule(r"(\d{4})-Q([1-4])")
def _quarter(m: re.Match[str]) -> str:
    return f"Q{m.group(2)} {m.group(1)}"


@_rule(r"(\d{4})-H([12])")
def _half(m: re.Match[str]) -> str:
    return f"{'first' if m.group(2) == '1' else 'second'} half of {m.group(1)}"


@_rule(r"XXXX-(\d{2})(-(\d{2}))?")
def _no_year(m: re.Match[str]) -> str:
    month = calendar.month_name[int(m.group(1))] if 1 <= int(m.group(1)) <= 12 else m.group(1)
    return f"{int(m.group(3))} {month}, year unknown" if m.group(3) else f"{month}, year unknown"


@_rule(r"(\d{3})X?")
def _decade(m: re.Match[str]) -> str:
    return f"the {m.group(1)}0s"


@_rule(r"PRESENT_REF|PAST_REF|FUTURE_REF")
def _reference(m: re.Match[str]) -> str:
    return _REFS[m.group(0)]


def humanise(value: str | None) -> str | None:
    """`value` (a TIMEX3 code) in words or an ISO date; a code no rule reads comes back unchanged."""
    if not value:
        return None
    for pattern, render in _RULES:
        if match := pattern.fullmatch(value):
            return render(match)
    return value
