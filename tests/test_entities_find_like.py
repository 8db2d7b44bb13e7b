"""`Gazetteer.find_like` (the mentions of a text from those of a text that differs in a few lines) gives
exactly `find`'s mentions: on texts whose lines are blanked or rewritten at random, forms broken across
lines included, and on the prepared and as-read texts of every test corpus article."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.entities import find_entities
from kronika.entities.gazetteer import LANG_DIR, gazetteer
from kronika.prepare.document import prepare

_FORMS = (LANG_DIR / "pl" / "gazetteer" / "forms.tsv").read_text(encoding="utf-8").splitlines()
_SURFACES = [line.split("\t")[0] for line in _FORMS if line and not line.startswith("#")]
_LONG = [s for s in _SURFACES if " " in s][::11]  # forms of several words: the ones a line break can cut
_WORDS = sorted({word for surface in _SURFACES for word in surface.split()})[::7]

def _broken(surface: str) -> st.SearchStrategy[str]:
    """A form of several words with a line break after one of them."""
    words = surface.split(" ")
    return st.integers(1, len(words) - 1).map(lambda k: " ".join(words[:k]) + "\n" + " ".join(words[k:]))


_PIECES = st.one_of(
    st.sampled_from(_WORDS), st.sampled_from(_LONG), st.sampled_from(_LONG).flatmap(_broken),
    st.sampled_from([" ", "\n", ".", "?", "„", "”", "-", "NIS", "-u", "Kim", "z Północy", "Czytaj też:"]),
    st.sampled_from(["a", "oraz", "w tym roku", "według danych"]).map(lambda w: (w + " ") * 20),  # long lines
)
CORPUS = Path(__file__).parent / "corpus"


def _changed(text: str, lines: list[int], how: list[int]) -> str:
    """`text` with the chosen lines blanked to spaces or their letters changed, lengths kept."""
    cut = text.split("\n")
    for n, way in zip(lines, how, strict=False):
        i = n % len(cut)
        cut[i] = re.sub(r"[^\n]", " ", cut[i]) if way % 2 else cut[i][::-1]
    return "\n".join(cut)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=60).map(" ".join), st.lists(st.integers(0, 40), max_size=4),
       st.lists(st.integers(0, 1), max_size=4))
def test_find_like_is_find(text: str, lines: list[int], how: list[int]) -> None:
    matcher = gazetteer("pl")
    other = _changed(text, lines, how)
    for new, earlier in ((other, text), (text, other)):
        like = matcher.find_like(new, earlier, matcher.find(earlier))
        assert like is None or like == matcher.find(new)


def test_find_like_on_the_corpora() -> None:
    matcher = gazetteer("pl")
    reused = 0
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text("utf-8")
        prepared = prepare(text).text
        like = matcher.find_like(text, prepared, matcher.find(prepared))
        assert like is None or like == matcher.find(text), path
        reused += like is not None
    assert reused > 100


def test_find_entities_after_the_prepared_text() -> None:
    text = "12.05.2024, 10:15\nKorea Północna wysłała żołnierzy do Rosji.\nFot. PAP/Reuters"
    prepared = prepare(text).text
    assert prepared != text
    find_entities(prepared)
    assert find_entities(text) == gazetteer("pl").find(text)
