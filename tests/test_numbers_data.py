"""The number data of the Polish pack: generated tables match their sources, sources are sane."""
from __future__ import annotations

import pytest

from kronika.numbers.build import generate_tables
from kronika.numbers.lexicon import data_dir, load_lexicon, read_rows

ROLES = {"zero", "unit", "teen", "ten", "hundred", "scale", "fraction", "vague_noun", "share", "denominator"}


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    return generate_tables("pl")


@pytest.mark.parametrize("name", ["numeral_forms.tsv", "unit_forms.tsv", "non_figure_forms.tsv"])
def test_generated_table_is_up_to_date(generated: dict[str, str], name: str) -> None:
    committed = (data_dir("pl") / name).read_text(encoding="utf-8")
    assert committed == generated[name], f"{name} drifted: run `python -m kronika.numbers.build`"


def test_lemma_roles_are_known() -> None:
    for lemma, _value, _value_max, role, _tags in read_rows(data_dir("pl") / "numeral_lemmas.tsv"):
        assert role in ROLES, lemma


@pytest.mark.parametrize(
    "form,value,role",
    [
        ("czterech", 4, "unit"),
        ("dwojga", 2, "unit"),
        ("stu", 100, "hundred"),
        ("dwudziestu", 20, "ten"),
        ("pięciuset", 500, "hundred"),
        ("tysięcy", 1000, "scale"),
        ("miliardów", 1e9, "scale"),
        ("półtorej", 1.5, "fraction"),
        ("kilkunastu", 11, "teen"),
        ("setkami", 200, "vague_noun"),
        ("połowę", 0.5, "share"),
        ("dwoch", 2, "unit"),  # the spelling without diacritics
    ],
)
def test_inflected_forms_are_generated(form: str, value: float, role: str) -> None:
    entry = load_lexicon("pl").numerals[form]
    assert (entry.value, entry.role) == (value, role)


def test_plural_scales_are_marked() -> None:
    numerals = load_lexicon("pl").numerals
    assert numerals["tysiące"].plural and numerals["milionów"].plural
    assert not numerals["tysiąc"].plural and not numerals["miliona"].plural


def test_homonyms_are_left_out() -> None:
    lexicon = load_lexicon("pl")
    assert "kilce" not in lexicon.numerals  # kilka, the fish
    assert "piec" not in lexicon.numerals  # pięć without diacritics is an oven
    assert "jedni" not in lexicon.numerals  # plural pronoun, not a count
    assert "trzecia" in lexicon.denominators and "trzecia" not in lexicon.numerals


def test_every_unit_symbol_has_a_known_unit() -> None:
    lexicon = load_lexicon("pl")
    known = {"percent", "percentage_point", "PLN", "USD", "EUR", "GBP", "UAH", "RUB", "HUF", "JPY", "CNY", "CHF", "BDT",
             "KRW", "THB", "VND", "NGN", "ZAR", "KZT", "GEL", "RUPEE", "ha", "km2", "m2", "m3"}
    units = set(lexicon.units_after.values()) | set(lexicon.units_before.values()) | set(lexicon.units_joined.values())
    assert units <= known


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no number data"):
        load_lexicon("xx")
