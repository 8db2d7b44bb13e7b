"""Value intervals (with the rounding of `approx`), TIMEX3 reference times, and how they read."""
from __future__ import annotations

import math
from datetime import date

import pytest

from kronika.reconcile.intervals import ValueInterval, rounding_tolerance, stated_interval, value_interval
from kronika.reconcile.timex import parse_timex
from kronika.reconcile.wording import describe_interval, describe_value, format_number
from tests.test_reconcile_story import make_claim

INF = math.inf


@pytest.mark.parametrize(("value", "tolerance"), [
    (11000, 500), (14000, 500), (1000, 500), (2000, 500), (1500, 50), (2.5, 0.05), (1_500_000, 50_000),
    (12345, 246.9), (0, 0.5),
])
def test_rounding_tolerance(value, tolerance):
    assert rounding_tolerance(value) == pytest.approx(tolerance)


@pytest.mark.parametrize(("qualifier", "value_max", "expected"), [
    ("exact", None, ValueInterval(6000, 6000)),
    ("approx", None, ValueInterval(5500, 6500)),
    ("more_than", None, ValueInterval(6000, INF, low_open=True)),
    ("at_least", None, ValueInterval(6000, INF)),
    ("less_than", None, ValueInterval(0, 6000, high_open=True)),
    ("at_most", None, ValueInterval(0, 6000)),
    ("up_to", None, ValueInterval(0, 6000)),
    ("range", 8000, ValueInterval(6000, 8000)),
    ("vague", 9000, ValueInterval(6000, 9000)),
    ("vague", None, ValueInterval(6000, INF)),
])
def test_intervals_derived_from_the_qualifier(qualifier, value_max, expected):
    assert value_interval(make_claim(6000, qualifier=qualifier, value_max=value_max)) == expected


def test_the_stated_interval_has_no_rounding_band():
    assert stated_interval(make_claim(6000, qualifier="approx")) == ValueInterval(6000, 6000)


def test_bounds_from_the_extractor_win_and_null_is_unbounded():
    assert value_interval(make_claim(6000, low=6000, high=None, qualifier="more_than")) == \
        ValueInterval(6000, INF, low_open=True)
    assert value_interval(make_claim(6000, low=None, high=7000)) == ValueInterval(-INF, 7000)


def test_approx_bounds_from_the_extractor_keep_at_least_the_rounding_band():
    assert value_interval(make_claim(12345, qualifier="approx", low=12344.5, high=12345.5)) == \
        ValueInterval(pytest.approx(12098.1), pytest.approx(12591.9))
    assert value_interval(make_claim(11000, qualifier="approx", low=9000, high=13000)) == \
        ValueInterval(9000, 13000)


def test_overlap_respects_open_ends():
    assert not ValueInterval(6000, INF, low_open=True).overlaps(ValueInterval(6000, 6000))
    assert ValueInterval(6000, INF).overlaps(ValueInterval(6000, 6000))
    assert ValueInterval(13500, 14500).overlaps(ValueInterval(14500, 15500))
    assert ValueInterval(10500, 11500).below(ValueInterval(13500, 14500))


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("2024-11", date(2024, 11, 1), date(2024, 11, 30)),
    ("2024-12", date(2024, 12, 1), date(2024, 12, 31)),
    ("2025-01-15", date(2025, 1, 15), date(2025, 1, 15)),
    ("2025-01-15T13:00", date(2025, 1, 15), date(2025, 1, 15)),
    ("2025-W03", date(2025, 1, 13), date(2025, 1, 19)),
    ("2025-Q2", date(2025, 4, 1), date(2025, 6, 30)),
    ("2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
    ("2024-WI", date(2024, 12, 1), date(2025, 2, 28)),
    ("202", date(2020, 1, 1), date(2029, 12, 31)),
])
def test_timex_values_as_day_intervals(value, first, last):
    interval = parse_timex(value)
    assert interval is not None
    assert (interval.first_day, interval.last_day) == (first, last)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "XXXX-11", "P3D", "2025-13", "wczoraj"])
def test_values_that_are_not_calendar_dates(value):
    assert parse_timex(value) is None


def test_a_year_overlaps_its_months_and_ends_where_the_next_begins():
    year, month, next_year = parse_timex("2024"), parse_timex("2024-11"), parse_timex("2025")
    assert year.overlaps(month) and not year.overlaps(next_year) and year.before(next_year)


@pytest.mark.parametrize(("qualifier", "value_max", "unit", "text"), [
    ("exact", None, None, "11,000"), ("approx", None, None, "~11,000"),
    ("more_than", None, None, "over 11,000"),
    ("at_least", None, None, "at least 11,000"), ("up_to", None, None, "up to 11,000"),
    ("range", 12000, None, "11,000–12,000"), ("exact", None, "percent", "11,000%"),
    ("exact", None, "USD", "11,000 USD"),
])
def test_values_read_as_the_wording_gives_them(qualifier, value_max, unit, text):
    assert describe_value(make_claim(11000, qualifier=qualifier, value_max=value_max, unit=unit)) == text


def test_vague_values_quote_their_words():
    assert describe_value(make_claim(2000, qualifier="vague", value_max=9000, mention="kilka tysięcy")) == \
        "“kilka tysięcy” (2,000–9,000)"
    # A placeholder ceiling reads as open-ended.
    claim = make_claim(2_000_000, qualifier="vague", value_max=999_999_999, mention="miliony")
    assert describe_value(claim) == "“miliony” (2,000,000+)"


@pytest.mark.parametrize(("interval", "text"), [
    (ValueInterval(10500, 11500), "10,500–11,500"),
    (ValueInterval(6000, INF, low_open=True), "above 6,000"),
    (ValueInterval(6000, INF), "6,000 or more"),
    (ValueInterval(0, 5000), "up to 5,000"),
    (ValueInterval(0, 5000, high_open=True), "below 5,000"),
    (ValueInterval(13000, 13000), "13,000"),
])
def test_intervals_read_plainly(interval, text):
    assert describe_interval(interval) == text


def test_numbers_keep_only_the_decimals_they_have():
    assert format_number(2.5) == "2.5" and format_number(1_000_000.0) == "1,000,000"
    assert format_number(3747.85) == "3,748"  # a median of ranges is still a count
