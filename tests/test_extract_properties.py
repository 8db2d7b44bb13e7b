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


def test_reference_times_from_the_text() -> None:
    """The time that scopes a figure, resolved against the publication date; mid-month is the 15th;
    `od ...` makes a cumulative figure as of publication."""
    text = ("Według zachodnich źródeł do połowy stycznia armia straciła ok. 4 tys. żołnierzy. "
            "Od października 2023 r. kraj wysłał co najmniej 13 tys. żołnierzy. "
            "W zeszłym roku do Rosji trafiło 11 tys. żołnierzy.")
    claims = {c.mention: c for c in extract(text, "2025-02-10")}
    assert (claims["4 tys."].reference_time, claims["4 tys."].reference_basis) == ("2025-01-15", "text")
    assert (claims["13 tys."].reference_time, claims["13 tys."].reference_basis) == ("2025-02-10", "since:2023-10")
    assert (claims["11 tys."].reference_time, claims["11 tys."].reference_basis) == ("2024", "text")


def test_an_undated_article_is_anchored_on_its_latest_date() -> None:
    text = "Jesienią 2024 roku wojsko trafiło do obwodu. Do połowy stycznia straciło ok. 4 tys. żołnierzy."
    [claim] = extract(text)
    assert claim.reference_time == "2025-01-15"
