"""Tokens and their morfeusz2 readings, for the sentences that hold a number (and only those).

morfeusz2 gives every reading without disambiguation; callers pick the reading they need (a noun for a
counted subject, a verb for a measure cue). Readings are cached per word form: news repeats words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import morfeusz2

_TOKEN = re.compile(r"\w+(?:[-‐]\w+)*|[^\w\s]", re.UNICODE)
# No Polish word is longer; longer tokens (digit runs, scraping debris) are not handed to morfeusz2.
LONGEST_WORD = 40


@dataclass(frozen=True, slots=True)
class Reading:
    lemma: str
    tag: str  # e.g. "subst:pl:gen:m1", "praet:sg:n:perf", "adj:pl:acc:m1:pos"

    @property
    def pos(self) -> str:
        return self.tag.split(":", 1)[0]

    def has(self, *values: str) -> bool:
        """True if every value is among the tag's fields (fields may be dotted alternatives)."""
        fields = {part for field in self.tag.split(":") for part in field.split(".")}
        return all(value in fields for value in values)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def readings(self) -> tuple[Reading, ...]:
        return readings(self.text)

    @property
    def lemmas(self) -> frozenset[str]:
        return lemmas(self.text)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


@lru_cache(maxsize=1)
def _analyser() -> morfeusz2.Morfeusz:
    return morfeusz2.Morfeusz()


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[Reading, ...]:
    if len(word) > LONGEST_WORD:
        return (Reading(word, "dig" if word.isdigit() else "ign"),)
    found = []
    for _, _, (_, lemma, tag, _, _) in _analyser().analyse(word):
        found.append(Reading(lemma.split(":", 1)[0], tag))
    if word[:1].isupper() and all(r.pos == "ign" for r in found):
        return readings(word.lower()) if word.lower() != word else tuple(found)
    return tuple(found)


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Lemmas of every reading, lowercased; the word itself lowercased when morfeusz2 does not know it."""
    found = {r.lemma.lower() for r in readings(word) if r.pos != "ign"}
    return frozenset(found or {word.lower()})
