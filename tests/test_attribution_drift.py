"""The reporting-verb forms table must be what morfeusz2 generates from speech_verbs.tsv."""
from __future__ import annotations

from kronika.assemble.build import build, data_path, read_lemmas


def test_speech_verb_forms_match_the_lemmas() -> None:
    # On failure run `python -m kronika.assemble.build` and commit the result.
    assert data_path("pl", "speech_verb_forms.tsv").read_text("utf-8") == build("pl")


def test_the_class_holds_at_least_150_lemmas() -> None:
    lemmas, _ = read_lemmas("pl")
    assert len({lemma for lemma, _ in lemmas}) >= 150
