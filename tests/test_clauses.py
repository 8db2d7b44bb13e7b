"""Clauses of a sentence (kronika/assemble/sentence.py): a relative clause embedded in its main clause
ends at the next comma when a predicate follows, and the main clause goes on past it. Our own
sentences, positives and negatives."""
from __future__ import annotations

import pytest

from kronika import extract
from kronika.assemble.sentence import Sentence
from kronika.claim import Claim


def _claim(text: str, cue: str) -> Claim:
    """The first claim of `text` whose mention is `cue` (one must be found)."""
    found = [c for c in extract(text, "2026-05-04") if c.mention == cue]
    assert found, f"no claim {cue!r} in {text!r}"
    return found[0]


def _clauses(text: str) -> tuple[dict[int, int], list[str]]:
    sentence = Sentence.of(text, 0, len(text))
    words = [" ".join(t.text for t, c in zip(sentence.tokens, sentence.clause_of, strict=True) if c == n)
             for n in range(sentence.clause_of[-1] + 1)]
    return sentence.resumes, words


@pytest.mark.parametrize("text,resumed", [
    ("W gminie Kłecko, gdzie wybierano wójta, głosowało 31 proc. uprawnionych.", {2: 0}),
    ("Policja, która analizuje nagrania, mówi o 110 osobach.", {2: 0}),
    ("Władze, które w sobotę mówiły o 61 zgonach, teraz podają 77.", {2: 0}),
])
def test_the_main_clause_goes_on_past_an_embedded_relative_clause(text: str, resumed: dict[int, int]) -> None:
    assert _clauses(text)[0] == resumed


@pytest.mark.parametrize("text", [
    # a list inside the relative clause: no predicate after the comma
    "Zatrzymano mężczyzn, którzy mieli przy sobie 3 kg kokainy, 2 kg heroiny i 500 tabletek.",
    # a coordinated clause after it opens one of its own
    "Przyjechało 40 strażaków, którzy gasili pożar, a rano dołączyło 12 kolejnych.",
    # a complement clause is no relative one
    "Policja podała, że zginęło 5 osób, rannych jest 12.",
])
def test_no_main_clause_resumes_where_none_was_left(text: str) -> None:
    assert _clauses(text)[0] == {}


def test_a_relative_clause_keeps_its_own_words_apart() -> None:
    _, words = _clauses("W gminie Kłecko, gdzie wybierano wójta, głosowało 31 proc. uprawnionych.")
    assert words[1] == ", gdzie wybierano wójta" and words[2].startswith(", głosowało 31")


@pytest.mark.parametrize("text,cue,subject", [
    # a number set against the next by a conjunction alone counts the next one's noun
    ("Według związku pracowało tam nie 19, lecz 21 górników.", "19", "górnik"),
    ("Rafineria straci nie 120 tys., tylko 200 tys. ton paliw.", "120 tys.", "tona"),
    ("Wojewoda: nie pięć, a dwie ofiary czadu.", "pięć", "ofiara"),
    # ... not where other words stand between: the second number has a clause of its own
    ("Zginęło 5, a rannych zostało 7 osób.", "5", None),
])
def test_a_contrasted_number_counts_the_noun_of_the_one_it_is_set_against(
        text: str, cue: str, subject: str | None) -> None:
    assert _claim(text, cue).subject == subject


@pytest.mark.parametrize("text,cue,subject", [
    # the counted noun stands before an embedded relative clause
    ("Chuliganów, którzy atakowali policjantów, było najwyżej 50.", "50", "chuligan"),
    ("Rannych, których przewieziono do szpitala w Kaliszu, było w sumie 14.", "14", "ranny"),
    # ... but a relative clause with no main clause resuming leaves nothing before the number
    ("Przyjechali strażacy, którzy gasili pożar, a rano dołączyło 12.", "12", None),
])
def test_a_number_counts_the_noun_before_an_embedded_relative_clause(
        text: str, cue: str, subject: str | None) -> None:
    assert _claim(text, cue).subject == subject


@pytest.mark.parametrize("text,cue,measure", [
    # a gapped clause (a dash for the verb) counts what its model's predicate counts
    ("W ciągu doby straty Rosjan wyniosły 1180 żołnierzy, łącznie od początku wojny – 1 303 360.",
     "1 303 360", "casualties"),
    ("Ewakuowano 300 mieszkańców Nysy, a z Kłodzka – 120.", "120", "displaced"),
    # ... while a clause with a verb of its own keeps its own measure
    ("Zginęło 12 żołnierzy, a do szpitali trafiło 40.", "40", "wounded"),
])
def test_a_gapped_clause_repeats_its_models_predicate(text: str, cue: str, measure: str) -> None:
    assert _claim(text, cue).measure == measure


@pytest.mark.parametrize("text,cue,subject", [
    # a list after a colon counts the noun its header names, though each number follows a name
    ("Podział mandatów w nowym Sejmie: Zieloni 44, PSL 43, Unia 21.", "43", "mandat"),
    ("Liczba ofiar w powiatach: nyski 12, kłodzki 7.", "7", "ofiara"),
    # ... not past a verb or a number of its own clause, nor with no header noun
    ("Rząd: 2,8 mld dolarów, Bank Światowy: nawet 4 mld.", "4 mld", None),
    ("Bilans: zginęło 12 osób.", "12", "osoba"),
])
def test_a_headed_list_counts_its_headers_noun(text: str, cue: str, subject: str | None) -> None:
    found = [c for c in extract(text, "2026-05-04") if c.mention == cue]
    assert (found[0].subject if found else None) == subject


@pytest.mark.parametrize("text,cue,measure", [
    # a noun before a number is its own cue, not the next figure's noun nearer it
    ("Liczba ofiar wzrosła do dziewięciu, rannych jest 44.", "dziewięciu", "killed"),
    ("Liczba ofiar wzrosła do dziewięciu, rannych jest 44.", "44", "wounded"),
    ("Bilans zabitych to 12, zaginionych jest 30.", "30", "missing"),
])
def test_a_noun_before_a_number_is_that_numbers_cue(text: str, cue: str, measure: str) -> None:
    assert _claim(text, cue).measure == measure
