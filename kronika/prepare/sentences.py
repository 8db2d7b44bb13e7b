"""A Polish sentence splitter that knows its abbreviations and ordinals.

Written by hand because the usual tools split after every `ok.`, `tys.`, `godz.` or `r.`: the
abbreviation classes (abbreviations.tsv) say when such a period can end a sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# A sentence may end at . ! ? or … (possibly repeated), followed by closing quotes or brackets,
# then whitespace, then something that can open a sentence.
_CANDIDATE = re.compile(r"[.!?…]+[\"'”»)\]]*(?=\s+[\"'„“«(\[\-–—]?\s*[A-ZĄĆĘŁŃÓŚŹŻ0-9])")
_WORD_BEFORE = re.compile(r"(\w[\w.]*?)[.!?…]*[\"'”»)\]]*$")  # the word before a candidate (_word_before)
_CLOSING_MARKS = frozenset(".!?…")
_NEXT_WORD = re.compile(r"\s+[\"'„“«(\[\-–—]?\s*(\w+)")
_COUNTED_NOUN = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ]\w*(?:ów|an|ców|ek|ych|ich)$")
# The rest of a compound amount: `38 tys. 112 głosów` (up to three digits, then a lower-case word), or
# `48 tys. 210.`, `39 tys. 870, w wielkopolskim...` (the digits end a clause or the line).
_AMOUNT_REST = re.compile(r"\s+\d{1,3}(?:\s+[a-ząćęłńóśźż]|[.,;:!?)](?!\d)|\s*$)")
_MIN_WORDS_BEFORE_DATE_END = 5
# How far back from a full stop the splitter looks (for the word before it, for the words of a date):
# bounded, so a long sentence with many full stops costs linear time, not a rescan from its start.
_LOOK_BACK = 200


@dataclass(frozen=True)
class SplitterData:
    abbreviations: dict[str, str]
    ordinal_heads: tuple[str, ...]
    quantity_complements: frozenset[str]  # `6,3 proc. PKB`: the phrase goes on


@cache
def _data(lang: str) -> SplitterData:
    folder = resources.files("kronika.lang").joinpath(lang, "prepare")
    abbreviations: dict[str, str] = {}
    for line in folder.joinpath("abbreviations.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = line.split("\t")
            abbreviations[word.lower()] = kind
    # One list for the sentence splitter and the number layer: both must agree on `3. Brygada`.
    ordinal_heads = resources.files("kronika.lang").joinpath(lang, "numbers", "ordinal_heads.txt")
    heads = tuple(
        line.strip().lower() for line in ordinal_heads.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    complements = frozenset(
        line.strip() for line in folder.joinpath("quantity_complements.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    return SplitterData(abbreviations, heads, complements)


def abbreviations(lang: str = "pl") -> dict[str, str]:
    """The language's period-ending abbreviations and their class (abbreviations.tsv)."""
    return _data(lang).abbreviations


def split_sentences(text: str, lang: str = "pl") -> list[tuple[int, int]]:
    """Spans of sentences in `text`, trimmed of surrounding whitespace. Line breaks always end one."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for candidate in _CANDIDATE.finditer(text, line.start(), line.end()):
            if _ends_sentence(text, start, candidate, lang):
                spans.append((start, candidate.end()))
                start = candidate.end()
        spans.append((start, line.end()))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))]


def _ends_sentence(text: str, sentence_start: int, candidate: re.Match[str], lang: str) -> bool:
    punctuation = candidate.group()
    if not punctuation.startswith("."):
        return True  # ! ? … always end
    window_start = max(sentence_start, candidate.start() - _LOOK_BACK)
    before = _word_before(text, window_start, candidate.start() + 1)
    word = before[1] if before else ""
    if before is not None and before[0] == window_start > sentence_start and text[window_start - 1].isalnum():
        word = ""  # a word longer than the window: no abbreviation, initial or ordinal
    following = _NEXT_WORD.match(text, candidate.end())
    next_word = following.group(1) if following else ""
    if len(punctuation) > 1 and punctuation.startswith(".."):
        return True  # an ellipsis
    if word.isdigit() and len(word) <= 3 and next_word.lower().startswith(_data(lang).ordinal_heads):
        return False  # "3. Brygada"
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Kowalski"
    kind = _data(lang).abbreviations.get(word.lower())
    if kind == "never":
        return False
    if kind == "multiplier" and _AMOUNT_REST.match(text, candidate.end()):
        return False
    if kind in ("quantity", "multiplier"):
        return not _COUNTED_NOUN.match(next_word) and next_word not in _data(lang).quantity_complements
    if kind == "date":
        words = len(text[window_start:candidate.start()].split())
        return words >= _MIN_WORDS_BEFORE_DATE_END or window_start > sentence_start
    return True


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches in a str pattern


def _word_before(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where `_WORD_BEFORE.search(text, start, end)` matches and its word, found by walking back from
    `end` over the closing punctuation and the word (a few characters) instead of trying the pattern at
    every position of the window. `text[end - 1]` is the candidate's first mark."""
    run = end
    while run > start and text[run - 1] in _CLOSING_MARKS:
        run -= 1  # the trailing run of . ! ? …
    first = run
    while first > start and (text[first - 1] == "." or _is_word_char(text[first - 1])):
        first -= 1  # the word, dots allowed inside (`m.in`)
    for position in range(first, run):
        if _is_word_char(text[position]):
            return position, text[position:max(position + 1, run)]
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
