"""The workbench's pages and their JSON twins, through a real uvicorn on loopback over a real ledger."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from click.testing import CliRunner

from kronika.cli import main
from kronika.web.security import CONTENT_SECURITY_POLICY
from tests.web_fixtures import ARTICLES, HOSTILE, WRITE_TOKEN, build_ledger, live_server


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ledger(tmp_path_factory.mktemp("web_pages"))


@pytest.fixture(scope="module")
def server(ledger_path: Path):
    with live_server(ledger_path, ui="en") as base:
        yield base


def get(server: str, path: str, **params: str) -> httpx.Response:
    return httpx.get(server + path, params=params, timeout=20)


def test_every_page_has_a_json_twin_with_the_same_data(server: str) -> None:
    for path in ("/claims", "/articles", "/sources", "/rejections", "/claims/1", "/articles/powodz_nysa"):
        page, twin = get(server, path), get(server, path + ".json")
        assert page.status_code == twin.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        assert twin.headers["content-type"].startswith("application/json")
        assert f'href="{path}.json"' in page.text, path  # the page links its twin
    claims = get(server, "/claims.json").json()["claims"]
    assert {c["article"] for c in claims} == {*ARTICLES, HOSTILE["id"]}


def test_facets_filter_by_measure_and_by_inflected_names(server: str) -> None:
    killed = get(server, "/claims.json", measure="killed").json()
    assert [c["mention"] for c in killed["claims"]] == ["cztery"]
    assert killed["filters"] == {"measure": "killed"}
    measures = {f["value"]: f["claims"] for f in killed["facets"]["measure"]}
    assert measures["displaced"] == 3 and measures["killed"] == 1
    by_source = get(server, "/claims.json", source="Straż pożarna").json()["claims"]
    assert sorted(c["mention"] for c in by_source) == ["40", "cztery"]
    assert get(server, "/claims.json", measure="missing").json()["claims"] == []


def test_paging_stays_within_the_filter_and_says_what_follows(server: str) -> None:
    first = get(server, "/claims.json", per_page="4").json()
    second = get(server, "/claims.json", per_page="4", page="2").json()
    assert first["has_next"] and not first["has_previous"] and second["has_previous"]
    assert not {c["id"] for c in first["claims"]} & {c["id"] for c in second["claims"]}
    html = get(server, "/claims", per_page="4").text
    assert 'rel="next" href="?per_page=4&amp;page=2"' in html


def test_article_page_shows_the_text_as_stored_with_each_claim_at_its_span(server: str) -> None:
    article = get(server, "/articles/powodz_nysa.json").json()
    assert "".join(piece["text"] for piece in article["pieces"]) == ARTICLES["powodz_nysa"]
    marked = {piece["text"]: piece["claims"] for piece in article["pieces"] if piece["claims"]}
    by_id = {c["id"]: c for c in article["claims"]}
    assert {text: [by_id[i]["mention"] for i in ids] for text, ids in marked.items()} == {
        "3 tys.": ["3 tys."], "cztery": ["cztery"], "40": ["40"]}
    html = get(server, "/articles/powodz_nysa").text
    assert re.search(r'<mark id="claim-\d+" class="claim sourced" tabindex="0" data-fields="[^"]*displaced', html)


def test_claim_page_marks_the_claims_own_span_not_the_first_digits(server: str) -> None:
    claims = get(server, "/claims.json", article="powodz_pomoc").json()["claims"]
    five_hundred = next(c for c in claims if c["mention"] == "500")
    page = get(server, f"/claims/{five_hundred['id']}.json").json()
    assert page["evidence"]["span"] == "500"
    assert "ponad" in page["evidence"]["before"]
    assert '<mark class="claim-span">500</mark>' in get(server, f"/claims/{five_hundred['id']}").text


def test_search_finds_inflected_forms_from_the_lemma_with_highlighted_snippets(server: str) -> None:
    found = get(server, "/search.json", q="powódź").json()
    assert {a["id"] for a in found["articles"]} == {"powodz_nysa", "powodz_pomoc"}  # powodzi, powodzie
    marked = {s["text"].lower() for a in found["articles"] for s in a["snippet"] if s["match"]}
    assert {"powodzi", "powodzie"} <= marked
    soldiers = get(server, "/search.json", q="mieszkaniec").json()  # mieszkańców
    assert {a["id"] for a in soldiers["articles"]} == {"powodz_nysa", HOSTILE["id"]}
    assert get(server, "/search.json", q="trzęsienie ziemi").json()["articles"] == []
    html = get(server, "/search", q="powódź").text
    assert re.search(r"<mark>[Pp]owodzi</mark>", html)
    wounded = get(server, "/search.json", q="ranny").json()["claims"]  # rannych: a sentence of two claims
    assert [sorted(c["mention"] for c in hit["claims"]) for hit in wounded] == [["40", "cztery"]]
    assert len(re.findall(r'<a href="/claims/\d+">(?:cztery|40)</a>', get(server, "/search", q="ranny").text)) == 2


def test_search_takes_any_text_without_error(server: str) -> None:
    for query in ('"', "a OR", "NEAR(", "*", "powódź AND", ")(", "'; DROP TABLE claims; --", ""):
        response = get(server, "/search.json", q=query)
        assert response.status_code == 200, query
    assert get(server, "/claims.json").json()["claims"]


def test_claim_ids_beyond_sqlite_integers_are_refused_not_errors(server: str) -> None:
    """Found by schemathesis: a claim id past 2**63 - 1 reached SQLite and was a 500."""
    for claim in (str(2**63), "513494642646639159121742397440", "-1"):
        assert get(server, f"/claims/{claim}.json").status_code == 422, claim
        assert get(server, f"/claims/{claim}").status_code == 422, claim
        posted = httpx.post(f"{server}/claims/{claim}/review.json", json={"verdict": "confirmed"}, timeout=20,
                            headers={"X-Kronika-Token": WRITE_TOKEN})
        assert posted.status_code == 422, claim
    assert get(server, f"/claims/{2**63 - 1}.json").status_code == 404


def test_hostile_article_renders_inert(server: str) -> None:
    html = get(server, f"/articles/{HOSTILE['id']}").text
    assert "<script" not in html.split("</head>", 1)[1]
    assert "<img" not in html
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "javascript:" not in html.replace("javascript:alert(1)</dd>", "")  # shown as text, never a link
    assert 'href="javascript' not in html
    for path in ("/claims", "/search?q=zatrzymano", "/sources", f"/claims/{7}"):
        body = httpx.get(server + path, timeout=20).text
        assert "<script" not in body and "<img" not in body, path


def test_strict_headers_on_every_response(server: str) -> None:
    for path in ("/claims", "/claims.json", "/articles/nie-ma-takiego", "/static/workbench.css"):
        response = get(server, path)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in response.headers  # CORS is off
    assert get(server, "/articles/nie-ma-takiego").status_code == 404
    assert get(server, "/articles/nie-ma-takiego.json").json() == {"detail": "not found"}
    assert get(server, "/claims/999999.json").status_code == 404


def test_polish_interface_words_labels_subjects_and_dates(ledger_path: Path) -> None:
    with live_server(ledger_path, ui="pl") as base:
        html = httpx.get(base + "/claims", params={"measure": "killed"}, timeout=20).text
    assert '<html lang="pl">' in html and "Liczby" in html and "zabici" in html
    assert "osoby" in html or "ludzie" in html  # `osoba` as a readable phrase of the interface language
    assert "18 września 2024" in html


def test_serve_refuses_non_loopback_hosts_and_missing_ledgers(tmp_path: Path, ledger_path: Path) -> None:
    refused = CliRunner().invoke(main, ["serve", "--db", str(ledger_path), "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "--public" in refused.output
    missing = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no ledger at" in missing.output
    short = CliRunner().invoke(main, ["serve", "--db", str(ledger_path), "--write-token", "abc"])
    assert short.exit_code == 2


def test_ids_with_slashes_have_pages_and_twins(tmp_path: Path) -> None:
    from kronika.api import ingest
    from kronika.ledger import Ledger

    db = build_ledger(tmp_path)
    record = {"id": "pap/2024/17", "published": "2024-09-19",
              "text": "Wojewoda poinformował, że do szkół trafiło około 800 ewakuowanych mieszkańców."}
    source = tmp_path / "pap.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Ledger(db) as ledger:
        assert ingest([str(source)], ledger).ingested == 1
    with live_server(db) as base:
        page = httpx.get(base + "/articles/" + quote("pap/2024/17", safe=""), timeout=20)
        twin = httpx.get(base + "/articles/" + quote("pap/2024/17", safe="") + ".json", timeout=20)
    assert page.status_code == 200 and "800" in page.text
    assert twin.json()["id"] == "pap/2024/17"


def test_kronika_serve_with_worker_processes_answers(ledger_path: Path) -> None:
    import subprocess
    import sys
    import time

    from tests.web_fixtures import free_port

    port = free_port()
    command = [str(Path(sys.executable).parent / "kronika"), "serve", "--db", str(ledger_path), "--port", str(port),
               "--workers", "2", "--ui", "en"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/claims.json", timeout=10)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and server.poll() is None, "kronika serve did not start"
                time.sleep(0.3)
        assert response.status_code == 200 and response.json()["claims"]
        assert httpx.post(f"http://127.0.0.1:{port}/claims/1/review.json", json={"verdict": "confirmed"},
                          timeout=10).status_code == 403  # no --write-token: read-only in every worker
    finally:
        server.terminate()
        server.wait(timeout=30)
