"""find_entities and entity_info: longest match, attributes, guards, data integrity, speed."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from kronika.entities import entity_info, find_entities
from kronika.entities.build import KINDS, LANG_DIR, Row, compile_rows, read_rules
from kronika.entities.gazetteer import gazetteer
from kronika.entities.inflect import InflectionError, Inflector

CORPUS = Path(__file__).parent / "corpus" / "entities_pl.tsv"


def _spans(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in find_entities(text)]


def test_longest_match_wins_over_the_country_inside_a_name() -> None:
    text = "Narodowa Służba Wywiadowcza Korei Południowej (NIS) poinformowała we wtorek."
    assert _spans(text) == [
        ("Narodowa Służba Wywiadowcza Korei Południowej", "South Korean National Intelligence Service"),
        ("NIS", "South Korean National Intelligence Service"),
    ]


def test_ministry_is_one_government_entity_with_its_country() -> None:
    [mention] = find_entities("Według Ministerstwa Obrony Rosji atak odparto.")
    assert (mention.canonical, mention.kind) == ("Russian Ministry of Defence", "government")
    info = entity_info(mention.canonical)
    assert info is not None and info["country"] == "Russia"


def test_mentions_come_sorted_and_apart() -> None:
    mentions = find_entities("Putin i Zełenski, Rosja i Ukraina, NATO i UE, Kursk i Krym.")
    assert [m.canonical for m in mentions] == [
        "Vladimir Putin", "Volodymyr Zelensky", "Russia", "Ukraine", "NATO", "European Union",
        "Kursk Oblast", "Crimea",
    ]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


def test_capital_stands_for_its_country_and_names_its_city() -> None:
    [mention] = find_entities("Pjongjang wysyła kolejnych żołnierzy.")
    assert (mention.canonical, mention.kind, mention.form) == ("North Korea", "country", "capital")
    assert entity_info("North Korea") == {"canonical": "North Korea", "kind": "country",
                                          "country": "North Korea", "role": None, "capital": "Pyongyang"}
    assert entity_info("Kyiv") == {"canonical": "Kyiv", "kind": "place", "country": "Ukraine",
                                   "role": "capital", "capital": None}


def test_person_info_has_country_and_role() -> None:
    info = entity_info("Dmitry Peskov")
    assert info is not None
    assert (info["kind"], info["country"], info["role"]) == ("person", "Russia", "Kremlin spokesman")


def test_entity_info_of_an_unknown_name_is_none_and_results_are_copies() -> None:
    assert entity_info("Atlantis") is None
    info = entity_info("Russia")
    assert info is not None
    info["kind"] = "changed"
    assert entity_info("Russia")["kind"] == "country"  # type: ignore[index]


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="no gazetteer"):
        find_entities("Rosja", lang="xx")


def test_guards_on_sentence_start_and_quotes() -> None:
    assert _spans("Kim jest ten człowiek?") == []
    assert _spans("Kim przyjął delegację.") == [("Kim", "Kim Jong Un")]
    assert _spans("Czad ulatniał się z pieca.") == []
    assert _spans("Uchodźcy dotarli do Czadu.") == [("Czadu", "Chad")]
    quoted = "Jak podała „Rzeczpospolita”, ustawa jest gotowa."
    assert _spans(quoted) == [("Rzeczpospolita", "Rzeczpospolita")]
    assert _spans("Jak podała Rzeczpospolita, ustawa jest gotowa.") == []
    assert _spans("– Mali chłopcy uciekli – powiedział.") == []


def test_every_attribute_points_at_a_known_country() -> None:
    entities = gazetteer("pl").entities
    countries = {name for name, info in entities.items() if info["kind"] == "country"}
    assert len(countries) >= 70
    for name, info in entities.items():
        assert info["kind"] in KINDS, name
        assert info["country"] is None or info["country"] in countries, name


def test_rows_giving_one_form_to_two_entities_are_refused() -> None:
    rows = [Row("a:1", "Ukraine", "country", "name", "Ukraina", frozenset(), None, ""),
            Row("b:1", "Borderland", "place", "name", "Ukraina", frozenset(), None, "")]
    inflector = Inflector(read_rules(LANG_DIR / "pl" / "gazetteer"))
    with pytest.raises(InflectionError, match="two entities"):
        compile_rows(rows, inflector)


def test_unknown_words_need_a_template() -> None:
    rows = [Row("a:1", "Nowhere", "place", "name", "Qwxzyk", frozenset(), None, "")]
    inflector = Inflector(read_rules(LANG_DIR / "pl" / "gazetteer"))
    with pytest.raises(InflectionError, match="a:1: no head noun in 'Qwxzyk'"):
        compile_rows(rows, inflector)


def test_speed_is_at_least_two_megabytes_a_second() -> None:
    sentences = [line.split("\t")[1] for line in CORPUS.read_text(encoding="utf-8").splitlines()
                 if line.startswith(("pos\t", "neg\t"))]
    text = " ".join(sentences)
    text = text * (2_000_000 // len(text.encode()) + 1)
    find_entities("")  # load outside the timing
    best = min(_timed(text) for _ in range(3))
    assert len(text.encode()) / best >= 2_000_000, f"{len(text.encode()) / best / 1e6:.2f} MB/s"


def _timed(text: str) -> float:
    start = time.perf_counter()
    find_entities(text)
    return time.perf_counter() - start
