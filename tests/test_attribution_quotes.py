"""The quote index: dialogue paragraphs and quotations as utterances spanning sentences."""
from __future__ import annotations

from kronika.assemble.lexicon import lexicon
from kronika.assemble.quotes import index_quotes


def _utterances(text: str) -> list[str]:
    return [text[q.start:q.end] for q in index_quotes(text, lexicon().speech_forms).quotes]


def test_a_dialogue_paragraph_is_split_at_its_narration_only() -> None:
    text = "- Mamy 300 zgłoszeń. Kolejne napływają – a może więcej - mówi rzecznik Jan Nowak. - Pracujemy całą noc."
    index = index_quotes(text, lexicon().speech_forms)
    assert [text[q.start:q.end] for q in index.quotes] == [
        "Mamy 300 zgłoszeń. Kolejne napływają – a może więcej", "Pracujemy całą noc."]
    narration = index.quotes[0].narration
    assert narration is not None and "rzecznik Jan Nowak" in text[narration[0]:narration[1]]
    assert index.at(text.index("300")) is index.quotes[0]
    assert index.at(text.index("rzecznik")) is None


def test_a_quotation_spans_sentences_and_paragraphs() -> None:
    text = "Wojewoda mówił: „Ewakuowano 120 osób. Kolejne czekają.\n„Do rana przyjedzie 40 strażaków” – dodał."
    assert _utterances(text) == ["Ewakuowano 120 osób. Kolejne czekają.\n„Do rana przyjedzie 40 strażaków"]


def test_no_quote_without_marks_or_an_opening_dash() -> None:
    assert _utterances("W powodzi zginęło 7 osób - podała policja.") == []
