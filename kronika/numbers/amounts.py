"""An amount: a number with its multiplier and unit (`14 tys.`, `dwa miliony pięćset tysięcy`,
`1 mld zł`, `90 proc.`, `$5 mln`, `kilka tysięcy`, `dwie trzecie`), before ranges and qualifiers."""
from __future__ import annotations

from dataclasses import dataclass, replace

from kronika.numbers.context import skip_space
from kronika.numbers.digits import read_digits
from kronika.numbers.patterns import NumberGrammar
from kronika.numbers.words import read_word_group


@dataclass(slots=True)  # not frozen: made for every candidate number, and a frozen init is slow
class Amount:
    start: int
    end: int
    lo: float
    hi: float
    kind: str  # "digits" or "words": a range joins only amounts of one kind
    vague: bool = False
    unit: str | None = None
    plain: str | None = None  # the digits when the amount is a bare integer ("2024"): year and ordinal checks
    scale: float = 1.0  # multiplier of the first part ("1–1,5 tys.": the 1 takes it from the 1,5)
    bare: float = 0.0  # the first part's own value, before its multiplier
    single_one: bool = False  # a lone form of "jeden", which is often a pronoun
    closed: bool = False  # a unit is written after it ("5 zł"), so it takes no multiplier from a range end
    is_range: bool = False

    @property
    def bare_number(self) -> bool:
        """Nothing but a number: no multiplier, no unit (the only kind that can be a date, id or age)."""
        return self.scale == 1.0 and self.unit is None


@dataclass(slots=True)  # not frozen: made for every candidate number, and a frozen init is slow
class _Part:
    lo: float
    hi: float
    end: int
    kind: str
    vague: bool
    scale: float
    bare: float
    plain: str | None
    role: str
    words: int


def read_amount(text: str, pos: int, grammar: NumberGrammar) -> tuple[Amount | None, int]:
    """The amount starting at `pos`, and the end of what was read; (None, end to skip) otherwise."""
    lexicon = grammar.lexicon
    unit = None
    prefix = grammar.unit_before.match(text, pos)
    start_of_number = pos
    if prefix is not None:
        unit = lexicon.units_before[prefix.group().strip().lower()]
        start_of_number = prefix.end()
    if start_of_number >= len(text):
        return None, pos + 1
    first, skip_to = _read_part(text, start_of_number, grammar)
    if first is None:
        return None, skip_to
    lo, hi, end = first.lo, first.hi, first.end
    if first.scale > 1 and not first.vague:
        lo, hi, end = _read_lower_parts(text, first, grammar)

    plain = first.plain if (end == first.end and first.scale == 1) else None
    share = first.role == "share"
    closed = False
    lone_word = first.kind == "words" and first.words == 1 and first.role == "unit" and first.scale == 1
    if lone_word and not first.vague:
        denominator_at = skip_space(text, end)
        denominator = grammar.denominator.match(text, denominator_at) if denominator_at > end else None
        if denominator is not None:  # "dwie trzecie", "jedna czwarta"
            lo = hi = lo / lexicon.denominators[denominator.group().lower()]
            end = denominator.end()
            share = True
    if share:
        unit = "share"
    elif unit is None and first.kind == "digits" and (joined := grammar.unit_joined.match(text, end)) is not None:
        unit, end, plain, closed = lexicon.units_joined[joined.group()[1:].lower()], joined.end(), None, True
    elif (unit_match := _read_unit(text, end, grammar)) is not None:
        unit_end, unit_name = unit_match
        if unit is None or unit == unit_name:
            unit, end = unit_name, unit_end
            plain = None
            closed = True
    single_one = lone_word and first.lo == 1 and end == first.end
    amount = Amount(
        start=pos,
        end=end,
        lo=_tidy(lo),
        hi=_tidy(hi),
        kind=first.kind,
        vague=first.vague,
        unit=unit,
        plain=plain,
        scale=first.scale,
        bare=first.bare,
        single_one=single_one,
        closed=closed,
    )
    return amount, end


def join_range(first: Amount, second: Amount, start: int) -> Amount | None:
    """`first` to `second` as one range from `start`, or None when they do not make one.

    A multiplier or unit written once at the end belongs to both ends: `1–1,5 tys.` is 1000..1500,
    `10–15 proc.` 10..15 %. The first end takes the multiplier only when it is not larger than the
    second's own number: `od 500 do 2 tys.` is 500..2000, not 500 000..2000.
    """
    if first.unit is not None and second.unit is not None and first.unit != second.unit:
        return None
    first = inherit(first, second)
    if first.lo >= second.hi:
        return None
    return replace(
        first,
        start=start,
        end=second.end,
        hi=second.hi,
        vague=first.vague or second.vague,
        unit=first.unit or second.unit,
        plain=None,
        is_range=True,
    )


def inherit(first: Amount, second: Amount) -> Amount:
    """`first` with the multiplier and unit that only `second` spells out (`z 5 do 7 proc.`)."""
    lo, hi, scale = first.lo, first.hi, first.scale
    if first.scale == 1 and second.scale > 1 and not first.closed and first.bare <= second.bare:
        lo, hi, scale = _tidy(lo * second.scale), _tidy(hi * second.scale), second.scale
    unit = first.unit or second.unit
    plain = first.plain if (scale, unit) == (first.scale, first.unit) else None
    return replace(first, lo=lo, hi=hi, scale=scale, unit=unit, plain=plain)


def _read_part(text: str, pos: int, grammar: NumberGrammar) -> tuple[_Part | None, int]:
    """A number and its multiplier (`2,5 tys.`, `pięćset tysięcy`, `tysiące`)."""
    if text[pos].isdigit():
        number, skip_to = read_digits(text, pos)
        if number is None:
            return None, skip_to
        lo = hi = number.value
        end, kind, vague, plain, role, words = number.end, "digits", False, number.plain, "digits", 0
    else:
        group = read_word_group(text, pos, grammar)
        if group is None:
            return _read_lone_scale(text, pos, grammar)
        lo, hi, end, kind, vague, plain = group.lo, group.hi, group.end, "words", group.vague, None
        role, words = group.role, group.words
    if role == "share":
        return _Part(lo, hi, end, kind, vague, 1.0, lo, None, role, words), end
    if not vague and role != "fraction" and (half := grammar.half.match(text, end)) is not None:
        lo, hi, end, plain = lo + 0.5, hi + 0.5, half.end(), None  # "dwa i pół miliona"
    scale, scale_end = _read_scale(text, end, kind, grammar)
    if scale is None:
        return _Part(lo, hi, end, kind, vague, 1.0, lo, plain, role, words), end
    return _Part(lo * scale, hi * scale, scale_end, kind, vague, scale, lo, None, role, words), scale_end


def _read_scale(text: str, pos: int, kind: str, grammar: NumberGrammar) -> tuple[float | None, int]:
    """The multiplier after a number (`tys.`, `mln`, `tysięcy`, `miliony`) and its end."""
    lexicon = grammar.lexicon
    start = skip_space(text, pos)
    multiplier = grammar.multiplier.match(text, start)
    if multiplier is not None and (kind == "digits" or start > pos):  # "5mln" is fine, "pięćmln" is not
        return lexicon.multipliers[multiplier.group().lower()], multiplier.end()
    if start > pos and (word := grammar.numeral_word.match(text, start)) is not None:
        form = lexicon.numerals[word.group().lower()]
        if form.role == "scale":
            return form.value, word.end()
    return None, pos


def _read_lone_scale(text: str, pos: int, grammar: NumberGrammar) -> tuple[_Part | None, int]:
    """`tysiąc` alone is 1000; `tysiące`, `miliony` alone are vague (2 x the scale up to its maximum)."""
    match = grammar.numeral_word.match(text, pos)
    if match is None:
        return None, pos + 1
    form = grammar.lexicon.numerals[match.group().lower()]
    if form.role != "scale":
        return None, match.end()
    if form.plural and form.value_max is not None:
        lo, hi, vague, bare = 2 * form.value, form.value_max, True, 2.0
    else:
        lo, hi, vague, bare = form.value, form.value, False, 1.0
    return _Part(lo, hi, match.end(), "words", vague, form.value, bare, None, "scale", 1), match.end()


def _read_lower_parts(text: str, first: _Part, grammar: NumberGrammar) -> tuple[float, float, int]:
    """Add the smaller parts after a scale: `dwa miliony pięćset tysięcy`, `2 mln 500 tys.`,
    `dwadzieścia jeden tysięcy i jedenaście`."""
    lo, hi, end, last_scale = first.lo, first.hi, first.end, first.scale
    while True:
        start = skip_space(text, end)
        if start == end or start >= len(text):
            break
        if first.kind == "words" and (joiner := grammar.joiner.match(text, start)) is not None:
            start = joiner.end()
        if start >= len(text) or text[start].isdigit() != (first.kind == "digits"):
            break
        part, _ = _read_part(text, start, grammar)
        if part is None or part.vague or part.role in ("share", "fraction"):
            break
        if 1 < part.scale < last_scale:
            lo, hi, end, last_scale = lo + part.lo, hi + part.hi, part.end, part.scale
            continue
        if part.scale == 1 and part.hi < last_scale and (first.kind == "words" or _whole_below_thousand(part)):
            lo, hi, end = lo + part.lo, hi + part.hi, part.end  # `38 tys. 112`: the units after the thousands
        break
    return lo, hi, end


def _whole_below_thousand(part: _Part) -> bool:
    """`112` after `38 tys.` completes the number; `2,5` or `1 200` would be a new one."""
    return part.plain is not None and len(part.plain) <= 3


def _read_unit(text: str, pos: int, grammar: NumberGrammar) -> tuple[int, str] | None:
    """(end, unit) of a percent or currency word after `pos` (`zł`, `proc.`, `%`, `dolarów`)."""
    lexicon = grammar.lexicon
    start = skip_space(text, pos)
    match = grammar.unit_after.match(text, start)
    if match is None:
        return None
    form = " ".join(match.group().lower().split())
    if start == pos and form in lexicon.unit_words:
        return None  # a whole word must be separated from the number: "5 złotych", not "5złotych"
    return match.end(), lexicon.units_after[form]


def _tidy(value: float) -> float:
    """Undo binary rounding noise: 1.1 * 1000 is 1100.0000000000002."""
    return float(round(value, 6))
