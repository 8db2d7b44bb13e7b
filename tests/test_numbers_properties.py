"""Properties that hold for any text: find_numbers never raises, and what it returns indexes the input."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.numbers import find_numbers

# Text built from the pieces numbers are made of, so that the generator hits the tricky paths
# (separators, multipliers, ranges, qualifiers) far more often than random characters would.
PIECES = [
    "1", "2", "0", "14", "2024", "42 603", "1\u00a0200", "2,5", "1.200", "10.30", "7:15", "03.09.2025",
    "tys.", "mln", "mld", "zł", "proc.", "%", "$", "€", "-", "–", "/", ".", ",", "(", ")", "[", "]", "+",
    "ok.", "około", "ponad", "przeszło", "co najmniej", "do", "od", "między", "a", "i", "z", "nawet",
    "jeden", "jedna", "dwóch", "Tysiąc", "tysięcy", "miliony", "kilka", "kilkanaście", "setki", "pół",
    "półtora", "połowę", "trzecie", "sto", "dwadzieścia", "r.", "roku", "dni", "godz.", "art.", "F-16",
    "września", "IX", "lat", "osób", "żołnierzy", " ", " ", "\n", "\u2009",
]
piece_text = st.lists(st.sampled_from(PIECES), max_size=30).map(lambda parts: " ".join(parts))
any_text = st.one_of(st.text(max_size=200), piece_text, st.lists(st.sampled_from(PIECES)).map("".join))


@settings(max_examples=600, deadline=None)
@given(any_text)
def test_spans_index_the_input(text: str) -> None:
    mentions = find_numbers(text)
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start >= previous_end, "sorted and non-overlapping"
        previous_end = mention.end
        assert mention.text == text[mention.start : mention.end]
        if mention.qualifier_span is not None:
            cue_start, cue_end = mention.qualifier_span
            assert 0 <= cue_start < cue_end <= mention.start
        assert (mention.value_max is not None) == (mention.qualifier in ("range", "vague"))
        if mention.value_max is not None:
            assert mention.value_max >= mention.value
