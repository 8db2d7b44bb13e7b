"""Properties of find_entities on arbitrary text: it never raises, and its spans index the input."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.entities import find_entities
from kronika.entities.gazetteer import LANG_DIR

# Real forms mixed with noise, so that matches, near-matches and guards all get exercised.
_FORMS = (LANG_DIR / "pl" / "gazetteer" / "forms.tsv").read_text(encoding="utf-8").splitlines()
_WORDS = sorted({word for line in _FORMS if not line.startswith("#") for word in line.split("\t")[0].split()})
_WORDS = _WORDS[::7]
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from([" ", "  ", "\n", ".", "?", "„", "”", '"', "-", "kim", "Kim", "Mali", "z Północy"]),
    st.text(max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_spans_index_the_input(text: str) -> None:
    mentions = find_entities(text)
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end  # sorted and non-overlapping
        previous_end = m.end


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    for m in find_entities(text):
        assert text[m.start:m.end] == m.text
