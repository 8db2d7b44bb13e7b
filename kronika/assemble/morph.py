"""Tokens and their morfeusz2 readings, for the sentences that hold a number (and only those).

morfeusz2 gives every reading without disambiguation; callers pick the reading they need (a noun for a
counted subject, a verb for a measure cue). Readings are cached per word form: news repeats words.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple, cast

import morfeusz2

_TOKEN = re.compile(r"\w+(?:[-‐]\w+)*|[^\w\s]", re.UNICODE)
# No Polish word is longer; longer tokens (digit runs, scraping debris) are not handed to morfeusz2.
LONGEST_WORD = 40


class Reading:
    """One morfeusz2 reading. Its part of speech and tag fields are split once, when it is made (readings
    are cached per word form and asked about many times)."""

    __slots__ = ("lemma", "tag", "pos", "_fields")

    def __init__(self, lemma: str, tag: str) -> None:
        self.lemma = lemma
        # e.g. "subst:pl:gen:m1", "praet:sg:n:perf", "adj:pl:acc:m1:pos": one string per tag, shared
        self.tag, self.pos, self._fields = _split_tag(tag)

    def has(self, *values: str) -> bool:
        """True if every value is among the tag's fields (fields may be dotted alternatives)."""
        fields = self._fields
        for value in values:
            if value not in fields:
                return False
        return True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reading) and (self.lemma, self.tag) == (other.lemma, other.tag)

    def __hash__(self) -> int:
        return hash((self.lemma, self.tag))

    def __repr__(self) -> str:
        return f"Reading(lemma={self.lemma!r}, tag={self.tag!r})"


@cache  # bounded by morfeusz2's tag set: a few thousand tags, shared by every reading
def _split_tag(tag: str) -> tuple[str, str, frozenset[str]]:
    """The tag (the first copy seen, which every reading of it keeps), its part of speech, its fields."""
    return tag, tag.split(":", 1)[0], frozenset(part for field in tag.split(":") for part in field.split("."))


class Token(NamedTuple):
    """A word or a punctuation mark at [start, end). A tuple: a sentence makes one per word, and a tuple
    is made in C (`tokenize`), at two thirds of a dataclass's cost; it hashes and compares as the
    dataclass it replaces did, by (start, end, text)."""
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
    new = _NEW_TUPLE
    return [new(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text, start, end)]


def word_offsets(text: str) -> tuple[list[int], list[str]]:
    """The start and text of each word token of `text` (`Token.is_word`), as `tokenize` finds them,
    without making the tokens."""
    starts: list[int] = []
    words: list[str] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word[0].isalnum():
            starts.append(m.start())
            words.append(word)
    return starts, words


_NEW_TUPLE = cast(Callable[[type[Token], tuple[int, int, str]], Token], tuple.__new__)


@lru_cache(maxsize=1)
def _analyser() -> morfeusz2.Morfeusz:
    return morfeusz2.Morfeusz()


# Word forms whose analyses below are kept: the layers ask about a word a few hundred words apart, and
# a long article's forms never all stay in memory.
RECENT_FORMS = 8192


@lru_cache(maxsize=RECENT_FORMS)
def analyses(word: str) -> tuple[tuple[int, int, tuple[str, str, str, list[str], list[str]]], ...]:
    """morfeusz2's `analyse(word)`, names and labels included, once per word form: the name layers
    (first names, surnames, place names) each ask about the same capitalised words. Read, never changed."""
    return tuple(_analyser().analyse(word))


@lru_cache(maxsize=RECENT_FORMS)  # a capitalised word is asked about by `readings` and by canonical's `_unknown`
def lemmas_and_tags(word: str) -> tuple[tuple[str, str], ...]:
    """morfeusz2's (lemma, tag) pairs for `word`, as `Morfeusz.analyse` gives them (no tag or graph
    expansion). Read from the underlying analyser when the binding has one: the wrapper also builds
    each reading's names and labels, which nothing here asks for, at a third of the cost."""
    analyser = _analyser()
    native = getattr(analyser, "_morfeusz_obj", None)
    if native is None or analyser.expand_tags or analyser.expand_dag:
        return tuple((lemma, tag) for _, _, (_, lemma, tag, _, _) in analyser.analyse(word))
    return tuple((interp.lemma, interp.getTag(native)) for interp in native.analyse(word))


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[Reading, ...]:
    if len(word) > LONGEST_WORD:
        return (Reading(word, "dig" if word.isdigit() else "ign"),)
    found = [Reading(lemma.split(":", 1)[0], tag) for lemma, tag in lemmas_and_tags(word)]
    if word[:1].isupper() and all(r.pos == "ign" for r in found):
        return readings(word.lower()) if word.lower() != word else tuple(found)
    return tuple(found)


@lru_cache(maxsize=50_000)
def ordered_lemmas(found: frozenset[str]) -> tuple[str, ...]:
    """A word's lemmas in a fixed order, for rules where the first match wins (a frozenset's order changes
    with the hash seed)."""
    return tuple(sorted(found))


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Lemmas of every reading, lowercased; the word itself lowercased when morfeusz2 does not know it."""
    found = {r.lemma.lower() for r in readings(word) if r.pos != "ign"}
    return frozenset(found or {word.lower()})
