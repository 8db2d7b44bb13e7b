"""Canonical source ids: the examples in tests/corpus/sources_pl.tsv, and the one-pass joining of short
mentions to full ones within an article."""
from __future__ import annotations

from pathlib import Path

import pytest

from kronika.assemble.canonical import resolve, resolve_sources
from kronika.claim import SOURCE_KINDS, Claim
from kronika.pipeline import extract

CORPUS = Path(__file__).parent / "corpus" / "sources_pl.tsv"
ROWS = [line.split("\t") for line in CORPUS.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("phrase,expected,kind", ROWS, ids=[row[0] for row in ROWS])
def test_source_phrase_resolves(phrase: str, expected: str, kind: str) -> None:
    resolved = resolve(phrase)
    if expected == "-":
        assert resolved is None, resolved
    else:
        # kind `-`: the id says nothing of the kind (an acronym only); the attribution's kind stands
        assert resolved is not None and (resolved.id, resolved.kind) == (expected, None if kind == "-" else kind)
        assert resolved.kind is None or resolved.kind in SOURCE_KINDS


def test_the_entity_behind_a_named_spokesperson_is_recorded() -> None:
    resolved = resolve("rzeczniczka GUS Ewa Malinowska")
    assert resolved is not None and resolved.id == "Ewa Malinowska"
    assert resolved.organisation == "Główny Urząd Statystyczny"


def _claim(source: str | None, kind: str | None = "person") -> Claim:
    return Claim(article="a", span=(0, 1), mention="1", value=1.0, source=source, source_kind=kind)


def test_short_mentions_join_the_full_ones_named_earlier() -> None:
    claims = [_claim("Jan Kowalski"), _claim("rzecznik wojewody Piotr Lis"), _claim("wojewoda małopolski"),
              _claim("Kowalski"), _claim("rzecznik"), _claim("wojewoda"), _claim(None)]
    resolve_sources(claims)
    assert [c.source_id for c in claims] == ["Jan Kowalski", "Piotr Lis", "wojewoda małopolski", "Jan Kowalski",
                                             "Piotr Lis", "wojewoda małopolski", None]


def test_a_short_mention_without_an_earlier_full_one_stays_unresolved() -> None:
    claims = [_claim("Nowak"), _claim("rzecznik"), _claim("Jan Kowalski")]
    resolve_sources(claims)
    assert [c.source_id for c in claims] == [None, None, "Jan Kowalski"]


def test_an_agency_is_not_a_person() -> None:
    claims = [_claim("Narodowego Funduszu Zdrowia", "person")]
    resolve_sources(claims)
    assert (claims[0].source_id, claims[0].source_kind) == ("Narodowy Fundusz Zdrowia", "government")


def test_extraction_sets_source_id() -> None:
    text = ("Według danych Narodowego Funduszu Zdrowia w październiku do szpitali trafiło 4200 pacjentów z grypą. "
            "Jak poinformowała policja, w weekend na drogach zginęło 12 osób.")
    claims = extract(text)
    assert {c.source_id for c in claims} >= {"Narodowy Fundusz Zdrowia", "Policja"}


def test_an_unlisted_organisation_is_its_own_id_as_written_and_a_generic_word_is_none() -> None:
    claims = [_claim("Czeskie ministerstwo rolnictwa", None), _claim("Glovexa", None), _claim("eksperci", None),
              _claim("Resort", None)]
    resolve_sources(claims)
    # A state's institution named by its adjective is that institution with the state, whatever the
    # adjective's gender (`czeski resort`, `czeskie ministerstwo`); other names stand as written.
    assert [c.source_id for c in claims] == ["ministerstwo rolnictwa (Czechia)", "Glovexa", None, None]


def test_a_generic_noun_joins_the_last_entity_named_before_it_that_fits() -> None:
    text = ("Główny Urząd Statystyczny podał, że inflacja wyniosła 3,1 proc. Ministerstwo Finansów zakłada spadek "
            "do 2,8 proc. Resort szacuje też, że PKB wzrośnie o 3,4 proc. Spółka PLL LOT przewiozła 5 mln pasażerów. "
            "Przewoźnik zapowiedział zakup 40 samolotów.")
    claims = {c.mention: c for c in extract(text, "2025-03-01")}
    assert claims["3,4 proc."].source_id == "Ministerstwo Finansów"
    assert claims["40"].source_id == "PLL LOT"


def test_a_generic_noun_without_a_fitting_entity_before_it_stays_unresolved() -> None:
    text = "Resort szacuje, że PKB wzrośnie o 3,4 proc. Ministerstwo Finansów podało to w piątek."
    [claim] = [c for c in extract(text, "2025-03-01") if c.mention == "3,4 proc."]
    assert claim.source == "Resort" and claim.source_id is None


def test_a_role_named_another_way_joins_the_person_named_in_it_earlier() -> None:
    text = ("W Opolu był w piątek premier Donald Tusk. Szef rządu zapowiedział, że na odbudowę trafi 3 mld zł. "
            "Szef MSZ powiedział, że za granicą utknęło 40 Polaków.")
    claims = {c.mention: c for c in extract(text, "2025-03-01")}
    assert claims["3 mld zł"].source_id == "Donald Tusk"
    assert claims["40"].source_id != "Donald Tusk"  # another role, named by no one earlier


def test_a_generic_noun_with_its_complement_or_spokesman_joins_the_entity_that_fits() -> None:
    text = ("Niemieckie ministerstwo obrony przekazało Ukrainie 20 czołgów. Resort obrony zapowiedział dostawę "
            "kolejnych 40 wozów. Rzecznik resortu dodał, że w drodze jest 12 haubic.")
    claims = {c.mention: c for c in extract(text, "2025-03-01")}
    assert claims["40"].source_id == claims["12"].source_id == "Federal Ministry of Defence (Germany)"


def test_a_generic_noun_whose_complement_no_entity_before_it_has_stays_as_written() -> None:
    text = "Ministerstwo Zdrowia podało dane o szczepieniach. Resort obrony zapowiedział zakup 40 wozów."
    [claim] = [c for c in extract(text, "2025-03-01") if c.mention == "40"]
    assert claim.source_id == "Resort obrony"


def test_a_generic_noun_before_a_name_is_the_name() -> None:
    claims = [_claim("agencja ANSA", None), _claim("obserwatorium Copernicus", None), _claim("rzecznik", None)]
    resolve_sources(claims)
    assert [c.source_id for c in claims] == ["ANSA", "Copernicus", None]
