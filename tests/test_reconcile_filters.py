"""--measure, --actor and --since."""
from __future__ import annotations

import pytest

from kronika.reconcile import filter_claims
from tests.test_reconcile_story import north_korea_claims


def values(**options):
    return sorted(c.value for c in filter_claims(north_korea_claims(), **options))


def test_measure():
    assert values(measure="killed") == [1000, 2000, 6000]


def test_actor_by_name_or_slug_in_any_case():
    assert values(actor="north-korea") == values(actor="NORTH KOREA") == values()
    assert values(actor="Korea") == []


def test_since_by_reference_time_or_publication():
    # 2025-09-02 (NIS) is before the date, but it was published on 2025-09-03.
    assert values(since="2025-09-03") == [2000, 6000, 6000, 13000, 14000]
    # A year-long reference time reaching past the date passes.
    assert 11000 in values(since="2024-06-01")
    assert values(since="2026") == []


def test_conditions_combine():
    assert values(measure="deployed", since="2025-09") == [6000, 13000, 14000]


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="--since expects a date"):
        values(since="last week")
    with pytest.raises(ValueError, match="unknown measure"):
        values(measure="dead")
