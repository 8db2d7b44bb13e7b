"""Run every rule over a text's kind string and keep the longest non-overlapping readings."""
from __future__ import annotations

import logging
import re
from functools import cache

try:  # the regular expression parser, to read which kinds a rule's match cannot do without
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse  # type: ignore[no-redef]

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


# A rule's needs: sets of kinds such that every match holds at least one kind of each set. A text whose
# kind string misses one of them gives the rule no match, so the rule is not run over it at all.
Needs = tuple[frozenset[str], ...]


def _needs(parsed: sre_parse.SubPattern) -> list[frozenset[str]]:
    """What a parsed sequence needs: the needs of each element it cannot skip. Anything not understood
    needs nothing (it is never a reason to skip a rule)."""
    found: list[frozenset[str]] = []
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            found.append(frozenset(chr(arg)))
        elif name == "IN":
            chars = set()
            for item_op, item in arg:
                if str(item_op) == "LITERAL":
                    chars.add(chr(item))
                elif str(item_op) == "RANGE" and item[1] - item[0] < 256:
                    chars.update(chr(c) for c in range(item[0], item[1] + 1))
                else:  # a negated set or a category: any character may do
                    chars = set()
                    break
            if chars:
                found.append(frozenset(chars))
        elif name == "SUBPATTERN":
            found += _needs(arg[3])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            found += _needs(arg[2])
        elif name == "ATOMIC_GROUP":
            found += _needs(arg)
        elif name == "ASSERT":  # a lookahead or lookbehind that must hold: its kinds are in the text too
            found += _needs(arg[1])
        elif name == "BRANCH":  # one branch or another: the union of one need of each (none if one needs none)
            union: set[str] = set()
            for branch in arg[1]:
                needed = _needs(branch)
                if not needed:
                    union = set()
                    break
                union |= min(needed, key=len)
            if union:
                found.append(frozenset(union))
    return found


@cache
def rule_needs(regex: re.Pattern[str]) -> Needs:
    if regex.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    return tuple(set(_needs(sre_parse.parse(regex.pattern))))


def recognise(tokens: Tokens, lexicon: Lexicon) -> list[Reading]:
    """All readings the rules find, overlaps settled (longest first, then rule order), by position."""
    candidates: list[tuple[int, int, list[Reading]]] = []
    present = frozenset(tokens.kinds)
    for order, rule in enumerate(BOOK.rules):
        if not all(present & needed for needed in rule_needs(rule.regex)):
            continue  # a kind every match holds is missing from the text
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
