"""UCDP-style bounds: the interval a stated figure commits to, for comparing claims.

`approx` widens by half a unit of the last significant digit (~14,000 -> 13,500..14,500); one-sided
qualifiers leave the other side open (None). Strict bounds (`more_than`) are kept as the number itself:
comparisons treat them as open.
"""
from __future__ import annotations

import math


def rounding_step(value: float) -> float:
    """A unit of the last significant digit of a round number: 14000 -> 1000, 2500 -> 100, 7 -> 1."""
    if value == 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(abs(value)))
    step = magnitude
    while step > 1e-6 and abs(value / step - round(value / step)) > 1e-9:
        step /= 10
    return step


def bounds(value: float, value_max: float | None, qualifier: str) -> tuple[float | None, float | None]:
    top = value_max if value_max is not None else value
    if qualifier == "approx":
        half = rounding_step(value) / 2
        return max(value - half, 0.0), value + half
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most", "up_to"):
        return 0.0, top
    return value, top
