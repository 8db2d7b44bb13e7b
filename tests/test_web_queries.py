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


def test_a_ledger_served_before_the_migration_takes_it(tmp_path: Path) -> None:
    """Before 0007 the workbench made figures_listing itself when it opened a ledger: such a ledger
    takes 0007 (and 0008) all the same."""
    db = tmp_path / "kronika.db"
    Ledger(db).close()
    with sqlite3.connect(db) as connection:
        connection.execute(
            "DELETE FROM migrations WHERE name IN ('0007_figures_listing.sql', '0008_facet_indexes.sql')")
        for index in ("figures_listing", "figures_measure_listing", "figures_actor_listing", "figures_place_listing",
                      "figures_story_listing"):
            connection.execute(f"DROP INDEX {index}")
        connection.execute("CREATE INDEX figures_listing ON figures(contested DESC, claims DESC, id)")  # as served
    Ledger(db).close()
    with sqlite3.connect(db) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM migrations")}
        indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"0007_figures_listing.sql", "0008_facet_indexes.sql"} <= names
    assert {"figures_listing", "figures_measure_listing", "figures_story_listing"} <= indexes


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
    # One facet: that facet's index in the list's order (migration 0008), with contested or without.
    for column, value in (("measure", "killed"), ("actor", "Rosja"), ("place", "Opole"), ("story", "story:x")):
        for contested in (None, True):
            sql, parameters = reconciled.figures_sql({column: value, "contested": contested})
            plan = _plan(connection, sql, [*parameters, 51, 0])
            assert f"figures_{column}_listing" in plan and "TEMP B-TREE" not in plan, (column, plan)


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

def _ledger_with_one_article(tmp_path: Path) -> sqlite3.Connection:
    """A new ledger holding one article `a`, for claims written by hand."""
    db = tmp_path / "kronika.db"
    Ledger(db).close()
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("INSERT INTO articles (id, content_hash, text, ingested_at) VALUES ('a', 'a', 'x', '2024')")
    return connection


# -- figures by source: two plans, one answer ---------------------------------------------------------

def _figures_ledger(tmp_path: Path) -> sqlite3.Connection:
    """60 figures of 1-3 claims; `PAP` says most of the numbers, `wojewoda` two of them."""
    connection = _ledger_with_one_article(tmp_path)
    with connection:
        connection.execute("INSERT INTO stories (id, label, articles, top_entities) VALUES ('s', 's', 1, '[]')")
        claim = 0
        for number in range(60):
            figure = f"s/displaced:{number}"
            connection.execute(
                "INSERT INTO figures (id, story, measure, subject_kind, scope, label, rule, claims, sources,"
                " independent_sources, contested) VALUES (?, 's', 'displaced', 'people', 'incident', ?, 'newest',"
                " ?, 1, 1, ?)", (figure, figure, number % 3 + 1, number % 4 == 0))
            for position in range(number % 3 + 1):
                claim += 1
                source = "wojewoda" if claim in (7, 40) else ("PAP" if claim % 5 else None)
                connection.execute(
                    "INSERT INTO claims (id, article, span_start, span_end, mention, value, qualifier, measure,"
                    " source, modality, sentence) VALUES (?, 'a', 0, 1, 'x', 1, 'exact', 'displaced', ?,"
                    " 'asserted', 'x')", (claim, source))
                connection.execute("INSERT INTO figure_claims (figure, claim, role, position)"
                                   " VALUES (?, ?, 'member', ?)", (figure, claim, position))
    connection.row_factory = sqlite3.Row
    return connection


def test_figures_of_a_source_are_the_same_by_walk_and_by_its_claims(tmp_path: Path, monkeypatch) -> None:
    connection = _figures_ledger(tmp_path)
    reconciled = Reconciled(Pages(lambda: connection))
    assert reconciled._walk_for_source(["PAP"], 11) and not reconciled._walk_for_source(["wojewoda"], 11)
    for source in ("PAP", "wojewoda", "nobody"):
        answers = []
        for walk in (True, False):
            monkeypatch.setattr(Reconciled, "_walk_for_source", lambda self, names, depth, walk=walk: walk)
            pages = [reconciled.figures({"source": source}, page, 10)["figures"] for page in range(1, 8)]
            answers.append([figure["id"] for page in pages for figure in page])
            sql, parameters = reconciled.figures_sql({"source": source})
            plan = _plan(connection, sql, [*parameters, 11, 0])
            assert ("TEMP B-TREE" in plan) != walk, plan  # the walk follows figures_listing: nothing sorted
        assert answers[0] == answers[1], source
        expected = {row[0] for row in connection.execute(
            "SELECT DISTINCT figure FROM figure_claims JOIN claims ON claims.id = claim WHERE source = ?", (source,))}
        assert set(answers[0]) == expected and len(answers[0]) == len(expected)
        assert (len(expected) > 40) if source == "PAP" else (len(expected) <= 2)


def test_facet_counts_are_kept_across_reviews_and_counted_again_after_new_claims(tmp_path: Path) -> None:
    connection = _search_ledger(tmp_path)
    pages = Pages(lambda: connection)
    counted = []

    def count() -> int:
        counted.append(1)
        return int(connection.execute("SELECT COUNT(*) FROM claims").fetchone()[0])

    assert pages.cached(("claims",), count) == 7 and pages.cached(("claims",), count) == 7
    with connection:
        connection.execute("INSERT INTO reviews (claim, article, span_start, span_end, reviewer, reviewed_at,"
                           " verdict, before, after) VALUES (1, 'lomza_woda', 0, 1, 'ola', '2024', 'confirmed',"
                           " '{}', '{}')")
    assert pages.cached(("claims",), count) == 7 and len(counted) == 1  # a review changes no count
    with connection:
        connection.execute("INSERT INTO claims (article, span_start, span_end, mention, value, qualifier, measure,"
                           " modality, sentence) VALUES ('susza_opole', 0, 1, 'x', 1, 'exact', 'killed',"
                           " 'asserted', 'x')")
    assert pages.cached(("claims",), count) == 8 and len(counted) == 2



def test_facet_counts_are_counted_again_after_a_reconciliation_alone(tmp_path: Path) -> None:
    """`kronika reconcile` run by itself rewrites the figures and adds no claim: cached figure counts
    must not outlive it."""
    from kronika.reconcile.store import reconcile_ledger
    connection = _search_ledger(tmp_path)
    pages = Pages(lambda: connection)

    def figure_count() -> int:
        return int(connection.execute("SELECT COUNT(*) FROM figures").fetchone()[0])

    assert pages.cached(("figures",), figure_count) == 0
    ledger = Ledger(tmp_path / "kronika.db")  # as another process would
    summary = reconcile_ledger(ledger)
    ledger.close()
    assert summary.figures > 0
    assert pages.cached(("figures",), figure_count) == summary.figures

def _claims_ledger(tmp_path: Path) -> sqlite3.Connection:
    """600 claims: most are `displaced` and from PAP, a few `killed` or from `wojewoda`."""
    connection = _ledger_with_one_article(tmp_path)
    with connection:
        for number in range(600):
            measure = "killed" if number % 50 == 7 else "displaced"
            source = "wojewoda" if number % 40 == 3 else ("PAP" if number % 3 else None)
            connection.execute(
                "INSERT INTO claims (article, span_start, span_end, mention, value, qualifier, measure, source,"
                " source_id, modality, sentence) VALUES ('a', 0, 1, 'x', 1, 'exact', ?, ?, ?, 'asserted', 'x')",
                (measure, source, source))
    connection.row_factory = sqlite3.Row
    return connection


def test_claims_of_common_values_are_walked_in_order_and_rare_ones_found_by_index(tmp_path: Path,
                                                                                  monkeypatch) -> None:
    connection = _claims_ledger(tmp_path)
    pages = Pages(lambda: connection)
    for filters, walked in (({"measure": "displaced"}, True), ({"source": "PAP"}, True),
                            ({"measure": "killed"}, False), ({"source": "wojewoda"}, False),
                            ({"measure": "displaced", "source": "wojewoda"}, False)):
        sql, parameters = pages.claims_sql(filters, 21)
        plan = _plan(connection, sql, [*parameters, 21, 0])
        assert ("TEMP B-TREE" not in plan) == walked, (filters, plan)
    # A source without a canonical id is looked up by (source_id, source) (0008), not by reading every
    # claim whose source_id is NULL.
    sql, parameters = pages.claims_sql({"source": "straż miejska"}, 21)
    assert "(source_id=? AND source=?)" in _plan(connection, sql, [*parameters, 21, 0])
    for filters in ({"measure": "displaced"}, {"measure": "killed", "source": "PAP"}, {"source": "wojewoda"}):
        answers = []
        for walk in (True, False):
            monkeypatch.setattr(Pages, "_walk_claims", lambda self, chosen, depth, walk=walk: walk)
            listed = [pages.claims(filters, page, 20)["claims"] for page in range(1, 40)]
            answers.append([claim["id"] for page in listed for claim in page])
        assert answers[0] == answers[1] and answers[0] == sorted(answers[0]), filters
        where = " AND ".join(f"{column} = '{value}'" for column, value in filters.items())
        assert len(answers[0]) == connection.execute(f"SELECT COUNT(*) FROM claims WHERE {where}").fetchone()[0]
