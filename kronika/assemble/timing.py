"""When a figure holds: the time expression that scopes it, else the publication date.

`do połowy stycznia ... straciły` holds at its date; `od października 2023 r. ... wysłała` is
cumulative since then, as of publication (reference_basis `since:2023-10`). A sentence that continues
the previous one (`To zarówno...`) keeps its time. An article without a publication date is anchored on
the latest full date it mentions, so `w styczniu` after `jesienią 2024 roku` is January 2025.
"""
from __future__ import annotations

import re

from kronika.assemble.sentence import Sentence
from kronika.mentions import TimeMention
from kronika.reconcile.timex import parse_timex

POINT_TYPES = frozenset({"DATE", "TIME"})
OTHER_CLAUSE_PENALTY = 20
ATTRIBUTION_PENALTY = 40
_FULL_YEAR = re.compile(r"\d{4}")
_OPEN_YEAR = re.compile(r"^XXXX-(\d{2})(-\d{2})?")
_MONTH = re.compile(r"(?:\d{4}|XXXX)-\d{2}")


def reference_time(sentence: Sentence, times: list[TimeMention], number: int, published: str | None,
                   attribution_tokens: range | None = None,
                   carried: TimeMention | None = None) -> tuple[str | None, str | None]:
    """(reference_time, reference_basis) for the number at token `number`; `carried` is the time of
    the report this sentence continues, used when the sentence names none."""
    clause = range(*sentence.clause_range(number))
    best: tuple[int, TimeMention] | None = None
    for mention in times:
        if mention.type not in POINT_TYPES or not mention.value:
            continue
        index = sentence.index_at(mention.start)
        cost = abs(index - number)
        if index not in clause:
            cost += OTHER_CLAUSE_PENALTY
        if attribution_tokens is not None and (index in attribution_tokens or index == attribution_tokens.stop):
            cost += ATTRIBUTION_PENALTY
        if best is None or cost < best[0]:
            best = (cost, mention)
    chosen = best[1] if best else carried
    if chosen is None:
        return (published, "published") if published else (None, None)
    if chosen.attrs.get("anchor") == "since":
        return (published, f"since:{chosen.value}") if published else (None, f"since:{chosen.value}")
    if chosen.attrs.get("mod") == "MID" and chosen.value and _MONTH.fullmatch(chosen.value):
        return f"{chosen.value}-15", "text"  # `do połowy stycznia`: the figure holds in mid-January
    return chosen.value, "text"


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
