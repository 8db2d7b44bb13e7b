"""The workbench's queries against the ledger's own schema: the indexes they walk come from migrations
(never made at serve time), and the plans SQLite picks for them use those indexes."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from kronika.ledger import Ledger
from kronika.web.database import Database
from kronika.web.queries import Ledger as Pages
from kronika.web.queries import Reconciled


def _plan(connection: sqlite3.Connection, sql: str, parameters: list[object]) -> str:
    return " | ".join(row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, parameters))


def test_figures_listing_index_is_a_migration(tmp_path: Path) -> None:
    db = tmp_path / "kronika.db"
    Ledger(db).close()
    connection = sqlite3.connect(db)
    migrations = [row[0] for row in connection.execute("SELECT name FROM migrations ORDER BY name")]
    assert "0007_figures_listing.sql" in migrations
    index = connection.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'figures_listing'")
    assert "contested DESC, claims DESC, id" in index.fetchone()[0]
    before = connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    connection.close()
    Database(db)  # serving the ledger creates nothing of its own
    with sqlite3.connect(db) as again:
        assert again.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == before


def test_figures_list_walks_its_index_instead_of_sorting(tmp_path: Path) -> None:
    db = tmp_path / "kronika.db"
    Ledger(db).close()
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    reconciled = Reconciled(Pages(lambda: connection))
    for filters in ({}, {"contested": True}, {"contested": False}):
        sql, parameters = reconciled.figures_sql(filters)
        plan = _plan(connection, sql, [*parameters, 51, 0])
        assert "figures_listing" in plan and "TEMP B-TREE" not in plan, (filters, plan)


# -- search: one hit per sentence -------------------------------------------------------------------

# Written for these tests: each article's sentences, and the numbers in them that are claims.
SEARCH_ARTICLES = {
    "lomza_woda": [
        ("Po powodzi w Łomży strażacy ewakuowali 120 osób, a 15 trafiło do szpitala.", ("120", "15")),
        ("Burmistrz dodał, że zalanych zostało 40 piwnic.", ("40",)),
    ],
    "lomza_woda_kopia": [  # the wire sentence again, in another outlet's article
        ("Po powodzi w Łomży strażacy ewakuowali 120 osób, a 15 trafiło do szpitala.", ("120", "15")),
    ],
    "susza_opole": [
        ("Susza objęła 300 gmin, a straty rolników sięgnęły 2 mld zł.", ("300", "2 mld")),
    ],
}


def _search_ledger(tmp_path: Path) -> sqlite3.Connection:
    db = tmp_path / "kronika.db"
    Ledger(db).close()
    connection = sqlite3.connect(db)
    with connection:
        for article, sentences in SEARCH_ARTICLES.items():
            text = " ".join(sentence for sentence, _ in sentences)
            connection.execute("INSERT INTO articles (id, content_hash, text, ingested_at) VALUES (?, ?, ?, '2024')",
                               (article, article, text))
            for sentence, mentions in sentences:
                at = text.index(sentence)
                for mention in mentions:
                    start = text.index(mention, at)
                    connection.execute(
                        "INSERT INTO claims (article, span_start, span_end, mention, value, qualifier, measure,"
                        " source, modality, sentence) VALUES (?, ?, ?, ?, 1, 'exact', 'displaced', ?, 'asserted', ?)",
                        (article, start, start + len(mention), mention,
                         "straż pożarna" if mention == "120" else None, sentence))
    return connection


def test_a_sentence_with_several_claims_is_one_hit_listing_them(tmp_path: Path) -> None:
    from kronika.web.search import search

    connection = _search_ledger(tmp_path)
    found = search(connection, "szpital")  # szpitala: one sentence, two claims, in two articles
    assert [(hit["article"], [c["mention"] for c in hit["claims"]]) for hit in found["claims"]] == [
        ("lomza_woda_kopia", ["120", "15"]), ("lomza_woda", ["120", "15"])]
    assert any(s["match"] and s["text"] == "szpitala" for s in found["claims"][0]["snippet"])
    assert search(connection, "szpital burmistrz")["claims"] == []  # every word in one sentence: none has both
    cellars = search(connection, "zalany")  # zalanych: the article's other sentence, its one claim
    assert [[c["mention"] for c in hit["claims"]] for hit in cellars["claims"]] == [["40"]]


def test_sentences_match_by_source_and_inflected_forms_and_page_without_repeats(tmp_path: Path) -> None:
    from kronika.web.search import search

    connection = _search_ledger(tmp_path)
    by_source = search(connection, "straży pożarnej")  # the source of 120, inflected
    assert {hit["article"] for hit in by_source["claims"]} == {"lomza_woda", "lomza_woda_kopia"}
    assert {hit["mention"] for hit in by_source["claims"]} == {"120"}  # the claim that matched
    powodz = search(connection, "powódź")  # the lemma finds `powodzi`
    assert len(powodz["claims"]) == 2 and not search(connection, "trzęsienie")["claims"]
    # Paging counts sentences: two sentences hold `osób` (four claims), one per page, none repeated.
    every = search(connection, "osoba", 10)
    assert len(every["claims"]) == 2 and not every["more"]
    first, second, third = (search(connection, "osoba", 1, offset) for offset in range(3))
    assert first["more"] and not second["more"] and third["claims"] == []
    assert first["claims"][0]["article"] != second["claims"][0]["article"]
