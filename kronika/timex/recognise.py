"""Run every rule over a text's kind string and keep the longest non-overlapping readings."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import cache

try:  # the regular expression parser, to read which kinds a rule's match cannot do without
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse  # type: ignore[no-redef]

from kronika.timex import rules_clock, rules_dates, rules_durations, rules_relative  # noqa: F401 (register rules)
from kronika.timex.grammar import KINDS
from kronika.timex.lexicon import Lexicon
from kronika.timex.reading import Reading
from kronika.timex.rulebook import BOOK, Hit, Rule
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


def _first(parsed: sre_parse.SubPattern) -> tuple[set[str] | None, bool]:
    """The kinds a match of the parsed sequence can start with, and whether it can match nothing; None
    when that cannot be told (a negated set, any character, a back-reference first)."""
    chars: set[str] = set()
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            found, empty = {chr(arg)}, False
        elif name == "IN":
            found, empty = set(), False
            for item_op, item in arg:
                if str(item_op) == "LITERAL":
                    found.add(chr(item))
                elif str(item_op) == "RANGE" and item[1] - item[0] < 256:
                    found.update(chr(c) for c in range(item[0], item[1] + 1))
                else:
                    return None, False
        elif name == "SUBPATTERN":
            maybe, empty = _first(arg[3])
            if maybe is None:
                return None, False
            found = maybe
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            maybe, empty = _first(arg[2])
            if maybe is None:
                return None, False
            found, empty = maybe, empty or arg[0] == 0
        elif name == "BRANCH":
            found, empty = set(), False
            for branch in arg[1]:
                maybe, branch_empty = _first(branch)
                if maybe is None:
                    return None, False
                found |= maybe
                empty = empty or branch_empty
        elif name in ("ASSERT", "ASSERT_NOT", "AT"):  # looks around, takes no character
            found, empty = set(), True
        else:
            return None, False
        chars |= found
        if not empty:
            return chars, False
    return chars, True


@cache
def rule_starts(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern for the kinds a match of `regex` can start with, when every match takes at least one
    token and that set is known: the rule is then tried only where one of them stands."""
    if regex.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    parsed = sre_parse.parse(regex.pattern)
    chars, empty = _first(parsed)
    if chars is None or empty or not chars or parsed.getwidth()[0] < 1:
        return None
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def rule_matches(regex: re.Pattern[str], kinds: str) -> Iterator[re.Match[str]]:
    """`regex.finditer(kinds)`, trying the rule only at the tokens its matches can start with: the
    same matches, found without running the rule's pattern at every token of a long text."""
    starts = rule_starts(regex)
    if starts is None:
        yield from regex.finditer(kinds)
        return
    search, match = starts.search, regex.match
    pos = 0
    while (start := search(kinds, pos)) is not None:
        at = start.start()
        found = match(kinds, at)
        if found is None:
            pos = at + 1
            continue
        yield found
        pos = max(found.end(), at + 1)


@cache
def _rules_and_needs(count: int) -> list[tuple[Rule, Needs]]:
    """The rule book's rules with their needs (read once for the `count` rules registered)."""
    return [(rule, rule_needs(rule.regex)) for rule in BOOK.rules[:count]]


def _has_all(present: frozenset[str], needs: Needs) -> bool:
    for needed in needs:
        if present.isdisjoint(needed):
            return False
    return True


def recognise(tokens: Tokens, lexicon: Lexicon) -> list[Reading]:
    """All readings the rules find, overlaps settled (longest first, then rule order), by position."""
    candidates: list[tuple[int, int, list[Reading]]] = []
    present = frozenset(tokens.kinds)
    for order, (rule, needs) in enumerate(_rules_and_needs(len(BOOK.rules))):
        if needs and not _has_all(present, needs):
            continue  # a kind every match holds is missing from the text
        for match in rule_matches(rule.regex, tokens.kinds):
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
