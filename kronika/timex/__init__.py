"""Time expressions in Polish text: DATE, TIME, DURATION and SET, normalised to TIMEX3 values.

    >>> from kronika.timex import find_times
    >>> [(m.text, m.value) for m in find_times("W listopadzie ubiegłego roku podpisano pakt.", "2025-11-14")]
    [('listopadzie ubiegłego roku', '2024-11')]
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import cache

from kronika.mentions import TimeMention
from kronika.timex.compose import compose
from kronika.timex.lexicon import load
from kronika.timex.normalise import Context, ago_date, anchor_of, remember, value_of
from kronika.timex.reading import Reading
from kronika.timex.recognise import recognise
from kronika.timex.tokens import Tokenizer

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
    """
    tokenizer = _tokenizer(lang)
    tokens = tokenizer(text)
    readings = compose(recognise(tokens, tokenizer.lexicon), tokens)
    ctx = Context(date.fromisoformat(published) if published else None, tokens)
    mentions = []
    for reading in readings:
        value = _guarded(value_of, reading, ctx)
        if reading.type in ("DATE", "TIME"):
            remember(reading, value, ctx)
        attrs = {"anchor": anchor_of(reading, tokens), **reading.attrs}
        if reading.mod:
            attrs["mod"] = reading.mod
        after = reading.last + (1 if tokens.kinds[reading.last : reading.last + 1] == " " else 0)
        if reading.type == "DURATION" and tokens.folded[after : after + 1] == ["temu"]:
            attrs["anchor"] = "ago"
            reached = _guarded(ago_date, reading, ctx)
            if reached:
                attrs["date"] = reached
        if reading.type == "DURATION" and reading.amount is None and reading.unit:
            attrs["unit"] = reading.unit
        start, end = tokens.span(reading.first, reading.last)
        mentions.append(TimeMention(start, end, text[start:end], reading.type, value, attrs))
    return mentions


def _guarded(resolve: Callable[[Reading, Context], str | None], reading: Reading, ctx: Context) -> str | None:
    """Calendar arithmetic that leaves the calendar (`za 10 tys. lat`, a year 0) costs the one
    expression its value, never the article."""
    try:
        return resolve(reading, ctx)
    except (ValueError, OverflowError):
        reading.attrs["invalid"] = "outside the calendar"
        return None
