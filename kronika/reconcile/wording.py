"""How figures, values and intervals read to a person: used by conflict reasons and the report."""
from __future__ import annotations

import math

from kronika.claim import Claim
from kronika.reconcile.intervals import ValueInterval

UNATTRIBUTED = "unattributed"
_CURRENCIES_AFTER = {"PLN", "USD", "EUR", "GBP", "UAH", "RUB", "CHF", "JPY", "CNY", "KRW", "HUF"}

_FAR_CEILING = 100  # a vague amount whose ceiling is 100 times its floor is shown as open-ended
_QUALIFIER_WORDS = {
    "exact": "{}",
    "approx": "~{}",
    "more_than": "over {}",
    "at_least": "at least {}",
    "less_than": "under {}",
    "at_most": "at most {}",
    "up_to": "up to {}",
}


def format_number(value: float) -> str:
    """`11,000`; decimals only for small numbers that have them (`2.5`), as counts are whole."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if float(value).is_integer() or abs(value) >= 100:
        return f"{round(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _with_unit(text: str, unit: str | None) -> str:
    if unit == "percent":
        return f"{text}%"
    if unit and (unit in _CURRENCIES_AFTER or unit.isupper()):
        return f"{text} {unit}"
    return text


def describe_value(claim: Claim) -> str:
    """The claim's number as the wording gives it: `~11,000`, `over 6,000`, `1,000–1,500`."""
    number = format_number(claim.value)
    if claim.qualifier == "vague":
        # "miliony" may come with a placeholder ceiling (999,999,999): a far ceiling reads as open.
        ceiling = claim.value_max
        if ceiling is not None and ceiling < _FAR_CEILING * claim.value:
            amount = f"{number}–{format_number(ceiling)}"
        else:
            amount = f"{number}+"
        text = f"“{claim.mention}” ({amount})" if claim.mention else amount
    elif claim.qualifier == "range" and claim.value_max is not None:
        text = f"{number}–{format_number(claim.value_max)}"
    else:
        text = _QUALIFIER_WORDS.get(claim.qualifier, "{}").format(number)
    return _with_unit(text, claim.unit)


def describe_interval(interval: ValueInterval) -> str:
    """`10,500–11,500`, `above 6,000`, `6,000 or more`, `up to 5,000`, `13,000`."""
    low, high = interval.low, interval.high
    if math.isinf(high) and math.isinf(low):
        return "any value"
    if math.isinf(high):
        return f"above {format_number(low)}" if interval.low_open else f"{format_number(low)} or more"
    if math.isinf(low) or low <= 0 < high:
        return f"below {format_number(high)}" if interval.high_open else f"up to {format_number(high)}"
    if low == high:
        return format_number(low)
    return f"{format_number(low)}–{format_number(high)}"


def source_label(claim: Claim) -> str:
    """Who gave the number: the source the article names, else `unattributed`."""
    return claim.source or UNATTRIBUTED


def source_key(claim: Claim) -> str:
    """One key per canonical source: the claim's `source_id`, else its source phrase with case and
    spacing folded, else `unattributed`. Series, latest estimates and conflicts use it."""
    if claim.source_id:
        return claim.source_id
    if claim.source:
        return " ".join(claim.source.casefold().split())
    return UNATTRIBUTED


def kind_words(kind: str) -> str:
    """A subject kind for people to read: the figure ids' placeholders in words. `unspecified` is a
    figure whose claims named no kind, `unkeyed <claim>` one claim whose quantity says too little to
    meet any other (kronika.reconcile.identity)."""
    if kind.startswith("unkeyed"):
        return "unclassified quantity"
    return "kind not stated" if kind == "unspecified" else kind


def time_label(claim: Claim) -> str:
    """When the number holds: the reference time, else the publication date, else `undated`."""
    if claim.reference_time:
        return claim.reference_time
    if claim.published:
        return f"published {claim.published}"
    return "undated"


def cite(claim: Claim, with_source: bool = True) -> str:
    """`~11,000 (unattributed, 2024)`."""
    where = f"{source_label(claim)}, {time_label(claim)}" if with_source else time_label(claim)
    return f"{describe_value(claim)} ({where})"
