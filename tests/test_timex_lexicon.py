"""The time lexicon: generated forms in step with morfeusz2, and folding that keeps offsets."""
from __future__ import annotations

from kronika.timex.generate import FORMS, generate_forms, read_lexemes
from kronika.timex.lexicon import fold, load
from kronika.timex.tokens import Tokenizer


def test_generated_forms_have_not_drifted() -> None:
    assert FORMS.read_text(encoding="utf-8") == generate_forms(read_lexemes()), (
        "forms.tsv is out of date: run `python -m kronika.timex.generate`"
    )


def test_folding_keeps_every_offset() -> None:
    text = "Źródła: WRZEŚNIA – środę, ‘98"
    assert len(fold(text)) == len(text)
    assert fold("Września") == "wrzesnia"


def test_every_case_of_a_month_is_known() -> None:
    lexicon = load()
    for form in ("wrzesień", "września", "wrześniu", "wrześniem", "wrzesnia", "wrzesniu"):
        entry = lexicon.get(fold(form), "month")
        assert entry is not None and entry.value == "9", form


def test_known_forms_with_other_diacritics_are_other_words() -> None:
    tokens = Tokenizer(load())("Mają maja, że ze")
    assert tokens.kinds == "_ G, _ Z"  # `mają` and `że` are not `maja` and `ze`


def test_numeral_stems_make_adjectives_of_length() -> None:
    lexicon = load()
    assert lexicon.value("dwudniowych", "unit_adj_compound") == "2:D"
    assert lexicon.value("wieloletnia", "vague_compound") == "-:Y"
