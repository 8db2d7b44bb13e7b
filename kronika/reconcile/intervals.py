"""Value intervals: the set of true values that a claim's wording allows.

A claim's `low`/`high` are used when the extractor set them (None = unbounded on that side); when both
are absent they are derived from `value`, `value_max` and `qualifier`:

| qualifier | interval |
| --- | --- |
| exact | [v, v] |
| approx | [v - t, v + t], t = rounding tolerance, below |
| more_than | (v, inf) |
| at_least | [v, inf) |
| less_than | [0, v) |
| at_most, up_to | [0, v] |
| range, vague | [v, v_max] (vague without v_max: [v, inf)) |

Rounding that `approx` implies: half a unit of the last significant digit of the stated number, and
at least 2 % of it. `ok. 11 tys.` -> 11,000 +- 500 -> [10,500, 11,500]; `ok. 1500` -> [1,450, 1,550];
`ok. 12 345` -> +- 247 (the 2 % floor). The band is closed: neighbouring round numbers (~14,000 and
~15,000) share a boundary, as a true 14,500 may be reported either way, so they do not conflict, while
~11,000 and ~14,000 do. When an approx claim carries its own bounds (kronika/bounds.py sets them), the
band is added to them, so a rounded number is never held to its last digit.

`stated_interval` drops the rounding band: it is what the text says, used for UCDP-style summaries.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from kronika.bounds import rounding_step
from kronika.claim import Claim

INF = math.inf
MIN_APPROX_SHARE = 0.02


@dataclass(frozen=True, slots=True)
class ValueInterval:
    low: float  # -inf when unbounded
    high: float  # inf when unbounded
    low_open: bool = False
    high_open: bool = False

    def below(self, other: ValueInterval) -> bool:
        """Every value of self is smaller than every value of other."""
        if self.high < other.low:
            return True
        return self.high == other.low and (self.high_open or other.low_open)

    def overlaps(self, other: ValueInterval) -> bool:
        return not self.below(other) and not other.below(self)


@lru_cache(maxsize=65536)
def rounding_tolerance(value: float) -> float:
    """Half a unit of the last significant digit of `value` (the extractor's own rounding step, see
    kronika.bounds), at least 2 % of it."""
    return max(rounding_step(value) / 2, MIN_APPROX_SHARE * abs(value))


def _from_qualifier(claim: Claim) -> ValueInterval:
    v, q, vmax = claim.value, claim.qualifier, claim.value_max
    if q == "more_than":
        return ValueInterval(v, INF, low_open=True)
    if q == "at_least":
        return ValueInterval(v, INF)
    if q == "less_than":
        return ValueInterval(0.0, v, high_open=True)
    if q in ("at_most", "up_to"):
        return ValueInterval(0.0, v)
    if q in ("range", "vague"):
        if vmax is not None:
            return ValueInterval(min(v, vmax), max(v, vmax))
        return ValueInterval(v, INF) if q == "vague" else ValueInterval(v, v)
    return ValueInterval(v, v)  # exact, approx (band added by the caller), or an unknown qualifier


def _from_bounds(claim: Claim) -> ValueInterval:
    low = -INF if claim.low is None else claim.low
    high = INF if claim.high is None else claim.high
    # The extractor gives numbers, not openness: "ponad 6 tys." with low=6000 still excludes 6000.
    return ValueInterval(
        low, high,
        low_open=claim.qualifier == "more_than" and low == claim.value,
        high_open=claim.qualifier == "less_than" and high == claim.value,
    )


def stated_interval(claim: Claim) -> ValueInterval:
    """What the wording says, without the rounding band of `approx`."""
    if claim.low is None and claim.high is None:
        return _from_qualifier(claim)
    return _from_bounds(claim)


def value_interval(claim: Claim) -> ValueInterval:
    """The interval used to compare claims: the stated one, widened by rounding for `approx`."""
    stated = stated_interval(claim)
    if claim.qualifier != "approx":
        return stated
    tolerance = rounding_tolerance(claim.value)
    band_low, band_high = claim.value - tolerance, claim.value + tolerance
    if band_low < stated.low or (band_low == stated.low and stated.low_open):
        stated = ValueInterval(band_low, stated.high, False, stated.high_open)
    if band_high > stated.high or (band_high == stated.high and stated.high_open):
        stated = ValueInterval(stated.low, band_high, stated.low_open, False)
    return stated


def point_value(claim: Claim) -> float:
    """One number standing for the claim: the midpoint of a range, else the stated number."""
    if claim.qualifier == "range" and claim.value_max is not None:
        return (claim.value + claim.value_max) / 2
    return claim.value
