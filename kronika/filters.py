"""What the read commands filter by: date bounds in Polish or ISO, and names in any language or case.

    >>> parse_period("wrzesień 2024")
    ('2024-09-01', '2024-09-30')
    >>> name_matcher("Korei Północnej")("North Korea")
    True
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from kronika.entities import entity_info, find_entities

TIME_FORMS = Path(__file__).resolve().parent / "lang" / "pl" / "time" / "forms.tsv"

ACCEPTED_DATES = "YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY, '17 września 2024', 'wrzesień 2024'"

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_WORDS = re.compile(r"(?:(\d{1,2})\s+)?(\w+)\s+(\d{4})")


@cache
def _month_forms() -> dict[str, int]:
    """Every inflected Polish month name (lower case) -> month number, from the time language pack."""
    months: dict[str, int] = {}
    with open(TIME_FORMS, encoding="utf-8") as lines:
        for line in lines:
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 4 and not line.startswith("#") and cells[2] == "month":
                months[cells[0].casefold()] = int(cells[3])
    return months


def _period(year: int, month: int | None, day: int | None) -> tuple[str, str]:
    if month is None:
        return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    if day is None:
        return date(year, month, 1).isoformat(), date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    return (date(year, month, day).isoformat(),) * 2


def parse_period(text: str) -> tuple[str, str]:
    """The first and last ISO day `text` names; a month or year is the whole period. ValueError names
    the accepted forms when `text` is none of them or no real date (`2025-13-45`)."""
    text = text.strip()
    try:
        if match := _ISO.fullmatch(text):
            year, month, day = match.groups()
            return _period(int(year), int(month) if month else None, int(day) if day else None)
        if match := _DOTTED.fullmatch(text):
            day, month, year = match.groups()
            return _period(int(year), int(month), int(day))
        if (match := _WORDS.fullmatch(text)) and match.group(2).casefold() in _month_forms():
            day, name, year = match.groups()
            return _period(int(year), _month_forms()[name.casefold()], int(day) if day else None)
    except ValueError:
        pass
    raise ValueError(f"not a date: {text!r}; accepted forms: {ACCEPTED_DATES}")


def _canonicals(query: str) -> set[str]:
    """Canonical gazetteer names `query` may mean: itself when it is one, or the entity its words name."""
    found = {query.casefold()}
    if entity_info(query) is not None:
        found.add(query)
    # The gazetteer's forms keep their capitals; a query typed in lower case is tried title-cased too.
    for candidate in {query, query.title(), query[:1].upper() + query[1:]}:
        mentions = find_entities(candidate)
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(candidate):
            found.add(mentions[0].canonical)
    return {name.casefold() for name in found}


def name_matcher(query: str) -> Callable[[str | None], bool]:
    """A test for canonical names: true for the entity `query` names in Polish (any case, inflected) or
    English (`Korei Północnej`, `north korea`), or for a name equal to `query` ignoring case."""
    names = _canonicals(query.strip())
    return lambda name: name is not None and name.casefold() in names
