"""Date bounds and name matching of the read commands' filters."""
from __future__ import annotations

import pytest

from kronika.filters import name_matcher, parse_period


@pytest.mark.parametrize(("text", "period"), [
    ("17.09.2024", ("2024-09-17", "2024-09-17")),
    ("3.2.2025", ("2025-02-03", "2025-02-03")),
    ("17 września 2024", ("2024-09-17", "2024-09-17")),
    ("1 Marca 2023", ("2023-03-01", "2023-03-01")),
    ("wrzesień 2024", ("2024-09-01", "2024-09-30")),
    ("luty 2024", ("2024-02-01", "2024-02-29")),
    ("2024-09", ("2024-09-01", "2024-09-30")),
    ("2024-09-17", ("2024-09-17", "2024-09-17")),
    ("2024", ("2024-01-01", "2024-12-31")),
])
def test_polish_and_iso_dates_name_a_whole_period(text: str, period: tuple[str, str]) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["2025-13-45", "31.02.2024", "30 lutego 2024", "jutro", "wczoraj 2024",
                                  "2024/09/17", "", "Warszawa 2024"])
def test_what_is_no_date_is_refused_naming_the_accepted_forms(text: str) -> None:
    with pytest.raises(ValueError, match="accepted forms: YYYY-MM-DD"):
        parse_period(text)


@pytest.mark.parametrize("query", ["Korea Północna", "north korea", "Korei Północnej", "korei północnej",
                                   "NORTH KOREA"])
def test_a_name_matches_in_polish_english_any_case_and_inflected(query: str) -> None:
    matches = name_matcher(query)
    assert matches("North Korea")
    assert not matches("South Korea")
    assert not matches(None)


def test_an_unknown_name_matches_only_itself_ignoring_case() -> None:
    matches = name_matcher("Sztab Kryzysowy Gminy")
    assert matches("sztab kryzysowy gminy")
    assert not matches("North Korea")
