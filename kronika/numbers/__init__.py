"""Cardinal amounts in news text: `find_numbers(text)` -> NumberMention list (see kronika/mentions.py).

Finds digits with thousands separators and decimal commas, multipliers (`tys.`, `mln`, `miliardów`),
numerals in words in every case and gender, vague amounts (`kilka tysięcy`, `setki`), ranges, shares,
percentages and money, each with the qualifier written before it (`ok.`, `ponad`, `co najmniej`);
and leaves out years, dates, clock times, ordinals, durations, ages and identifiers.
All vocabulary comes from the language pack's data files (kronika/lang/<lang>/numbers/).
"""
from __future__ import annotations

from kronika.mentions import NumberMention
from kronika.numbers.patterns import grammar_for
from kronika.numbers.scan import scan

__all__ = ["find_numbers"]


def find_numbers(text: str, lang: str = "pl") -> list[NumberMention]:
    """Every cardinal amount in `text` that could become a figure, sorted and non-overlapping.

    >>> [(m.text, m.value, m.qualifier) for m in find_numbers("Ewakuowano ok. 14 tys. mieszkańców.")]
    [('14 tys.', 14000.0, 'approx')]
    """
    return scan(text, grammar_for(lang))
