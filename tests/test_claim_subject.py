"""What a figure counts (the claim's subject), for abbreviated units: our own sentences, positives and
negatives."""
from __future__ import annotations

import pytest

from kronika import extract


@pytest.mark.parametrize("text,cue,subject", [
    # an abbreviated unit of mass or volume counts as its word does
    ("Funkcjonariusze przejęli 1240 kg kokainy.", "1240", "kilogram"),
    ("W porcie zabezpieczono 800 kilogramów narkotyków.", "800", "kilogram"),
    ("Do rzeki wyciekło 300 hl ścieków.", "300", "hektolitr"),
])
def test_an_abbreviated_unit_counts_as_its_word(text: str, cue: str, subject: str) -> None:
    found = [c for c in extract(text, "2026-05-04") if c.mention == cue]
    assert found and found[0].subject == subject


@pytest.mark.parametrize("text", [
    # one-letter abbreviations stand for too much else
    "Na scenie wystąpiło 5 l. artystów.",
    "W klasie jest 30 g. uczniów.",
])
def test_no_one_letter_abbreviation_is_a_unit(text: str) -> None:
    assert all(c.subject not in ("litr", "gram") for c in extract(text, "2026-05-04"))


@pytest.mark.parametrize("text,cue,subject,measure", [
    # a sentence opened by a bare `Najwięcej` goes on counting what the sentence before counted
    ("W kolejkach czekało 1,8 mln pacjentów. Najwięcej w Łódzkiem, 240 tys., i na Pomorzu, 190 tys.",
     "240 tys.", "pacjent", "other"),
    ("Od rana zginęło 14 osób. Najwięcej, bo dziewięć, w Charkowie.", "dziewięć", "osoba", "killed"),
    # ... but a superlative with a noun of its own counts that noun
    ("Od rana zginęło 14 osób. Najwięcej rannych jest w Kijowie – 20.", "20", "ranny", "wounded"),
])
def test_a_bare_superlative_counts_what_the_sentence_before_counted(text: str, cue: str, subject: str,
                                                                     measure: str) -> None:
    found = [c for c in extract(text, "2026-05-04") if c.mention == cue]
    assert found and found[0].subject == subject and found[0].measure == measure


def test_a_bare_superlative_borrows_nothing_without_a_figure_before_it() -> None:
    text = "Szpitale apelują o cierpliwość. Najwięcej w Łódzkiem, 240 tys."
    assert not [c for c in extract(text, "2026-05-04") if c.mention == "240 tys."]


@pytest.mark.parametrize("text,cue,subject", [
    # a noun only in the instrumental is an adjective's complement, not what is counted
    ("Prezydent odwołał 14 wysokich rangą oficerów.", "14", "oficer"),
    ("W szpitalu leży 40 starszych wiekiem pacjentów.", "40", "pacjent"),
    # negatives: a genitive after the number is counted as before; an instrumental after the noun is not it
    ("Komisja zbadała 12 próbek wody.", "12", "próbka"),
    ("Do szpitala trafiło 30 osób z obrażeniami.", "30", "osoba"),
])
def test_an_instrumental_complement_before_the_counted_noun_is_skipped(text: str, cue: str, subject: str) -> None:
    [claim] = [c for c in extract(text, "2026-05-04") if c.mention == cue]
    assert claim.subject == subject


def test_people_dismissed_are_no_deployment() -> None:
    [officers] = [c for c in extract("Prezydent odwołał 14 oficerów armii.", "2026-05-04") if c.mention == "14"]
    assert officers.measure == "other"
    # negative: soldiers sent stay deployed
    [sent] = [c for c in extract("Do stolicy wysłano 300 żołnierzy.", "2026-05-04") if c.mention == "300"]
    assert sent.measure == "deployed"


@pytest.mark.parametrize("text,cue,measure", [
    # a verb of staying (`przebywa`) deploys only people who serve, for a part as for its whole
    ("W ośrodkach przebywa 210 tys. osób, w tym 95 tys. w prowincji Cagayan.", "95 tys.", "other"),
    ("W ośrodkach przebywa 210 tys. osób, w tym 95 tys. dzieci.", "95 tys.", "other"),
    # negatives: soldiers and firefighters stay deployed, and so do their parts
    ("W koszarach przebywa 300 żołnierzy, w tym 40 w izolatce.", "40", "deployed"),
    ("W akcji bierze udział 300 strażaków, w tym 40 ochotników.", "40", "deployed"),
])
def test_a_part_of_people_staying_somewhere_is_deployed_only_if_they_serve(text: str, cue: str, measure: str) -> None:
    [claim] = [c for c in extract(text, "2026-05-04") if c.mention == cue]
    assert claim.measure == measure


@pytest.mark.parametrize("text,cue,subject", [
    # the next share of a list, in a place of its own and with no noun of its own, shares the list's noun
    ("Za gotówkę kupowano 55 proc. mieszkań w Warszawie i 61 proc. w Knurowie.", "61 proc.", "mieszkanie"),
    ("Paliwa brakuje na 21 proc. stacji w kraju, w Knurowie na 33 proc.", "33 proc.", "stacja"),
    # ... but not an item that names no place of its own (a speciality, an age group), nor one in its own
    # clause
    ("W ortopedii czeka 34 proc. pacjentów z list, w kardiologii 22 proc.", "22 proc.", None),
    ("Zaszczepiło się 55 proc. mieszkańców Knurowa, a inflacja wyniosła w Warszawie 4 proc.", "4 proc.", None),
])
def test_a_share_of_a_list_in_its_own_place_counts_the_lists_noun(text: str, cue: str, subject: str | None) -> None:
    found = [c for c in extract(text, "2026-05-04") if c.mention == cue]
    assert found and found[0].subject == subject
