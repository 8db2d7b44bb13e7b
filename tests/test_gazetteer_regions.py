"""Examples-as-tests for the regions and major cities in kronika/lang/pl/gazetteer/places.tsv beyond the
first countries' (India's and the United States' states, Pakistan's, Canada's and China's provinces,
Australia's states, France's regions, the UK's nations, Austria's Länder, Czech regions, Bosnia's
entities and cantons, and cities that are not capitals): each is found, inflected, with its country,
and the names that are also other things (a woman's name, a capital, a river, a common noun) are read
as the region only where the text makes it one. Sentences are written for this file."""
from __future__ import annotations

import pytest

from kronika.entities import entity_info, find_entities
from tests.entity_examples import overlapping

# text, span, canonical, country (kind is always place)
POSITIVES = [
    ("W stanie Bihar zmarło 61 osób.", "Bihar", "Bihar", "India"),
    ("Władze Biharu podały, że z upału zmarło 40 osób.", "Biharu", "Bihar", "India"),
    ("Rząd Uttar Pradesh potwierdził 54 zgony.", "Uttar Pradesh", "Uttar Pradesh", "India"),
    ("W Radżastanie temperatura sięgnęła 50 stopni.", "Radżastanie", "Rajasthan", "India"),
    ("W Maharasztrze ulewy zabiły 12 osób.", "Maharasztrze", "Maharashtra", "India"),
    ("W Kerali osuwiska zasypały 200 osób.", "Kerali", "Kerala", "India"),
    ("W Bengalu Zachodnim zderzyły się dwa pociągi.", "Bengalu Zachodnim", "West Bengal", "India"),
    ("W Gudżaracie zawalił się most, zginęło 9 osób.", "Gudżaracie", "Gujarat", "India"),
    ("W Delhi smog przekroczył normy 30-krotnie.", "Delhi", "Delhi", "India"),
    ("W stanie Pendżab rolnicy protestowali od tygodnia.", "stanie Pendżab", "Punjab (India)", "India"),
    ("W prowincji Pendżab powódź zalała 2 tys. wsi.", "prowincji Pendżab", "Punjab (Pakistan)", "Pakistan"),
    ("W Bombaju monsun zabił 20 osób.", "Bombaju", "Mumbai", "India"),
    ("W Mumbaju zatrzymano 5 podejrzanych.", "Mumbaju", "Mumbai", "India"),
    ("W Kalkucie upał zabił 11 osób.", "Kalkucie", "Kolkata", "India"),
    ("W Karaczi fala upałów zabiła 568 osób.", "Karaczi", "Karachi", "Pakistan"),
    ("W Lahaurze smog zamknął szkoły na tydzień.", "Lahaurze", "Lahore", "Pakistan"),
    ("W Beludżystanie zamachowiec zabił 25 osób.", "Beludżystanie", "Balochistan", "Pakistan"),
    ("W Kalifornii pożary strawiły 12 tys. domów.", "Kalifornii", "California", "United States"),
    ("W Teksasie powódź zabiła 135 osób.", "Teksasie", "Texas", "United States"),
    ("Huragan uderzył we Florydę, bez prądu są 3 mln osób.", "Florydę", "Florida", "United States"),
    ("W Luizjanie ewakuowano 40 tys. mieszkańców.", "Luizjanie", "Louisiana", "United States"),
    ("W Karolinie Północnej zginęło 100 osób.", "Karolinie Północnej", "North Carolina", "United States"),
    ("W Wirginii Zachodniej zamknięto 30 szkół.", "Wirginii Zachodniej", "West Virginia", "United States"),
    ("W stanie Nowy Jork ogłoszono stan wyjątkowy.", "stanie Nowy Jork", "New York (state)",
     "United States"),
    ("W Nowym Jorku protestowało 10 tys. osób.", "Nowym Jorku", "New York City", "United States"),
    ("W stanie Waszyngton pożar objął 20 tys. ha.", "stanie Waszyngton", "Washington (state)",
     "United States"),
    ("W stanie Missisipi tornado zabiło 26 osób.", "stanie Missisipi", "Mississippi", "United States"),
    ("Do Indiany trafi 200 mln dolarów.", "Indiany", "Indiana", "United States"),
    ("W Los Angeles spłonęło 16 tys. budynków.", "Los Angeles", "Los Angeles", "United States"),
    ("W Chicago w weekend postrzelono 40 osób.", "Chicago", "Chicago", "United States"),
    ("W Kwebeku zamknięto 300 szkół.", "Kwebeku", "Quebec", "Canada"),
    ("Pożary w Kolumbii Brytyjskiej zmusiły do ewakuacji 30 tys. osób.", "Kolumbii Brytyjskiej",
     "British Columbia", "Canada"),
    ("W prowincji Alberta ewakuowano 88 tys. osób.", "prowincji Alberta", "Alberta", "Canada"),
    ("W Toronto zatrzymano 12 osób.", "Toronto", "Toronto", "Canada"),
    ("W Nowej Południowej Walii powódź odcięła 50 tys. osób.", "Nowej Południowej Walii",
     "New South Wales", "Australia"),
    ("W stanie Wiktoria pożary zabiły 173 osoby.", "stanie Wiktoria", "Victoria (Australia)", "Australia"),
    ("W Sydney protestowało 5 tys. osób.", "Sydney", "Sydney", "Australia"),
    ("W prowincji Syczuan trzęsienie ziemi zabiło 65 osób.", "Syczuan", "Sichuan", "China"),
    ("W Syczuanie zginęło 21 osób.", "Syczuanie", "Sichuan", "China"),
    ("W Sinciangu przetrzymywano milion Ujgurów.", "Sinciangu", "Xinjiang", "China"),
    ("W Tybecie trzęsienie ziemi zabiło 126 osób.", "Tybecie", "Tibet", "China"),
    ("W Szanghaju lockdown objął 25 mln osób.", "Szanghaju", "Shanghai", "China"),
    ("W Hongkongu zatrzymano 47 działaczy.", "Hongkongu", "Hong Kong", "China"),
    ("W Fukushimie ewakuowano 150 tys. osób.", "Fukushimie", "Fukushima", "Japan"),
    ("Na Okinawie stacjonuje 30 tys. amerykańskich żołnierzy.", "Okinawie", "Okinawa", "Japan"),
    ("Na półwyspie Noto zginęły 232 osoby.", "półwyspie Noto", "Noto Peninsula", "Japan"),
    ("W Prowansji pożary strawiły 7 tys. ha.", "Prowansji", "Provence", "France"),
    ("W Bretanii bez prądu jest 1,2 mln domów.", "Bretanii", "Brittany", "France"),
    ("Na Korsyce zatrzymano 3 osoby.", "Korsyce", "Corsica", "France"),
    ("W Marsylii zginęło 49 osób w porachunkach gangów.", "Marsylii", "Marseille", "France"),
    ("W Szkocji zamknięto 200 szkół.", "Szkocji", "Scotland", "United Kingdom"),
    ("W Irlandii Północnej protestowało 2 tys. osób.", "Irlandii Północnej", "Northern Ireland",
     "United Kingdom"),
    ("W Walii powódź zalała 400 domów.", "Walii", "Wales", "United Kingdom"),
    ("W Styrii zginęło 10 osób.", "Styrii", "Styria", "Austria"),
    ("W kraju morawsko-śląskim ewakuowano 4 tys. osób.", "kraju morawsko-śląskim",
     "Moravian-Silesian Region", "Czechia"),
    ("Na Morawach powódź zalała 50 wsi.", "Morawach", "Moravia", "Czechia"),
    ("W Republice Serbskiej odbyło się referendum.", "Republice Serbskiej", "Republika Srpska",
     "Bosnia and Herzegovina"),
    ("W Monachium protestowało 200 tys. osób.", "Monachium", "Munich", "Germany"),
    ("W Kolonii zatrzymano 3 podejrzanych.", "Kolonii", "Cologne", "Germany"),
    ("We Frankfurcie kurs akcji spadł o 3 proc.", "Frankfurcie", "Frankfurt", "Germany"),
    ("W Mediolanie smog utrzymuje się od 10 dni.", "Mediolanie", "Milan", "Italy"),
]

# text, span: no place may touch the span (an empty span: no place anywhere in the text)
NEGATIVES = [
    ("Wiktoria Nowak zdobyła 12 punktów.", "Wiktoria"),  # a woman's name, not the Australian state
    ("Karolina Kowalska zdobyła 14 punktów.", "Karolina"),  # a woman's name, not either Carolina
    ("Prezydent Gruzji odwiedził Georgia Tech z 20 studentami.", "Georgia"),  # Georgia alone: no state
    ("W stanie Georgia policja zatrzymała 475 osób.", "Georgia"),  # the state is left out altogether
    ("Waszyngton nałożył cła na 60 krajów.", "Waszyngton"),  # the capital, not the state
    ("Indianie z plemienia Nawaho liczą 400 tys. osób.", "Indianie"),  # the Indians, not Indiana
    ("Ojciec Alberta przekazał 2 mln zł na hospicjum.", "Alberta"),  # Albert's genitive
    ("Kolonia karna mieściła 300 więźniów.", "Kolonia"),  # a colony, at a sentence start
    ("Rzeka Missisipi wylała na 200 km.", "Missisipi"),  # the river
    ("Morawa wylała, zalewając 300 domów w Serbii.", "Morawa"),  # the Serbian river, in the singular
    ("Brnie przez błoto 40 km dziennie.", "Brnie"),  # "wades", at a sentence start
    ("Mieszkał przy ulicy Lipskiej 12.", ""),  # Leipzig is left out
]


def _places(text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.canonical) for m in find_entities(text) if m.kind == "place"]


@pytest.mark.parametrize(("text", "span", "canonical", "country"), POSITIVES, ids=[p[1] for p in POSITIVES])
def test_region_is_found(text: str, span: str, canonical: str, country: str) -> None:
    start = text.index(span)
    found = _places(text)
    assert (start, start + len(span), canonical) in found, found
    info = entity_info(canonical)
    assert info is not None and info["kind"] == "place" and info["country"] == country, info


@pytest.mark.parametrize(("text", "span"), NEGATIVES, ids=[n[0][:30] for n in NEGATIVES])
def test_homograph_is_no_region(text: str, span: str) -> None:
    assert overlapping(_places(text), text, span) == []


def test_punjab_without_its_state_has_no_country() -> None:
    info = entity_info("Punjab")
    assert info is not None and info["kind"] == "place" and not info["country"]
    text = "W Pendżabie spadło 300 mm deszczu."
    assert (2, 2 + len("Pendżabie"), "Punjab") in _places(text)
