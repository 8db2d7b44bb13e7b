"""Spelled-out numerals: `czterech`, `sto dwadzieścia trzy`, `kilkanaście`, `półtora`, `setki`.

A group is the part before a scale word: hundreds, then tens, then a unit or a teen, each optional
(`dwieście jedenaście`, `dwudziestu pięciu`). Vague words fill the same slots (`kilkaset` is a hundred
from 200 to 900, `dwadzieścia kilka` 22..29). Scales (`tysiąc`, `miliony`) are read by amounts.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from kronika.numbers.context import skip_space
from kronika.numbers.patterns import NumberGrammar

# Which slot may follow which: "sto dwadzieścia trzy", "sto trzynaście", never "dwadzieścia trzynaście".
_FOLLOWERS = {"hundred": ("ten", "teen", "unit"), "ten": ("unit",)}


@dataclass(slots=True)  # not frozen: made for every candidate number, and a frozen init is slow
class WordGroup:
    lo: float
    hi: float
    end: int
    vague: bool
    role: str  # role of the first word: unit, teen, ten, hundred, zero, fraction, vague_noun, share
    words: int


def read_word_group(text: str, pos: int, grammar: NumberGrammar) -> WordGroup | None:
    """The spelled-out number group at `pos`, or None (also for a scale word, which is not a group)."""
    numerals = grammar.lexicon.numerals
    match = grammar.numeral_word.match(text, pos)
    if match is None:
        return None
    form = numerals[match.group().lower()]
    if form.role == "scale":
        return None
    lo = form.value
    hi = form.value if form.value_max is None else form.value_max
    vague = form.value_max is not None
    end = match.end()
    role = form.role
    words = 1
    while role in _FOLLOWERS:
        start = skip_space(text, end)
        if start == end:
            break
        match = grammar.numeral_word.match(text, start)
        if match is None:
            break
        following = numerals[match.group().lower()]
        if following.role not in _FOLLOWERS[role]:
            break
        lo += following.value
        hi += following.value if following.value_max is None else following.value_max
        vague = vague or following.value_max is not None
        end = match.end()
        role = following.role
        words += 1
    return WordGroup(lo, hi, end, vague, form.role, words)
