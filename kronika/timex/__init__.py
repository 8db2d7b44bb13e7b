"""Time expressions in Polish text: DATE, TIME, DURATION and SET, normalised to TIMEX3 values.

    >>> from kronika.timex import find_times
    >>> [(m.text, m.value) for m in find_times("W listopadzie ubiegłego roku podpisano pakt.", "2025-11-14")]
    [('listopadzie ubiegłego roku', '2024-11')]
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from functools import cache

from kronika.mentions import TimeMention
from kronika.pieces import pieces
from kronika.timex.compose import compose
from kronika.timex.lexicon import load
from kronika.timex.normalise import Context, anchor_of, remember, shift_base, shifted_date, shifted_day, value_of
from kronika.timex.reading import Reading
from kronika.timex.recognise import recognise
from kronika.timex.tokens import Tokenizer, Tokens

__all__ = ["find_times"]

logger = logging.getLogger(__name__)


@cache
def _tokenizer(lang: str) -> Tokenizer:
    if lang != "pl":
        raise ValueError(f"no time rules for language {lang!r}")
    return Tokenizer(load())


def find_times(text: str, published: str | None = None, lang: str = "pl") -> list[TimeMention]:
    """Time expressions of a text, sorted by start and non-overlapping.

    `published` (ISO `YYYY-MM-DD`) anchors relative expressions; without it they stay underspecified.
    A long text is read piece by piece (kronika.pieces), the days named carried from piece to piece.
    """
    tokenizer = _tokenizer(lang)
    day = date.fromisoformat(published) if published else None
    mentions: list[TimeMention] = []
    ctx: Context | None = None
    for start, end in pieces(text):
        piece = text[start:end]  # the text itself when it is one piece (a full slice is no copy)
        tokens = tokenizer(piece)
        ctx = Context(day, tokens) if ctx is None else replace(ctx, tokens=tokens)
        for mention in _times_in(piece, tokens, tokenizer, ctx):
            mentions.append(mention if not start else TimeMention(
                mention.start + start, mention.end + start, mention.text, mention.type, mention.value, mention.attrs))
    return mentions


# Words after a length (folded: no diacritics) that make it a date, and which way from its base day.
_SHIFTS = {"temu": ("ago", -1), "wczesniej": ("earlier", -1), "pozniej": ("later", 1)}


def _times_in(text: str, tokens: Tokens, tokenizer: Tokenizer, ctx: Context) -> Iterator[TimeMention]:
    for reading in compose(recognise(tokens, tokenizer.lexicon), tokens):
        value = _guarded(value_of, reading, ctx)
        if reading.type in ("DATE", "TIME"):
            remember(reading, value, ctx)
        attrs = {"anchor": anchor_of(reading, tokens), **reading.attrs}
        if reading.mod:
            attrs["mod"] = reading.mod
        after = reading.last + (1 if tokens.kinds[reading.last : reading.last + 1] == " " else 0)
        shift = _SHIFTS.get(tokens.folded[after]) if reading.type == "DURATION" and after < len(tokens.folded) else None
        before = reading.first - (2 if reading.first >= 2 and tokens.kinds[reading.first - 1] == " " else 1)
        if shift is not None and not (before >= 0 and tokens.folded[before] == "niz"):
            # `dwa tygodnie temu`, `dzień wcześniej`: the length names a date (`niż rok wcześniej` compares)
            attrs["anchor"] = shift[0]
            base = shift_base(shift[0], ctx)
            try:
                reached, day = shifted_date(reading, base, shift[1]), shifted_day(reading, base, shift[1])
            except (ValueError, OverflowError):  # `10 tys. lat temu`: outside the calendar
                reached = day = None
            if reached:
                attrs["date"] = reached
            if day:
                attrs["day"] = day  # the moment a figure holds at: a week back is seven days back
        if reading.type == "DURATION" and reading.amount is None and reading.unit:
            attrs["unit"] = reading.unit
        start, end = tokens.span(reading.first, reading.last)
        yield TimeMention(start, end, text[start:end], reading.type, value, attrs)


def _guarded(resolve: Callable[[Reading, Context], str | None], reading: Reading, ctx: Context) -> str | None:
    """Calendar arithmetic that leaves the calendar (`za 10 tys. lat`, a year 0) costs the one
    expression its value, never the article."""
    try:
        return resolve(reading, ctx)
    except (ValueError, OverflowError):
        reading.attrs["invalid"] = "outside the calendar"
        return None
