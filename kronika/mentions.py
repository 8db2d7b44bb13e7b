"""Mentions: what each extraction layer finds in a text, before claims are assembled.

Every span is a pair of Python string indices into the text the layer was given.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A cardinal amount: `14 tys.`, `czterech tysięcy`, `od 1000 do 1500`, `90 proc.`, `kilka tysięcy`.

    `start`/`end` cover the number expression itself (with its multiplier and unit word when they
    belong to it, e.g. `14 tys.`, `1 mld zł`, `90 proc.`); the qualifier word before it (`ok.`,
    `ponad`) has its own span in `qualifier_span`.
    """

    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None
    qualifier: str = "exact"  # exact approx more_than at_least less_than at_most up_to range vague
    qualifier_span: tuple[int, int] | None = None
    unit: str | None = None  # "percent", a currency code ("PLN", "USD", "EUR"), or None (counted noun follows)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A TIMEX3 time expression: type DATE, TIME, DURATION or SET and its normalised value."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    # Extra facts the claim layer may use: e.g. {"anchor": "since"} for `od października 2023 r.`,
    # {"anchor": "until"} for `do połowy stycznia`.
    attrs: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A gazetteer hit: a country, armed group, organisation, person or place, in any inflected form."""

    start: int
    end: int
    text: str
    canonical: str  # canonical English name: "North Korea", "Kursk Oblast", "NATO"
    kind: str  # country, group, organisation, intelligence, government, media, person, place
    form: str = "name"  # name, adjective (północnokoreański), demonym (Koreańczyk), capital (Pjongjang)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
