"""Per-source series, latest estimates and the UCDP-style summary with its rule."""
from __future__ import annotations

from kronika.reconcile import build_figures
from tests.test_reconcile_story import NIS, make_claim

FROM_NIS = {"source": NIS, "source_kind": "intelligence"}


def figure_of(*claims):
    (figure,) = build_figures(claims)
    return figure


def test_series_per_source_in_time_order_and_latest_estimates():
    figure = figure_of(make_claim(2000, reference_time="2025-09", **FROM_NIS),
                       make_claim(1100, reference_time="2024-12", **FROM_NIS),
                       make_claim(1000, reference_time="2025-01", source="Pentagon",
                                  source_kind="government"))
    assert [(s.source, [c.value for c in s.claims]) for s in figure.series] == [
        (NIS, [1100, 2000]), ("Pentagon", [1000])]
    assert {source: claim.value for source, claim in figure.latest.items()} == {NIS: 2000, "Pentagon": 1000}


def test_older_estimates_of_other_sources_are_set_aside():
    summary = figure_of(make_claim(1000, reference_time="2025-01-15", source="A"),
                        make_claim(2000, reference_time="2025-09-02", source="B")).summary
    assert (summary.low, summary.best, summary.high, summary.as_of) == (2000, 2000, 2000, "2025-09-02")
    assert summary.rule.startswith("as of 2025-09-02: best from the latest asserted estimate of the most recent "
                                   "report (2,000, B")


def test_best_is_a_stated_value_of_the_most_recent_report_and_bounds_are_the_envelope():
    summary = figure_of(make_claim(11000, qualifier="approx", reference_time="2024", source="A",
                                   published="2024-11-06"),
                        make_claim(14000, qualifier="approx", reference_time="2024", source="B",
                                   published="2024-12-01"),
                        make_claim(12000, qualifier="range", value_max=13000, reference_time="2024-06",
                                   source="C", published="2024-07-01")).summary
    assert (summary.low, summary.best, summary.high) == (11000, 14000, 14000)
    assert "3 current estimate(s)" in summary.rule and "~14,000, B, published 2024-12-01" in summary.rule


def test_vague_amounts_show_their_range_and_a_placeholder_ceiling_stays_open():
    several = figure_of(make_claim(11, qualifier="vague", value_max=19, mention="kilkanaście")).summary
    assert (several.low, several.best, several.high) == (11, None, 19)
    millions = figure_of(make_claim(2_000_000, qualifier="vague", value_max=999_999_999, mention="miliony")).summary
    assert (millions.low, millions.best, millions.high) == (2_000_000, None, None)


def test_two_open_estimates_give_no_invented_middle():
    summary = figure_of(make_claim(8000, qualifier="more_than", source="A", published="2025-01-01"),
                        make_claim(10000, qualifier="at_least", source="B", published="2025-01-02")).summary
    assert summary.best == 10000 and summary.high is None and summary.low == 8000


def test_an_open_bound_leaves_the_summary_open():
    summary = figure_of(make_claim(6000, qualifier="more_than", reference_time="2025-11-14")).summary
    assert (summary.low, summary.best, summary.high) == (6000, 6000, None)


def test_plans_never_enter_the_summary():
    figure = figure_of(make_claim(6000, modality="planned", **FROM_NIS))
    assert (figure.summary.low, figure.summary.best, figure.summary.high) == (None, None, None)
    assert "no source asserts or reports" in figure.summary.rule
    assert figure.latest == {}


def test_a_plan_is_not_a_sources_latest_estimate():
    figure = figure_of(make_claim(2000, reference_time="2025-01", **FROM_NIS),
                       make_claim(6000, reference_time="2025-09", modality="planned", **FROM_NIS))
    assert figure.latest[NIS].value == 2000


def test_undated_claims_still_get_a_summary():
    summary = figure_of(make_claim(300, reference_time=None), make_claim(500, reference_time=None,
                                                                          source="B", span=(20, 23))).summary
    assert (summary.low, summary.best, summary.high, summary.as_of) == (300, 500, 500, None)
    assert summary.rule.startswith("undated")
