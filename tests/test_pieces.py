"""Long texts are read piece by piece by the layers that tokenise their input whole; the pieces'
results, shifted by their offsets, must be exactly the whole text's."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kronika.pieces
from kronika.entities import find_entities
from kronika.pieces import pieces
from kronika.timex import find_times

PARAGRAPHS = [
    "Warszawa, 12 marca 2025 r. Rzecznik Straży Granicznej poinformował we wtorek, że od początku roku "
    "na granicy z Białorusią zatrzymano ponad 2 tys. osób.",
    "- Tylko w lutym było ich 640 - dodał. Dzień wcześniej MSWiA mówiło o 580 próbach przekroczenia granicy.",
    "Według danych Państwowej Inspekcji Pracy w ubiegłym roku w wypadkach przy pracy zginęło 180 osób, "
    "a tego samego dnia w Krakowie odnotowano kolejne dwa zgłoszenia.",
    "Korea Północna wysłała do obwodu kurskiego ok. 11 tys. żołnierzy; do połowy stycznia zginęło ich "
    "ponad tysiąc, podał wywiad Korei Południowej.",
]


def _text(repeats: int, joiner: str) -> str:
    return joiner.join(PARAGRAPHS * repeats)


def test_pieces_cover_the_text_in_order_at_line_breaks() -> None:
    text = _text(6, "\n\n")
    found = list(pieces(text, 500))
    assert found[0][0] == 0 and found[-1][1] == len(text)
    assert all(end == following for (_, end), (following, _) in zip(found, found[1:], strict=False))
    assert len(found) > 1 and all(end - start <= 500 for start, end in found)
    assert all(text[end - 1] == "\n" for _, end in found[:-1])  # cut after a line break


def test_a_text_without_line_breaks_is_cut_after_a_sentence_end_then_at_a_space() -> None:
    text = _text(6, " ")
    found = list(pieces(text, 500))
    assert all(text[end - 2] in ".!?" and text[end - 1] == " " for _, end in found[:-1])
    words = "słowo " * 400  # no sentence end at all: a space
    assert all(words[end - 1] == " " for _, end in list(pieces(words, 300))[:-1])
    glued = "x" * 1000  # nothing to cut at: the size itself
    assert list(pieces(glued, 300)) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_a_short_text_is_one_piece_and_an_empty_one_too() -> None:
    assert list(pieces("Krótki tekst.", 500)) == [(0, 13)]
    assert list(pieces("", 500)) == [(0, 0)]


@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=1, max_value=50))
def test_pieces_always_cover_the_text_exactly(text: str, size: int) -> None:
    found = list(pieces(text, size))
    assert "".join(text[start:end] for start, end in found) == text
    assert all(end > start for start, end in found) or text == ""


@pytest.mark.parametrize("joiner", ["\n\n", " "])
def test_entities_and_times_found_in_pieces_are_the_whole_texts(joiner: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _text(8, joiner)
    whole_entities, whole_times = find_entities(text), find_times(text, "2025-03-12")
    monkeypatch.setattr(kronika.pieces, "PIECE", 700)
    assert len(list(pieces(text))) > 3
    assert find_entities(text) == whole_entities
    assert find_times(text, "2025-03-12") == whole_times
    assert [text[e.start:e.end] for e in whole_entities] == [e.text for e in whole_entities]
    assert [text[t.start:t.end] for t in whole_times] == [t.text for t in whole_times]


def test_days_named_in_one_piece_anchor_the_next() -> None:
    text = ("Wybory odbyły się 15 października 2023 r.\n" + "Nic się nie działo.\n" * 60
            + "Tego samego dnia zmarły 2 osoby.")
    whole = find_times(text, None)
    assert len(list(pieces(text, 300))) > 2
    kronika.pieces.PIECE, saved = 300, kronika.pieces.PIECE
    try:
        assert find_times(text, None) == whole
    finally:
        kronika.pieces.PIECE = saved
    assert whole[-1].value == "2023-10-15"
