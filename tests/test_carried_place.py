"""A toll whose sentence names no place takes the one place the previous sentence of its paragraph names
(issue 9, cause 3), within tight bounds. Sentences written for these tests."""
from __future__ import annotations

from kronika import extract
from kronika.claim import Claim


def claim_of(text: str, mention: str) -> Claim:
    found = [c for c in extract(text, "2025-03-10") if c.mention == mention]
    assert found, f"no claim at {mention!r}"
    return found[0]


def test_a_toll_takes_the_place_of_the_sentence_before_it() -> None:
    assert claim_of("Rakiety spadły w nocy na Zaporoże. Zginęły cztery osoby.", "cztery").place == "Zaporizhzhia"
    assert claim_of("W Portugalii spór o bilans trwa. Urząd podał w środę 40 zgonów.", "40").place == "Portugal"
    assert claim_of("Ogień dotarł do przedmieść w Attyce. Ewakuowano 900 mieszkańców.", "900").place == "Attica"


def test_no_place_from_another_paragraph_a_list_a_capital_or_for_other_figures() -> None:
    assert claim_of("Rakiety spadły w nocy na Zaporoże.\n\nZginęły cztery osoby.", "cztery").place is None
    assert claim_of("Woda zalała Opolszczyznę i Śląsk. Zginęło sześć osób.", "sześć").place is None
    assert claim_of("Ministerstwo w Bukareszcie zabrało głos. Zachorowało 300 osób.", "300").place is None
    assert claim_of("Rakiety spadły w nocy na Zaporoże. Rząd przeznaczy 40 mln zł na odbudowę.", "40 mln zł").place \
        is None
    # A toll of several places at once takes none of them.
    assert claim_of("Rakiety spadły w nocy na Zaporoże. W obu miastach zginęło sześć osób.", "sześć").place is None
    assert claim_of("Cyklon uderzył w Mozambik. Na całym świecie zginęło w tym roku 900 osób.", "900").place is None
    # ... nor one of the places its own clause names when it says it holds in all of them, nor a source.
    both = claim_of("Cyklon przeszedł nad Mozambikiem i Malawi, zabijając w obu krajach co najmniej 60 osób.", "60")
    assert both.place is None
    summed = claim_of("W Malawi władze doliczyły się 21 zabitych. Łącznie w obu krajach zginęło więc 60 osób.", "60")
    assert (summed.place, summed.source) == (None, None)
    # Words that only start like a phrase of many places say nothing of them (`Łącznie wyniosło`).
    assert claim_of("Rakiety spadły w nocy na Zaporoże. Łącznie wyniosło to sześć ofiar.", "sześć").place \
        == "Zaporizhzhia"
    country = claim_of("Resort podał, że w całym kraju zmarło 190 osób, z czego w Biharze 29.", "190")
    assert country.place is None  # the whole country's toll, not the state's its part names
    own = claim_of("Rakiety spadły w nocy na Zaporoże. W Chersoniu zginęły dwie osoby.", "dwie")
    assert own.place == "Kherson"


def test_a_country_after_a_preposition_and_an_adjective_is_the_place() -> None:
    assert claim_of("W sąsiedniej Syrii zginęło 800 osób.", "800").place == "Syria"
    assert claim_of("Na zachodniej Ukrainie ewakuowano 200 osób.", "200").place == "Ukraine"
    assert claim_of("Polscy strażacy ewakuowali w nocy 300 osób.", "300").place is None  # an actor's adjective
    assert claim_of("Według Polskiej Akcji Humanitarnej zmarło 12 osób.", "12").place is None


def test_an_adjective_may_stand_between_the_preposition_and_the_carried_country() -> None:
    text = "We wschodnim Czadzie przebywa już ponad 900 tys. uchodźców. W obozach zmarło dziewięć osób."
    assert claim_of(text, "dziewięć").place == "Chad"


def test_a_paragraph_opened_by_a_country_in_capitals_places_its_tolls_there() -> None:
    text = ("Nawałnica zerwała dachy w Mławie.\n\nCZECHY. Tego samego wieczoru burza przeszła nad krajem. "
            "Zginęły dwie osoby.")
    assert claim_of(text, "dwie").place == "Czechia"
    # a label that names no country, or a paragraph without one, places nothing
    assert claim_of("PILNE. Zginęło pięć osób.", "pięć").place is None
    assert claim_of("Nawałnica zerwała dachy.\n\nZginęły dwie osoby.", "dwie").place is None
    # and the toll's own place wins over the label
    assert claim_of("CZECHY. W Ostrawie zginęły dwie osoby.", "dwie").place != "Czechia"


def test_a_neighbour_across_a_border_does_not_stop_the_place_from_carrying() -> None:
    text = ("Również w sąsiedniej Ugandzie przybywa zachorowań. Resort potwierdził od stycznia 1240 przypadków, "
            "głównie w dystryktach przy granicy z Kongiem.")
    assert claim_of(text, "1240").place == "Uganda"
    # a place of the toll's own sentence still wins
    assert claim_of("W Ugandzie przybywa zachorowań. W Kongu potwierdzono 1240 przypadków.", "1240").place \
        == "DR Congo"
