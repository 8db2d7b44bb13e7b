"""The figure, story and conflict pages over the reconciliation's tables (the column names of
migration 0003). Until `kronika reconcile` writes them in this branch, the rows are plain SQL over
claims the real pipeline extracted; without the tables the pages say so instead of failing."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from tests.web_fixtures import RECONCILED_TABLES as TABLES
from tests.web_fixtures import build_ledger, live_server

FIGURE = "story:powodz-nysa/displaced::people"
STORY = "story:powodz-nysa"


def add_reconciliation(db: Path) -> dict[str, int]:
    connection = sqlite3.connect(db)
    ids = {mention: claim for claim, mention in connection.execute(
        "SELECT id, mention FROM claims WHERE measure = 'displaced' AND mention IN ('3 tys.', '300')")}
    connection.executescript(TABLES)
    with connection:  # the fixture's own reconciliation replaces what the ingest computed
        for table in ("conflicts", "figure_claims", "figures", "story_articles", "stories"):
            connection.execute(f"DELETE FROM {table}")
        connection.execute("INSERT INTO stories (id, label, articles, first_published, last_published, top_entities)"
                           " VALUES (?, ?, 2, '2024-09-18', '2024-10-02', ?)",
                           (STORY, "Powódź na Opolszczyźnie", json.dumps(["Nysa Kłodzka"])))
        connection.executemany("INSERT INTO story_articles (story, article) VALUES (?, ?)",
                               [(STORY, "powodz_nysa"), (STORY, "wrogi_artykul")])
        connection.execute(
            "INSERT INTO figures (id, story, measure, subject_kind, scope, label, best, low, high, rule, as_of,"
            " claims, sources, independent_sources, contested) VALUES (?, ?, 'displaced', 'people', 'incident',"
            " 'displaced · people', 3000, 300, 3150, 'the newest estimate of the most sources', '2024-10-02',"
            " 2, 2, 2, 1)", (FIGURE, STORY))
        connection.executemany("INSERT INTO figure_claims (figure, claim, role, position) VALUES (?, ?, 'member', ?)",
                               [(FIGURE, ids["3 tys."], 0), (FIGURE, ids["300"], 1)])
        connection.execute("INSERT INTO conflicts (figure, claim_a, claim_b, kind, reason) VALUES"
                           " (?, ?, ?, 'disjoint', '~3,000 vs ~300: intervals do not overlap')",
                           (FIGURE, ids["3 tys."], ids["300"]))
    connection.close()
    return ids


@pytest.fixture(scope="module")
def reconciled(tmp_path_factory: pytest.TempPathFactory):
    db = build_ledger(tmp_path_factory.mktemp("web_figures"))
    ids = add_reconciliation(db)
    with live_server(db, ui="pl") as base:
        yield base, ids


def test_figures_list_with_facets_and_contested_first(reconciled) -> None:
    base, _ = reconciled
    listed = httpx.get(base + "/figures.json", timeout=20).json()
    assert [f["id"] for f in listed["figures"]] == [FIGURE]
    assert listed["facets"]["measure"] == [{"value": "displaced", "figures": 1}]
    sources = {facet["value"]: facet["figures"] for facet in listed["facets"]["source"]}
    assert sources["wojewoda opolski"] == 1 and sources["Straż pożarna"] == 0
    assert httpx.get(base + "/figures.json", params={"contested": "false"}, timeout=20).json()["figures"] == []
    assert httpx.get(base + "/figures.json", params={"measure": "killed"}, timeout=20).json()["figures"] == []
    by_source = httpx.get(base + "/figures.json", params={"source": "wojewoda opolski"}, timeout=20).json()
    assert [f["id"] for f in by_source["figures"]] == [FIGURE]
    assert httpx.get(base + "/index.json", timeout=20).json()["figures"][0]["id"] == FIGURE


def test_figure_page_draws_the_chart_and_links_every_claim(reconciled) -> None:
    base, ids = reconciled
    path = "/figures/" + quote(FIGURE, safe="")
    twin = httpx.get(base + path + ".json", timeout=20).json()
    assert [c["mention"] for c in twin["claims_list"]] == ["3 tys.", "300"]
    assert twin["conflicts_list"][0]["kind"] == "disjoint"
    html = httpx.get(base + path, timeout=20).text
    svg = html.split('<svg class="chart"', 1)[1].split("</svg>", 1)[0]
    assert svg.count('<g class="claim"') == 2 and 'class="conflict"' in svg and 'class="band"' in svg
    assert f'href="/claims/{ids["300"]}"' in svg
    assert "<img" not in html and "<script" not in html  # the hostile article's sentence stays text
    assert '<mark class="claim-span">3 tys.</mark>' in html
    assert "ludzie" in html and "2 października 2024" in html  # Polish words for the kind and the date


def test_stories_and_conflicts_pages(reconciled) -> None:
    base, _ = reconciled
    stories = httpx.get(base + "/stories.json", timeout=20).json()["stories"]
    assert stories[0]["top_entities"] == ["Nysa Kłodzka"]
    story = httpx.get(base + "/stories/" + quote(STORY, safe="") + ".json", timeout=20).json()
    assert [a["id"] for a in story["articles_list"]] == ["powodz_nysa", "wrogi_artykul"]
    assert [f["id"] for f in story["figures"]] == [FIGURE]
    source = httpx.get(base + "/sources/" + quote("wojewoda opolski", safe="") + ".json", timeout=20).json()
    assert [f["id"] for f in source["figures"]] == [FIGURE] and source["aliases"] == ["wojewoda opolski"]
    conflicts = httpx.get(base + "/conflicts", timeout=20)
    assert conflicts.status_code == 200 and "intervals do not overlap" in conflicts.text
    assert httpx.get(base + "/figures/" + quote("story:nie/ma", safe=""), timeout=20).status_code == 404


def test_without_reconciliation_the_pages_say_so(tmp_path: Path) -> None:
    db = build_ledger(tmp_path)
    if sqlite3.connect(db).execute("SELECT 1 FROM sqlite_master WHERE name = 'figures'").fetchone():
        pytest.skip("this ledger has the figures tables (migration 0003)")
    with live_server(db, ui="en") as base:
        for path in ("/figures", "/stories", "/conflicts", "/"):
            response = httpx.get(base + path, timeout=20)
            assert response.status_code == 200 and "kronika reconcile" in response.text, path
        assert httpx.get(base + "/figures.json", timeout=20).json()["reconciled"] is False
