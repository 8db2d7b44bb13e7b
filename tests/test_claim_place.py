"""Where a figure holds (the claim's place): the nearest place in its sentence, but not a capital that
frames reported speech about another state's figure. Sentences are our own; positives and negatives."""
from __future__ import annotations

import pytest

from kronika import extract

# (sentence, number, the place the claim must have; None = no place)
EXAMPLES = [
    # the place of the figure itself
    ("W obwodzie kurskim walczy ok. 11 tys. żołnierzy z Korei Północnej.", "11 tys.", "Kursk Oblast"),
    ("Gubernator poinformował, że w Charkowie zginęły trzy osoby.", "trzy", "Kharkiv"),
    ("Jak podała ONZ, w Strefie Gazy przebywa 120 tys. przesiedlonych.", "120 tys.", "Gaza Strip"),
    # a capital in the frame, speaking of another state's figure: where it was said
    ("Wywiad poinformował posłów w Seulu, że na froncie zginęło 300 żołnierzy z Korei Północnej.", "300", None),
    ("Rzecznik w Waszyngtonie przekazał, że Rosja straciła 40 czołgów.", "40", None),
    # the speaker's own locality in the frame is the figure's
    ("Lekarze w Gazie szacują, że w szpitalu przebywa 600 pacjentów.", "600", "Gaza Strip"),
    # a country's adjective after a preposition: a place before a noun of place, none before an action
    ("Od początku roku na polskich drogach zginęło 900 osób.", "900", "Poland"),
    ("W ukraińskich zakładach powstanie 18 haubic.", "18", "Ukraine"),
    ("W izraelskich nalotach zginęło 30 osób.", "30", None),
    ("W rosyjskim ataku rannych zostało 14 cywilów.", "14", None),
    # a Polish place the gazetteer lacks, from morfeusz2's dictionary (nazwa_geograficzna)
    ("W Knurowie rannych zostało czterech górników.", "czterech", "Knurów"),
    ("W Ostrzeszowie wykryto trzy ogniska ptasiej grypy.", "trzy", "Ostrzeszów"),
    # ... but not the seat of a named body, one of several places, or the start of a longer name
    ("Raport Instytutu Uprawy w Puławach mówi o 12 województwach.", "12", None),
    ("Ewakuowano 300 osób z domów w Kłodzku i Nysie.", "300", None),
    ("Z pożarem pod Zieloną Górą walczy 140 strażaków.", "140", None),
    # ... nor the place of a part after `w tym`
    ("Zmarło 104 osoby, w tym 37 w Ostrzeszowie.", "104", None),
    # an adjective between a preposition and a country; not a pronoun before a country's adjective
    ("W sąsiedniej Syrii zginęło 40 osób.", "40", "Syria"),
    ("W niewoli pozostaje 101 zakładników, przy czym izraelskie władze milczą.", "101", None),
    # a capital inside the reported clause is the figure's place
    ("Policja podała, że w Kijowie zginęło 12 osób.", "12", "Kyiv"),
    # a capital just after a national body is its seat: the count is the country's
    ("Ministerstwo Zdrowia w Sanie podało, że zachorowało 40 tys. osób.", "40 tys.", "Yemen"),
    ("Rząd w Kijowie poinformował o 300 ofiarach.", "300", "Ukraine"),
    # ... not for a figure past a semicolon, which another source gives
    ("Według WHO zgonów było 149; ministerstwo w Sanie podaje 26 tys. chorych.", "149", None),
    # ... not after a city's own body, nor with no body before it
    ("Policja w Kijowie mówi o 12 rannych.", "12", "Kyiv"),
    ("W Kijowie rannych zostało 12 osób.", "12", "Kyiv"),
    # a place before a relative clause embedded in the figure's clause: the main clause goes on after it
    ("W gminie Kłecko, gdzie też wybierano wójta, do godz. 17 głosowało 31 proc. uprawnionych.", "31 proc.",
     "gmina Kłecko"),
    ("W Ostrzeszowie, gdzie woda opadła w nocy, ewakuowano 40 osób.", "40", "Ostrzeszów"),
    # ... but not the place inside the relative clause, nor one of a list before a comma that opens none
    ("Strażacy, którzy przyjechali z Ostrzeszowa, ewakuowali 40 osób.", "40", None),
    ("Ewakuowano 300 osób z domów w Kłodzku, Nysie i Głuchołazach.", "300", None),
    # items of a list, each with its own place: the place of its own item, before or after the number,
    # whichever of the gazetteer or the dictionary knows it
    ("Ewakuowano 300 osób w Ostrzeszowie i 200 w Knurowie.", "300", "Ostrzeszów"),
    ("Ewakuowano 300 osób w Ostrzeszowie i 200 w Knurowie.", "200", "Knurów"),
    ("Za gotówkę kupiono ok. 55 proc. mieszkań w Warszawie i 61 proc. w Knurowie.", "61 proc.", "Knurów"),
    ("Za gotówkę kupiono w Knurowie 48 proc. mieszkań, a w Warszawie 57 proc.", "48 proc.", "Knurów"),
    ("Na Słowacji zginęło 5 osób, a w Czechach 7 osób.", "5", "Slovakia"),
    ("Na Słowacji zginęło 5 osób, a w Czechach 7 osób.", "7", "Czechia"),
    # ... a whole takes no place of its parts, nor a number the place of the next item
    ("Na oddziałach jest 1460 łóżek, w tym 212 w Ostrzeszowie i 164 w Knurowie.", "1460", None),
    ("Na oddziałach jest 1460 łóżek, w tym 212 w Ostrzeszowie i 164 w Knurowie.", "212", "Ostrzeszów"),
    ("Brakuje paliwa na 21 proc. stacji w kraju, w Knurowie na 41 proc.", "21 proc.", None),
    # ... a decimal comma joins no list (`3,9 tys. w Warszawie`)
    ("Sprzedano 11,2 tys. mieszkań, z czego 3,9 tys. w Warszawie i 1,6 tys. w Knurowie.", "3,9 tys.", "Warsaw"),
    ("Sprzedano 11,2 tys. mieszkań, z czego 3,9 tys. w Warszawie i 1,6 tys. w Knurowie.", "1,6 tys.", "Knurów"),
    # a part of a city between the preposition and the capital's name: the city, whose it is not
    ("Policja szacuje tłum w centrum Nairobi na 12 tys. osób.", "12 tys.", "Nairobi"),
    ("Na przedmieściach Kijowa zginęło pięć osób.", "pięć", "Kyiv"),
    # a capital listed after another place: the two hold in its country
    ("W Mombasie i Nairobi zatrzymano łącznie 320 demonstrantów.", "320", "Kenya"),
    ("Rannych jest 410, z czego 95 leży w szpitalach w Szkodrze i Tiranie.", "95", "Albania"),
    # ... and a place before both numbers frames both
    ("W Knurowie doliczono się 512 zachorowań i 214 zgonów.", "214", "Knurów"),
]


@pytest.mark.parametrize("sentence,cue,place", EXAMPLES, ids=[e[1] for e in EXAMPLES])
def test_a_claim_holds_where_its_own_clause_says(sentence: str, cue: str, place: str | None) -> None:
    claims = [c for c in extract(sentence, "2024-09-16") if c.mention == cue]
    assert claims, f"no claim at {cue!r}"
    assert claims[0].place == place


def test_a_city_named_after_a_part_of_it_is_no_actor() -> None:
    (claim,) = [c for c in extract("Na przedmieściach Kijowa zginęło pięć osób.", "2024-09-16")]
    assert claim.actor is None
