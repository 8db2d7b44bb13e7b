"""The building blocks of the number layer, one idea each."""
from __future__ import annotations

import re

import pytest

from kronika.mentions import NumberMention
from kronika.numbers import find_numbers
from kronika.numbers.digits import read_digits
from kronika.numbers.trie import trie_pattern


def test_trie_pattern_prefers_the_longest_word() -> None:
    pattern = re.compile(trie_pattern(["dwa", "dwadzieścia", "dwie"]) + r"(?!\w)")
    assert [pattern.findall(text) for text in ("dwadzieścia", "dwa razy", "dwaj")] == [
        ["dwadzieścia"], ["dwa"], []
    ]
    assert trie_pattern([]) == "(?!)"


@pytest.mark.parametrize(
    "text,value,end",
    [
        ("42 603 osób", 42603, 6),
        ("1\u00a0200\u00a0000", 1200000, 9),
        ("2\u202f500", 2500, 5),
        ("2,5 tys.", 2.5, 3),
        ("1.200.000 zł", 1200000, 9),
        ("2023 200 osób", 2023, 4),  # a year followed by a count: only the first number
    ],
)
def test_read_digits(text: str, value: float, end: int) -> None:
    number, read_to = read_digits(text, 0)
    assert number is not None and (number.value, number.end, read_to) == (value, end, end)


@pytest.mark.parametrize("text", ["10.30", "7:15", "03.09.2025", "1.5", "22 123 45 67", "0033", "1,200,000"])
def test_read_digits_skips_whole_non_numbers(text: str) -> None:
    number, read_to = read_digits(text, 0)
    assert number is None and read_to == len(text)


def test_returns_number_mentions() -> None:
    (mention,) = find_numbers("Ewakuowano ok. 14 tys. osób.")
    assert mention == NumberMention(
        start=15, end=22, text="14 tys.", value=14000.0, value_max=None, qualifier="approx",
        qualifier_span=(11, 14), unit=None,
    )


def test_empty_and_numberless_text() -> None:
    assert find_numbers("") == []
    assert find_numbers("Bez liczb, bez dat.") == []


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        find_numbers("5 tys.", lang="xx")


def test_qualifier_reaches_neither_across_lines_nor_brackets() -> None:
    assert find_numbers("Około\n5 tys. osób")[0].qualifier == "exact"
    assert find_numbers("ponad (5 tys. osób)")[0].qualifier == "exact"


def test_przeszlo_is_a_qualifier_only_after_a_verb_or_at_the_start() -> None:
    assert find_numbers("Zginęło przeszło 300 osób.")[0].qualifier == "more_than"
    assert find_numbers("Przeszło 300 osób zginęło.")[0].qualifier == "more_than"
    assert find_numbers("Przez granicę przeszło 300 osób.")[0].qualifier == "exact"


def test_do_is_a_ceiling_only_when_nothing_reaches_it() -> None:
    assert find_numbers("Zasiłek wyniesie do 8 tys. zł.")[0].qualifier == "up_to"
    assert find_numbers("Liczba ofiar wzrosła do 73.")[0].qualifier == "exact"
    assert find_numbers("Doszło do trzech ataków.")[0].qualifier == "exact"
    assert [m.qualifier for m in find_numbers("Spadek z 6 do 4 proc.")] == ["exact", "exact"]


def test_jeden_as_a_count_and_as_a_pronoun() -> None:
    # Judgement call: "jeden z żołnierzy" (one of the soldiers) does not count anyone, so a lone
    # "jeden/jedna/jedno" before "z", a pronoun-like word or punctuation is not a figure;
    # "zginął jeden żołnierz" counts one.
    assert [m.value for m in find_numbers("Zginął jeden żołnierz.")] == [1.0]
    assert find_numbers("Jeden z żołnierzy zginął.") == []
    assert find_numbers("Zginął jeden, drugi przeżył.") == []
