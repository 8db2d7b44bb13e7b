"""Extraction never raises, whatever the text, and every span indexes the text it was given."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kronika import extract

POLISH_BITS = st.sampled_from([
    "ok.", "ponad", "co najmniej", "tys.", "mln", "zginęło", "według", "NIS", "z nich", "Korei Północnej",
    "12", "2,5", "1 200", "od", "do", "–", "-", "(", ")", "„", "”", "\n", " ", ".", ",", "żołnierzy",
    "w zeszłym roku", "do połowy stycznia", "poinformował, że", "miało", "planuje", "80.", "godz.", "r.",
])
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(POLISH_BITS, st.text(max_size=6)), max_size=60).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_extract_never_raises_and_spans_index_the_text(text: str, published: str | None) -> None:
    for claim in extract(text, published):
        start, end = claim.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == claim.mention
        assert claim.sentence in text


def test_a_publication_date_that_is_no_date_is_ignored() -> None:
    sentence = "W ataku zginęło 12 osób."
    [claim] = extract(sentence, "2024-13-45")
    assert (claim.published, claim.reference_time) == (None, None)
    [claim] = extract(sentence, "2024")  # a year only: kept, but relative times cannot be resolved on it
    assert (claim.published, claim.reference_time, claim.reference_basis) == ("2024", "2024", "published")
