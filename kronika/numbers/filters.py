"""Numbers that are not figures for the ledger: years, dates, clock times, ordinals, durations, ages,
identifiers and model names, list and footnote markers, "jeden" as a pronoun, "połowa" as the middle
of a period."""
from __future__ import annotations

from kronika.numbers.amounts import Amount
from kronika.numbers.context import SPACE_CHARS, at_line_start, next_token
from kronika.numbers.patterns import NumberGrammar

# A number glued by these to a word or another number is part of a code or a decimal fragment.
_GLUED_BEFORE = "+.,#_№§"  # "+48", ".77", "#5"
_JOINING = "-–/"  # "F-16", "2022/23", "47-letni", "24/7"
_JOINING_AFTER = _JOINING + ".+"  # "1.Mojż", "2+4"
_CLOSING_PUNCTUATION = ",.;:!?)"
_YEARS = range(1800, 2101)


def is_year(plain: str | None) -> bool:
    return plain is not None and len(plain) == 4 and int(plain) in _YEARS


def non_figure_reason(
    text: str,
    amount: Amount,
    tokens_before: list[tuple[int, int, str]],
    qualified: bool,
    grammar: NumberGrammar,
) -> str | None:
    """Why the amount is not a figure ("year", "identifier", "ordinal"...), or None when it is one."""
    start, end = amount.start, amount.end
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    # The word right before (not one separated by a bracket or a line break, see previous_tokens).
    previous = tokens_before[0][2] if tokens_before and _touches(text, tokens_before[0][1], start) else ""

    if before and (before in _GLUED_BEFORE or (before in _JOINING and text[start - 2 : start - 1].isalnum())):
        return "identifier"
    if after.isalnum() or (after and after in _JOINING_AFTER and text[end + 1 : end + 2].isalnum()):
        return "identifier"  # 5G, 47-letni, 3-krotnie
    if before == "[" and after == "]":
        return "reference"  # footnote or step marker "[3]"
    reason = _context_after(text, amount, previous, after, grammar)
    if reason is not None or not amount.bare_number:
        return reason
    return _bare_number_context(text, amount, previous, after, qualified, grammar)


def _context_after(
    text: str, amount: Amount, previous: str, after: str, grammar: NumberGrammar
) -> str | None:
    """Reasons found in the words after the number: dates, durations, ages, a pronoun "jeden"."""
    lexicon = grammar.lexicon
    end = amount.end
    following = next_token(text, end)
    bare_following = following.rstrip(".")
    if amount.unit == "share":
        if amount.kind == "words" and (
            bare_following in lexicon.share_after
            or previous in lexicon.share_before
            or bare_following in lexicon.non_figure_after
        ):
            return "period"  # "do połowy przyszłego roku", "pierwsza połowa"
        return None
    if amount.unit is not None:
        return None
    homograph = lexicon.noun_homographs.get(text[amount.start : end].lower())
    if homograph and (
        _matches(previous, homograph.get("before", ()))
        or _matches(bare_following, homograph.get("after", ()))
    ):
        return "noun"  # "drugą parę zębatek"
    if amount.single_one and (
        previous in lexicon.one_before or following in lexicon.one_after or not after
        or after in _CLOSING_PUNCTUATION
    ):
        return "pronoun"
    reason = lexicon.non_figure_after.get(following) or lexicon.non_figure_after.get(bare_following)
    if reason:
        return reason
    if after == "." and next_token(text, end + 1) in lexicon.date_words:
        return "date"  # "3-10. sierpnia"
    if grammar.listed_non_figure.match(text, end):
        return "listed"  # "3 i 4 września", "10 do 30 min."
    if grammar.roman_month.match(text, end):
        return "date"  # "28 IX 2010"
    return None


def _bare_number_context(
    text: str, amount: Amount, previous: str, after: str, qualified: bool, grammar: NumberGrammar
) -> str | None:
    """Reasons that only a number with no multiplier and no unit can have: `art. 5`, `80.`, `2024`."""
    lexicon = grammar.lexicon
    reason = lexicon.non_figure_before.get(previous)
    if reason:
        return reason
    if amount.plain is None:
        return None
    if after and after in ".)" and at_line_start(text, amount.start):
        return "list marker"
    if after == "." and _ordinal_follows(text, amount.end + 1, lexicon.ordinal_heads):
        return "ordinal"
    if is_year(amount.plain) and not qualified:
        # "2000 osób" stays a count; "w 2000", "przed 1900" and any "1945", "2024" are years.
        if int(amount.plain) % 100 or previous in lexicon.year_context:
            return "year"
    return None


def _matches(word: str, patterns: tuple[str, ...]) -> bool:
    """`word` is one of `patterns`, or ends with one written as "-ending"."""
    return bool(word) and any(
        word.endswith(pattern[1:]) if pattern.startswith("-") else word == pattern for pattern in patterns
    )


def _touches(text: str, token_end: int, start: int) -> bool:
    """True when only spaces stand between the token's end and the number."""
    return all(char in SPACE_CHARS for char in text[token_end:start])


def _ordinal_follows(text: str, pos: int, heads: tuple[str, ...]) -> bool:
    """After `80.`: a lower-case word ("rocznicy") or a capitalised head noun ("Brygady") marks an ordinal."""
    if pos >= len(text) or text[pos] not in SPACE_CHARS:
        return False
    word_start = pos
    while word_start < len(text) and text[word_start] in SPACE_CHARS:
        word_start += 1
    if word_start >= len(text) or not text[word_start].isalpha():
        return False
    return text[word_start].islower() or next_token(text, word_start).startswith(heads)
