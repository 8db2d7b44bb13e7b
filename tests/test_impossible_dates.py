"""An impossible date (`31.02.2024`, `30 lutego`) costs its own value, never the article's claims; no
day, month, year or publication date written in any form makes the time layer raise."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.pipeline import extract
from kronika.timex import find_times

MONTHS = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
          "października", "listopada", "grudnia"]


def test_an_impossible_day_keeps_the_sentence_claim_without_a_time() -> None:
    claims = extract("Dnia 30 lutego 2024 r. pod Charkowem zginęło 3 żołnierzy, podało wojsko.", "2024-03-02")
    assert [(c.value, c.reference_time) for c in claims] == [(3.0, "2024-03-02")]


def test_a_possible_day_beside_it_is_still_normalised() -> None:
    claims = extract("31.02.2024 i 1.03.2024 r. ewakuowano łącznie 120 osób z zalanych wsi.", "2024-03-05")
    assert [c.value for c in claims] == [120.0]
    values = [m.value for m in find_times("31.02.2024 i 1.03.2024 r.")]
    assert values == [None, "2024-03-01"]


@settings(max_examples=300, deadline=None)
@given(day=st.integers(0, 99), month=st.integers(0, 19), year=st.integers(0, 9999),
       published=st.dates().map(lambda d: d.isoformat()), shift=st.sampled_from(["jutro", "za tydzień", "wczoraj",
                                                                                 "w przyszłym roku", "rok temu"]))
def test_no_written_date_raises(day: int, month: int, year: int, published: str, shift: str) -> None:
    word = MONTHS[month % 12]
    text = (f"Dnia {day:02d}.{month:02d}.{year:04d} r., {day} {word} {year} r., {year}-{month:02d}-{day:02d} "
            f"oraz {shift} i {day} {word} zgłoszono 5 przypadków.")
    for mention in find_times(text, published):
        assert mention.value is None or mention.value[:1] in "0123456789XP"
