"""Recognisers for the parts of a scraped article that are not its own text: the ` date YYYY-MM-DD`
header, section labels (`W skrócie`), related-article teasers (`Czytaj więcej ...`), the `Źródło: X`
line that names the outlet, and photo credits. The patterns are language data (markers.json)."""
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
    section_label: re.Pattern[str]
    teaser: re.Pattern[str]
    source_line: re.Pattern[str]
    credit_line: re.Pattern[str]


@cache
def markers(lang: str = "pl") -> Markers:
    data = json.loads(resources.files("kronika.lang").joinpath(lang, "prepare", "markers.json").read_text("utf-8"))
    labels = "|".join(re.escape(label) for label in sorted(data["section_labels"], key=len, reverse=True))
    teasers = "|".join(re.escape(prefix) for prefix in sorted(data["teaser_prefixes"], key=len, reverse=True))
    return Markers(
        date_header=re.compile(data["date_header"]),
        section_label=re.compile(rf"(?:{labels})(?=\s)[ \t:]*"),
        teaser=re.compile(rf"[ \t]*(?:{teasers})\b"),
        source_line=re.compile(data["source_line"], re.MULTILINE),
        credit_line=re.compile(data["credit_line"], re.MULTILINE),
    )


def published_from_header(text: str, lang: str = "pl") -> str | None:
    """The header's date, if it is a real one (` date 2025-13-45` names none)."""
    match = markers(lang).date_header.match(text)
    return valid_published(match.group(1)) if match else None


def outlet_from_source_line(text: str, lang: str = "pl") -> str | None:
    """The last `Źródło: X` line names the outlet (not the source of any figure)."""
    found = list(markers(lang).source_line.finditer(text))
    return found[-1].group("outlet").strip().rstrip(".") if found else None
