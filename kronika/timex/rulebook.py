"""How rules are written: a template over token kinds and a production that builds readings.

A production gets a `Hit` (the match, with helpers to read its tokens) and returns a Reading, a list
of Readings (ranges give two), or None to reject the match.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kronika.timex.grammar import pattern
from kronika.timex.lexicon import Entry, Lexicon
from kronika.timex.reading import Reading
from kronika.timex.tokens import Tokens


@dataclass(slots=True)
class Hit:
    """A rule's match over the kind string; token i is character i of that string."""

    match: re.Match[str]
    tokens: Tokens
    lexicon: Lexicon

    def at(self, group: str | int) -> int:
        """Index of the first token of a group."""
        return self.match.start(group)

    def has(self, group: str) -> bool:
        """Did the group take part in the match (False also when the template has no such group)?"""
        return group in self.match.re.groupindex and self.match.start(group) >= 0

    def word(self, i: int) -> str:
        """Folded text of token i."""
        return self.tokens.folded[i]

    def original(self, i: int) -> str:
        start, end = self.tokens.span(i, i + 1)
        return self.tokens.text[start:end]

    def number(self, group: str | int) -> int:
        return int(self.tokens.folded[self.at(group)])

    def entry(self, group: str | int, category: str) -> Entry | None:
        i = self.at(group)
        return self.lexicon.get(self.word(i), category, self.original(i).lower())

    def entries(self, group: str | int, category: str) -> list[Entry]:
        i = self.at(group)
        return self.lexicon.all(self.word(i), category, self.original(i).lower())

    def value(self, group: str | int, category: str) -> str:
        entry = self.entry(group, category)
        if entry is None:
            raise KeyError(f"{self.word(self.at(group))!r} is not a {category}")
        return entry.value

    def span(self, group: str | int = 0) -> tuple[int, int]:
        """Token span of a group (the whole match by default)."""
        return self.match.start(group), self.match.end(group)

    def kinds_before(self, first: int, count: int) -> str:
        return self.tokens.kinds[max(0, first - count) : first]

    def reading(self, type_: str, group: str | int = 0, **fields: object) -> Reading:
        first, last = self.span(group)
        return Reading(type_, first, last, **fields)  # type: ignore[arg-type]


Production = Callable[[Hit], "Reading | list[Reading] | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    produce: Production


class Rulebook:
    """An ordered collection of rules; `@book.rule(template)` registers a production."""

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def rule(self, template: str) -> Callable[[Production], Production]:
        def register(produce: Production) -> Production:
            self.rules.append(Rule(produce.__name__, pattern(template), produce))
            return produce

        return register


BOOK = Rulebook()

# Fragments that many templates share.
YEAR_TAIL = r"(?: ?{year_word}\.?)?"  # 2024 r. / 2024r / 2024 roku
# This year, abbreviated: br., b.r., b. r.
THIS_YEAR = r"(?P<br>{this_year}\.?|{this_year_initial}\. ?{year_word}\.?)"
# What may follow a month to give its year: 2024 r., ubiegłego roku, ub. r., br., '68.
MONTH_YEAR = (r"(?: (?P<y>{year})" + YEAR_TAIL
              + r"| (?P<sh>{shift})\.? ?{year_word}\.?| " + THIS_YEAR
              + r"| '(?P<yy>{day})(?![{day}{year}{num3}{number}]))")
AMOUNT = r"(?:{amount_digits}|{amount_words})"
# An ordinal before a part or a quarter: drugiej połowy, II połowie, I kwartale (I reads as `i`).
ORDINAL = r"(?P<o>[{ordinal}{roman}{conj}])"


def short_year(text: str) -> int | None:
    """The year of a two-digit year ('68, 5.10.09): the last century down to the thirties, this one after."""
    if len(text) != 2:
        return None
    return (2000 if int(text) < 30 else 1900) + int(text)


def ordinal_of(hit: Hit) -> int | None:
    """The value of the ORDINAL group: a word (drugiej) or an upper-case Roman numeral (II, I)."""
    i = hit.at("o")
    entry = hit.entry("o", "ordinal")
    if entry is not None:
        return int(entry.value)
    original = hit.original(i)
    if original == "I":
        return 1
    if original.isupper() and hit.entry("o", "roman") is not None:
        return int(hit.value("o", "roman"))
    return None


def unit_of(hit: Hit, group: str) -> tuple[str, str]:
    """TIMEX3 unit and grammatical number (sg, pl, or - for abbreviations) of a unit noun token."""
    word = hit.word(hit.at(group))
    for category in ("year_word", "years_pl", "day_word", "hour_word", "unit", "century_word"):
        entry = hit.lexicon.get(word, category)
        if entry is not None:
            return entry.value, "pl" if category == "years_pl" else entry.number
    raise KeyError(word)
