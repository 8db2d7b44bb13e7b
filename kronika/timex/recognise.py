"""Run every rule over a text's kind string and keep the longest non-overlapping readings."""
from __future__ import annotations

import logging

from kronika.timex import rules_clock, rules_dates, rules_durations, rules_relative  # noqa: F401 (register rules)
from kronika.timex.grammar import KINDS
from kronika.timex.lexicon import Lexicon
from kronika.timex.reading import Reading
from kronika.timex.rulebook import BOOK, Hit
from kronika.timex.tokens import Tokens

logger = logging.getLogger(__name__)

_DIGITS = {KINDS["day"], KINDS["num3"], KINDS["year"], KINDS["number"]}


def _trim_full_stop(reading: Reading, tokens: Tokens, lexicon: Lexicon) -> None:
    """A final full stop belongs to an abbreviation (`r.`, `min.`) or an ordinal (`lat 90.`), not a word."""
    if reading.last - reading.first > 1 and tokens.kinds[reading.last - 1] == ".":
        before = reading.last - 2
        if tokens.kinds[before] not in _DIGITS and lexicon.get(tokens.folded[before], "abbreviation") is None:
            reading.last -= 1


def recognise(tokens: Tokens, lexicon: Lexicon) -> list[Reading]:
    """All readings the rules find, overlaps settled (longest first, then rule order), by position."""
    candidates: list[tuple[int, int, list[Reading]]] = []
    for order, rule in enumerate(BOOK.rules):
        for match in rule.regex.finditer(tokens.kinds):
            produced = rule.produce(Hit(match, tokens, lexicon))
            if not produced:
                continue
            readings = produced if isinstance(produced, list) else [produced]
            for reading in readings:
                reading.rule = rule.name
                _trim_full_stop(reading, tokens, lexicon)
            start = tokens.starts[min(r.first for r in readings)]
            end = tokens.starts[max(r.last for r in readings)]
            candidates.append((end - start, order, readings))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    taken: set[int] = set()
    kept: list[Reading] = []
    for _length, _order, readings in candidates:
        cells = {i for r in readings for i in range(r.first, r.last)}
        if cells & taken:
            continue
        taken |= cells
        kept.extend(readings)
    kept.sort(key=lambda r: r.first)
    return kept
