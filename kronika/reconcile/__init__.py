"""Reconciliation: claims -> figures (tracked quantities) -> conflicts between sources.

    figures = build_figures(claims)
    conflicts = find_conflicts(figures)
    [f.to_dict() for f in figures], [c.to_dict() for c in conflicts]   # the JSON shapes

How claims meet in a figure: kronika.reconcile.keys. Value intervals and the rounding of `approx`:
kronika.reconcile.intervals. Summaries: kronika.reconcile.figures. Conflict rules:
kronika.reconcile.conflicts.
"""
from kronika.reconcile.conflicts import DEFAULT_MAX_PER_FIGURE, Conflict, ConflictList, find_conflicts
from kronika.reconcile.figures import CUMULATIVE_MEASURES, Figure, SourceSeries, Summary, build_figures
from kronika.reconcile.filters import filter_claims
from kronika.reconcile.intervals import ValueInterval, stated_interval, value_interval
from kronika.reconcile.subject_kinds import subject_kind
from kronika.reconcile.timex import TimeInterval, parse_timex

__all__ = [
    "CUMULATIVE_MEASURES",
    "DEFAULT_MAX_PER_FIGURE",
    "Conflict",
    "ConflictList",
    "Figure",
    "SourceSeries",
    "Summary",
    "TimeInterval",
    "ValueInterval",
    "build_figures",
    "filter_claims",
    "find_conflicts",
    "parse_timex",
    "stated_interval",
    "subject_kind",
    "value_interval",
]
