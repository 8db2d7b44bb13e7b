"""The message catalogue: both languages word the same things, every subject kind has a Polish phrase,
dates are written in words."""
from __future__ import annotations

import pytest

from kronika.claim import MEASURES, MODALITIES, QUALIFIERS
from kronika.reconcile.subject_kinds import load_subject_kinds
from kronika.web.i18n import Messages, load_catalogue


def test_both_catalogues_have_the_same_keys_and_name_every_field_value() -> None:
    polish, english = load_catalogue("pl"), load_catalogue("en")
    for section in ("labels", "measures", "qualifiers", "modalities"):
        assert set(polish[section]) == set(english[section]), section
    assert set(polish["measures"]) == set(MEASURES)
    assert set(polish["qualifiers"]) == set(QUALIFIERS) and set(polish["modalities"]) == set(MODALITIES)
    assert len(polish["months"]) == len(english["months"]) == 12


def test_every_subject_kind_reads_in_polish() -> None:
    missing = set(load_subject_kinds("pl").values()) - set(load_catalogue("pl")["kinds"])
    assert not missing


@pytest.mark.parametrize(("lang", "value", "words"), [
    ("pl", "2024-09-17", "17 września 2024"), ("pl", "2025-01", "styczeń 2025"), ("pl", "2024", "2024"),
    ("en", "2024-02-03", "3 February 2024"), ("en", "2024-FA", "autumn 2024"), ("pl", None, ""),
])
def test_dates_in_words(lang: str, value: str | None, words: str) -> None:
    assert Messages(lang).date(value) == words


def test_subjects_are_readable_phrases_not_lemmas() -> None:
    assert Messages("pl").subject("żołnierz") == "żołnierze"
    assert Messages("en").subject("żołnierz północnokoreański") == "soldiers"
    assert Messages("pl").subject("wiatrak") == "wiatrak"  # unknown to the pack: as extracted
    with pytest.raises(ValueError, match="interface language"):
        Messages("de")
