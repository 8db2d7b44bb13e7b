"""Regular expressions compiled once per language from its number lexicon."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kronika.numbers.context import SPACE
from kronika.numbers.lexicon import NumberLexicon, load_lexicon
from kronika.numbers.trie import trie_pattern


def _entries(words: set[str] | frozenset[str] | list[str]) -> str:
    """Words as one alternation; those ending in a letter or digit must end at a word boundary.

    Abbreviations ending in a period or a symbol (`tys.`, `%`) come first, so that `tys.` wins over
    `tys` when the period is there.
    """
    closed = [word for word in words if not word[-1].isalnum()]
    open_ended = [word for word in words if word[-1].isalnum()]
    branches = []
    if closed:
        branches.append(trie_pattern(closed))
    if open_ended:
        branches.append(trie_pattern(open_ended) + r"(?!\w)")
    return "(?:" + "|".join(branches) + ")" if branches else "(?!)"


def _spaced(phrase_pattern: str) -> str:
    """Multi-word entries are written with one space; text may have any run of spaces there."""
    return phrase_pattern.replace("\\ ", SPACE + "+")


@dataclass(frozen=True)
class NumberGrammar:
    lexicon: NumberLexicon
    candidate: re.Pattern[str]  # where an amount may start: a digit, a currency sign, a numeral word
    numeral_word: re.Pattern[str]
    denominator: re.Pattern[str]
    multiplier: re.Pattern[str]
    unit_after: re.Pattern[str]
    unit_before: re.Pattern[str]
    unit_joined: re.Pattern[str]  # "-proc." in "30-proc. podwyżka"
    joiner: re.Pattern[str]  # "i" inside a spelled-out number: "tysięcy i jedenaście", "dwa i pół"
    half: re.Pattern[str]  # " i pół"
    dash: re.Pattern[str]  # "1–1,5 tys.", "dwa-trzy tysiące"
    range_to: re.Pattern[str]  # " do " in "od 1000 do 1500"
    range_and: re.Pattern[str]  # " a " in "między 300 a 500"
    coordination_gap: re.Pattern[str]  # " żołnierzy i " between two coordinated amounts
    listed_non_figure: re.Pattern[str]  # " i 4 września" after "3", " do 30 min." after "10"
    roman_month: re.Pattern[str]  # " IX" in "28 IX 2010"


@cache
def grammar_for(lang: str) -> NumberGrammar:
    lexicon = load_lexicon(lang)
    flags = re.IGNORECASE
    numeral_words = _entries(set(lexicon.numerals))
    unit_before = _entries(set(lexicon.units_before))
    connectors = lexicon.connectors

    def words(role: str) -> str:
        return _entries(sorted(w for w in connectors.get(role, ()) if w.isalpha()))

    halves = {
        form for form, entry in lexicon.numerals.items() if entry.role == "fraction" and entry.value == 0.5
    }
    return NumberGrammar(
        lexicon=lexicon,
        candidate=re.compile(rf"(?<!\w)(?:{unit_before}|\d|{numeral_words})", flags),
        numeral_word=re.compile(numeral_words, flags),
        denominator=re.compile(_entries(set(lexicon.denominators)), flags),
        multiplier=re.compile(_entries(set(lexicon.multipliers)), flags),
        unit_after=re.compile(_spaced(_entries(set(lexicon.units_after))), flags),
        unit_before=re.compile(unit_before + f"{SPACE}?(?=\\d)", flags),
        unit_joined=re.compile("[-‐–]" + _entries(set(lexicon.units_joined)), flags),
        joiner=re.compile(words("joiner") + f"{SPACE}+", flags),
        half=re.compile(f"{SPACE}+{words('joiner')}{SPACE}+{_entries(halves)}", flags),
        dash=re.compile(f"{SPACE}*[-–—]{SPACE}*"),
        range_to=re.compile(f"{SPACE}+{words('range_to')}{SPACE}+", flags),
        range_and=re.compile(f"{SPACE}+{words('range_and')}{SPACE}+", flags),
        coordination_gap=re.compile(
            f"(?:{SPACE}+[^\\W\\d_]+){{0,2}}{SPACE}+{words('coordinator')}{SPACE}+", flags
        ),
        listed_non_figure=re.compile(
            f"(?:{SPACE}*(?:[-–—,]|{words('coordinator')}|{words('range_to')}){SPACE}*\\d+(?:,\\d+)?\\.?)+"
            f"{SPACE}+{_entries(set(lexicon.non_figure_after))}",
            flags,
        ),
        roman_month=re.compile(f"{SPACE}+{_entries(list(lexicon.roman_months))}"),
    )
