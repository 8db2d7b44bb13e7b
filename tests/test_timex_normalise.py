"""Resolution against the publication date: tense picks the occurrence, the unknown stays unknown."""
from __future__ import annotations

import pytest

from kronika.timex import find_times


def _value(text: str, published: str | None = "2025-11-14") -> str | None:
    mentions = find_times(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0].value


@pytest.mark.parametrize(("text", "value"), [
    ("Spotkali się w środę.", "2025-11-12"),  # past: the Wednesday before
    ("Spotkają się w środę.", "2025-11-19"),  # future: the Wednesday after
    ("W środę rozmowy.", "2025-11-12"),  # no verb: the nearest, the past on a tie
    ("Rozmowy ruszyły w grudniu.", "2024-12"),
    ("Rozmowy ruszą w grudniu.", "2025-12"),
    ("W styczniu mróz.", "2026-01"),  # no verb: January is nearer ahead than behind
    ("Zimą ofensywa utknęła.", "2024-WI"),
])
def test_tense_chooses_the_occurrence(text: str, value: str) -> None:
    assert _value(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("W ubiegłym tygodniu doszło do ataku.", "XXXX-WXX"),
    ("W grudniu doszło do ataku.", "XXXX-12"),
    ("Jesienią doszło do ataku.", "XXXX-FA"),
    ("W 2024 roku doszło do ataku.", "2024"),
])
def test_without_a_publication_date_values_stay_underspecified(text: str, value: str) -> None:
    assert _value(text, None) == value


def test_clock_time_takes_the_day_last_named() -> None:
    mentions = find_times("Koncert odbędzie się 15 grudnia. Początek o godzinie 19.", "2025-11-14")
    assert [m.value for m in mentions] == ["2025-12-15", "2025-12-15T19:00"]


def test_offsets_index_the_text() -> None:
    text = "Zdanie pierwsze.\n\nW czerwcu 2024 r. rozpoczęto ofensywę, a 3 września 2025 r. ją zakończono."
    for mention in find_times(text, "2025-11-14"):
        assert text[mention.start : mention.end] == mention.text


def test_other_languages_are_refused() -> None:
    with pytest.raises(ValueError):
        find_times("In June 2024", "2025-11-14", lang="en")
