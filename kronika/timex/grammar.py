"""The alphabet in which rules are written: one character per kind of token.

A text is read as a string of these characters (see tokens.py), one per token, so that a rule such
as "day number, space, month in the genitive, space, year" is the regular expression `D G Y` run over
that string. Rules name the kinds in braces (`{day} {month_gen}`); `pattern()` swaps in the
characters.
"""
from __future__ import annotations

import re

# Word kinds come from the lexicon's categories; months are split by grammatical case because the
# genitive (`maja`) needs a licence that the locative (`w maju`) does not.
WORD_KINDS: dict[str, str] = {
    "ago": "g",
    "later": "d",
    "prep_in": "b",
    "prep_since": "B",
    "prep_until": "U",
    "prep_from": "Z",
    "prep_after": "O",
    "prep_before": "P",
    "prep_at": "a",
    "prep_later": "z",
    "prep_for": "F",
    "prep_through": "I",
    "prep_between": "6",
    "conj": "j",
    "approx": "C",
    "deictic": "t",
    "set_word": "x",
    "every": "k",
    "times": "0",
    "half": "H",
    "this_year": "R",
    "this_year_initial": "%",  # the b of b.r. (bieżącego roku)
    "roman": "X",
    "month_gen": "G",
    "month_loc": "L",
    "month_nom": "M",
    "month_inst": "J",
    "month_adj": "m",
    "weekday": "W",
    "weekday_adj": "A",
    "weekend": "E",
    "year_word": "r",
    "years_pl": "l",
    "day_word": "i",
    "hour_word": "h",
    "unit": "u",
    "season": "S",
    "season_adj": "s",
    "century_word": "c",
    "unit_adj": "q",
    "unit_adj_compound": "Q",
    "part": "o",
    "turn": "8",
    "year_adj": "2",
    "century_adj": "4",
    "shift": "e",
    "same": "7",
    "cardinal": "n",
    "vague": "v",
    "vague_compound": "V",
    "ordinal": "f",
    "ordinal_suffix": "5",
    "daypart": "y",
    "event": "9",
    "long_weekend": "3",
    "indefinite": "K",
    "next_day": "w",
    "whole": "p",
    "numeral_prefix": "1",
}
# When a form belongs to several categories, the first in this order names its token.
PRIORITY: tuple[str, ...] = tuple(WORD_KINDS)

# Kinds that do not come from words.
OTHER_KINDS: dict[str, str] = {
    "day": "D",  # 1-2 digits
    "num3": "T",  # 3 digits
    "year": "Y",  # 4 digits from 1000 to 2099
    "number": "N",  # any other run of digits
    "sp": " ",  # spaces within a line
    "nl": "|",  # whitespace with a line break: expressions do not cross it
    "word": "_",  # a word the lexicon does not know
}
PUNCTUATION = ".,-/:()'"  # kept as themselves; dashes and apostrophes are folded onto - and '
OTHER_PUNCTUATION = "~"

KINDS: dict[str, str] = {**WORD_KINDS, **OTHER_KINDS}
assert len(set(KINDS.values())) == len(KINDS), "two kinds share a character"
assert not set(KINDS.values()) & set(PUNCTUATION + OTHER_PUNCTUATION)

# Composite classes that many rules share.
CLASSES: dict[str, str] = {
    "month_any": "[GLMJ]",
    "unit_any": "[urlihc]",  # any noun of a unit of time: miesiąc, rok, lata, dzień, godzina, wiek
    "amount_digits": "(?:[DT](?: T)+|[DTYN](?:,D)?)",  # 25 770, 1,5, 2000
    "amount_words": "(?:n(?: n)*|v|H)",  # dwadzieścia pięć, kilka, półtora
}


def _expand(template: str) -> str:
    def swap(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in CLASSES:
            return _expand(CLASSES[name])
        return re.escape(KINDS[name])

    return re.sub(r"\{([a-z_0-9]+)\}", swap, template)


def pattern(template: str) -> re.Pattern[str]:
    """Compile a rule template: `{kind}` stands for the character of that kind of token."""
    return re.compile(_expand(template))
