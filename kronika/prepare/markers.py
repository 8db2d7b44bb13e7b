"""Recognisers for the parts of a scraped article that are not its own text: the ` date YYYY-MM-DD`
header or a Polish date line (`Data: 15 maja 2026`, `Kraków, 15.05.2026 (PAP)`), section labels
(`W skrócie`), related-article teasers (`Czytaj więcej ...`), the `Źródło: X` line
that names the outlet, and photo credits. The patterns are language data (markers.json)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kronika.article import valid_published


@dataclass(frozen=True)
class Markers:
    date_header: re.Pattern[str]
    date_line: re.Pattern[str]
    date_line_head: int
    section_label: re.Pattern[str]
    teaser: re.Pattern[str]
    source_line: re.Pattern[str]
    credit_line: re.Pattern[str]


@cache
def markers(lang: str = "pl") -> Markers:
    data = json.loads(resources.files("kronika.lang").joinpath(lang, "prepare", "markers.json").read_text("utf-8"))
    labels = "|".join(re.escape(label) for label in sorted(data["section_labels"], key=len, reverse=True))
    date_labels = "|".join(re.escape(label) for label in data["date_line_labels"])
    teasers = "|".join(re.escape(prefix) for prefix in sorted(data["teaser_prefixes"], key=len, reverse=True))
    return Markers(
        date_header=re.compile(data["date_header"]),
        date_line=re.compile(rf"^[ \t]*(?:{date_labels})[ \t]*:[ \t]*(?P<labelled>[^\n]{{6,60}})$|{data['dateline']}",
                             re.MULTILINE),
        date_line_head=data["date_line_head"],
        section_label=re.compile(rf"(?:{labels})(?=\s)[ \t:]*"),
        teaser=re.compile(rf"[ \t]*(?:{teasers})\b"),
        source_line=re.compile(data["source_line"], re.MULTILINE),
        credit_line=re.compile(data["credit_line"], re.MULTILINE),
    )


def published_from_header(text: str, lang: str = "pl") -> str | None:
    """The header's date, if it is a real one (` date 2025-13-45` names none), else the first date line
    in the article's first lines that the time layer reads as a whole day."""
    marks = markers(lang)
    match = marks.date_header.match(text)
    if match:
        return valid_published(match.group(1))
    for line in marks.date_line.finditer(text, 0, marks.date_line_head):
        day = _whole_day(line.group("labelled") or line.group("date"), lang)
        if day:
            return day
    return None


def _whole_day(written: str, lang: str) -> str | None:
    from kronika.timex import find_times  # the time layer loads its lexicon lazily, only for date lines

    for mention in find_times(written, None, lang)[:1]:
        if mention.value and valid_published(mention.value[:10]) and len(mention.value) >= 10:
            return mention.value[:10]
    return None


def outlet_from_source_line(text: str, lang: str = "pl") -> str | None:
    """The last `Źródło: X` line names the outlet (not the source of any figure)."""
    found = list(markers(lang).source_line.finditer(text))
    return found[-1].group("outlet").strip().rstrip(".") if found else None
