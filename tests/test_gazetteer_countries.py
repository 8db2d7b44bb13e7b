"""Examples-as-tests for the country gazetteer beyond the first 108 (kronika/lang/pl/gazetteer/countries.tsv):
every UN member state is found by name, adjective, demonym or capital, and the names that are also
ordinary Polish words (`katar`, `komory`, `rabat`) or other things (the Dakar rally, Granada) are not
read as countries where they are those words. Sentences are written for this file."""
from __future__ import annotations

import pytest

from kronika.entities import entity_info, find_entities
from kronika.entities.build import LANG_DIR, read_rows
from tests.entity_examples import overlapping

# text, span, canonical, form (kind is always country)
POSITIVES = [
    ("Na Jamajce zginęło 28 osób.", "Jamajce", "Jamaica", "name"),
    ("Jamajska policja zatrzymała 12 podejrzanych.", "Jamajska", "Jamaica", "adjective"),
    ("Kingston ogłosił stan wyjątkowy w trzech okręgach.", "Kingston", "Jamaica", "capital"),
    ("Wśród ofiar jest dwóch Jamajczyków.", "Jamajczyków", "Jamaica", "demonym"),
    ("Na Wybrzeżu Kości Słoniowej ulewy zabiły 14 osób.", "Wybrzeżu Kości Słoniowej", "Ivory Coast", "name"),
    ("Według iworyjskiego ministerstwa zdrowia rannych jest 40.", "iworyjskiego", "Ivory Coast", "adjective"),
    ("W Abidżanie zawalił się budynek mieszkalny.", "Abidżanie", "Ivory Coast", "capital"),
    ("Władze Republiki Dominikańskiej ewakuowały 3 tys. osób.", "Republiki Dominikańskiej",
     "Dominican Republic", "name"),
    ("Na Dominikanie w zawaleniu dachu klubu zginęło 220 osób.", "Dominikanie", "Dominican Republic", "name"),
    ("Dominikana przyjęła w tym roku 8 mln turystów.", "Dominikana", "Dominican Republic", "name"),
    ("W Nepalu lawina zabiła dziewięciu wspinaczy.", "Nepalu", "Nepal", "name"),
    ("Katmandu poinformowało o 40 ofiarach powodzi.", "Katmandu", "Nepal", "capital"),
    ("Nepalscy ratownicy odnaleźli 7 ciał.", "Nepalscy", "Nepal", "adjective"),
    ("W Nowej Zelandii trzęsienie ziemi uszkodziło 300 domów.", "Nowej Zelandii", "New Zealand", "name"),
    ("Wellington przeznaczy na odbudowę 2 mld dolarów.", "Wellington", "New Zealand", "capital"),
    ("Cyklon zabił na Sri Lance 15 osób.", "Sri Lance", "Sri Lanka", "name"),
    ("Osuwisko w Papui-Nowej Gwinei zasypało ponad 670 osób.", "Papui-Nowej Gwinei", "Papua New Guinea",
     "name"),
    ("Na Wyspach Salomona zamieszki trwały trzy dni.", "Wyspach Salomona", "Solomon Islands", "name"),
    ("Na Fidżi cyklon zniszczył 500 domów.", "Fidżi", "Fiji", "name"),
    ("Malezyjska straż przybrzeżna uratowała 37 migrantów.", "Malezyjska", "Malaysia", "adjective"),
    ("Do Malty dotarło w tym roku 2 tys. migrantów.", "Malty", "Malta", "name"),
    ("W Valletcie protestowało 20 tys. osób.", "Valletcie", "Malta", "capital"),
    ("Rząd w Rabacie zapowiedział pomoc dla 50 tys. rodzin.", "Rabacie", "Morocco", "capital"),
    ("Przez Kanał w Panamie przepłynęło 10 tys. statków.", "Panamie", "Panama", "name"),
    ("Negocjacje w Omanie trwały dwa dni.", "Omanie", "Oman", "name"),
    ("Rozmowy prowadzone są za pośrednictwem Kataru.", "Kataru", "Qatar", "name"),
    ("W Limie protestowało 10 tys. osób.", "Limie", "Peru", "capital"),
    ("W Bangkoku zatrzymano 20 osób.", "Bangkoku", "Thailand", "capital"),
    ("Nairobi wyśle do Haiti tysiąc policjantów.", "Nairobi", "Kenya", "capital"),
    ("Nairobi wyśle do Haiti tysiąc policjantów.", "Haiti", "Haiti", "name"),
    ("W Republice Konga wybory przełożono o rok.", "Republice Konga", "Republic of the Congo", "name"),
    ("W Demokratycznej Republice Konga zginęło 30 cywilów.", "Demokratycznej Republice Konga", "DR Congo",
     "name"),
    ("W Gwinei Bissau doszło do próby zamachu stanu.", "Gwinei Bissau", "Guinea-Bissau", "name"),
    ("W Gwinei Równikowej aresztowano 12 opozycjonistów.", "Gwinei Równikowej", "Equatorial Guinea", "name"),
    ("W Gwinei junta rozwiązała 53 partie.", "Gwinei", "Guinea", "name"),
    ("Ghańczycy wybrali nowego prezydenta.", "Ghańczycy", "Ghana", "demonym"),
    ("Ugandyjska armia wysłała do Sudanu Południowego 1,5 tys. żołnierzy.", "Ugandyjska", "Uganda",
     "adjective"),
    ("W Kambodży przy granicy z Tajlandią zginęło 12 żołnierzy.", "Kambodży", "Cambodia", "name"),
    ("W Boliwii susza objęła 9 departamentów.", "Boliwii", "Bolivia", "name"),
    ("Ekwadorska policja przejęła 5 ton kokainy.", "Ekwadorska", "Ecuador", "adjective"),
    ("Do Luksemburga trafiło 100 mln euro.", "Luksemburga", "Luxembourg", "name"),
    ("Bank Światowy przyznał Komorom 20 mln dolarów pomocy.", "Komorom", "Comoros", "name"),
    ("Na Malediwach podniósł się poziom morza.", "Malediwach", "Maldives", "name"),
    ("Władze Mongolii ogłosiły stan klęski w 10 prowincjach.", "Mongolii", "Mongolia", "name"),
    ("W Ułan Batorze smog przekroczył normę dziesięciokrotnie.", "Ułan Batorze", "Mongolia", "capital"),
    ("Dwóch Kirgizów zatrzymano na granicy.", "Kirgizów", "Kyrgyzstan", "demonym"),
    ("W Sarajewie protestowało 5 tys. osób.", "Sarajewie", "Bosnia and Herzegovina", "capital"),
    ("Na Saharze Zachodniej zginęło 4 cywilów.", "Saharze Zachodniej", "Western Sahara", "name"),
]

# text, span: no country may touch the span (an empty span: no country anywhere in the text)
NEGATIVES = [
    ("Katar i kaszel to pierwsze objawy, na które skarży się 30 proc. pacjentów.", "Katar"),
    ("Malta wapienna twardnieje do 28 dni, podają producenci.", "Malta"),
    ("Murarz rozrobił maltę wapienną na 40 m kw. ściany.", ""),
    ("Oman wielki kwitnie w lipcu i dorasta do 2 m.", "Oman"),
    ("Panama z szerokim rondem kosztuje w sklepie 300 zł.", "Panama"),
    ("Rabat dla seniorów wyniesie 20 proc.", "Rabat"),
    ("Komory chłodnicze w magazynie pomieściły 400 ton jabłek.", "Komory"),
    ("Dominikanie z krakowskiego klasztoru wydali 2 tys. posiłków.", "Dominikanie"),
    ("Klasztor dominikański odwiedziło w niedzielę 5 tys. pielgrzymów.", ""),
    ("Maltańczyk pogryzł dwoje dzieci na placu zabaw.", "Maltańczyk"),
    ("Rajd Dakar zakończył się po 12 etapach.", ""),
    ("Victoria Beckham otworzyła 3 nowe sklepy.", ""),
    ("Grenada pokonała Sevillę 2:1 przed 20 tys. widzów.", ""),
    ("Dominika Kowalska zdobyła 12 punktów.", ""),
    ("Male spółki zatrudniają 40 proc. pracowników.", "Male"),
]


def _countries(text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.canonical, m.form) for m in find_entities(text) if m.kind == "country"]


@pytest.mark.parametrize(("text", "span", "canonical", "form"), POSITIVES, ids=[p[1] for p in POSITIVES])
def test_country_is_found(text: str, span: str, canonical: str, form: str) -> None:
    start = text.index(span)
    found = _countries(text)
    assert (start, start + len(span), canonical, form) in found, found


@pytest.mark.parametrize(("text", "span"), NEGATIVES, ids=[n[0][:30] for n in NEGATIVES])
def test_homograph_is_no_country(text: str, span: str) -> None:
    assert overlapping(_countries(text), text, span) == []


def test_new_capitals_name_their_cities() -> None:
    assert entity_info("Jamaica") == {"canonical": "Jamaica", "kind": "country", "country": "Jamaica",
                                      "role": None, "capital": "Kingston"}
    assert entity_info("Kingston") == {"canonical": "Kingston", "kind": "place", "country": "Jamaica",
                                       "role": "capital", "capital": None}
    info = entity_info("Republic of the Congo")
    assert info is not None and info["capital"] == "Brazzaville"
    info = entity_info("Kenya")
    assert info is not None and info["capital"] == "Nairobi"


def test_every_un_member_state_is_a_country() -> None:
    countries = {row.canonical for row in read_rows(LANG_DIR / "pl" / "gazetteer") if row.kind == "country"}
    un_members = 193
    not_members = {"Palestine", "Kosovo", "Taiwan", "Vatican", "Soviet Union", "Western Sahara"}
    assert len(countries - not_members) == un_members
    for canonical in sorted(countries):
        info = entity_info(canonical)
        assert info is not None and info["kind"] == "country", canonical
