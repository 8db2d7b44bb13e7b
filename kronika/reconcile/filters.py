"""Selecting claims before they are reconciled: `--measure`, `--actor`, `--since`.

Filter the claims, then build figures from what is left, so that summaries and conflicts describe the
selection.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from kronika.claim import MEASURES, Claim
from kronika.reconcile.keys import slug
from kronika.reconcile.timex import TimeInterval, parse_timex


def parse_since(value: str) -> TimeInterval:
    """`2025`, `2025-06` or `2025-06-01` as a day interval; a clear error for anything else."""
    interval = parse_timex(value)
    if interval is None:
        raise ValueError(f"--since expects a date such as 2025-06-01, 2025-06 or 2025; got {value!r}")
    return interval


def filter_claims(
    claims: Iterable[Claim],
    *,
    measure: str | None = None,
    actor: str | None = None,
    since: str | None = None,
) -> Iterator[Claim]:
    """Claims that match every given condition.

    measure: one of kronika.claim.MEASURES. actor: the canonical name or its slug, any case
    (`North Korea`, `north-korea`). since: a date; a claim passes when its reference time reaches
    that date or later (a `2024` claim passes `--since 2024-06-01`) or it was published on or after it.
    """
    if measure is not None and measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; expected one of {', '.join(MEASURES)}")
    wanted_actor = slug(actor) if actor is not None else None
    start = parse_since(since).start if since is not None else None
    for claim in claims:
        if measure is not None and claim.measure != measure:
            continue
        if wanted_actor is not None and slug(claim.actor) != wanted_actor:
            continue
        if start is not None and not _on_or_after(claim, start):
            continue
        yield claim


def _on_or_after(claim: Claim, start: int) -> bool:
    reference = parse_timex(claim.reference_time)
    if reference is not None and reference.end > start:
        return True
    published = parse_timex(claim.published)
    return published is not None and published.start >= start
