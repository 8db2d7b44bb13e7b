"""Review through a real server: the write token, the CSRF checks, the append-only history that
survives a restart, and reviewed claims exported as gold that `kronika evaluate` scores."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from kronika.cli import main
from tests.web_fixtures import ARTICLES, WRITE_TOKEN, build_ledger, live_server

TOKEN = {"X-Kronika-Token": WRITE_TOKEN}


@pytest.fixture()
def ledger_path(tmp_path: Path) -> Path:
    return build_ledger(tmp_path)


def claim_ids(base: str, article: str) -> dict[str, int]:
    claims = httpx.get(base + "/claims.json", params={"article": article}, timeout=20).json()["claims"]
    return {c["mention"]: c["id"] for c in claims}


def review(base: str, claim: int, headers: dict[str, str] | None = None, **body: object) -> httpx.Response:
    headers = TOKEN if headers is None else headers
    return httpx.post(f"{base}/claims/{claim}/review.json", json=body, headers=headers, timeout=20)


def test_writes_need_the_token_and_a_writable_server(ledger_path: Path) -> None:
    with live_server(ledger_path, write_token=None) as base:
        claim = claim_ids(base, "powodz_nysa")["cztery"]
        assert review(base, claim, verdict="confirmed").status_code == 403  # read-only server
        assert "write-token" in httpx.get(f"{base}/claims/{claim}", timeout=20).text
    with live_server(ledger_path) as base:
        assert review(base, claim, headers={}, verdict="confirmed").status_code == 403
        wrong = {"X-Kronika-Token": "wrong-token-0000"}
        assert review(base, claim, headers=wrong, verdict="confirmed").status_code == 403
        assert review(base, claim, verdict="maybe").status_code == 422
        assert review(base, claim, verdict="corrected").status_code == 422  # a correction needs a change
        assert review(base, claim, verdict="corrected", corrections={"value": "dużo"}).status_code == 422
        assert review(base, claim, verdict="corrected", corrections={"colour": "red"}).status_code == 422
        assert review(base, 999999, verdict="confirmed").status_code == 404
        assert httpx.get(f"{base}/claims/{claim}.json", timeout=20).json()["reviews"] == []


def test_form_posts_are_refused_from_another_origin(ledger_path: Path) -> None:
    with live_server(ledger_path) as base:
        claim = claim_ids(base, "powodz_nysa")["cztery"]
        form = {"verdict": "confirmed", "token": WRITE_TOKEN}
        url = f"{base}/claims/{claim}/review"
        assert httpx.post(url, data=form, headers={"Origin": "http://evil.example"}, timeout=20).status_code == 403
        assert httpx.post(url, data=form, timeout=20).status_code == 403  # no Origin, no Referer
        wrong = {**form, "token": "guess-guess-guess"}
        assert httpx.post(url, data=wrong, headers={"Origin": base}, timeout=20).status_code == 403
        cross_json = review(base, claim, headers={**TOKEN, "Origin": "http://evil.example"}, verdict="confirmed")
        assert cross_json.status_code == 403
        done = httpx.post(url, data={**form, "note": "zgadza się z komunikatem"}, headers={"Origin": base},
                          timeout=20)
        assert done.status_code == 303 and done.headers["location"] == f"/claims/{claim}"
        reviews = httpx.get(f"{base}/claims/{claim}.json", timeout=20).json()["reviews"]
        assert [(r["verdict"], r["note"]) for r in reviews] == [("confirmed", "zgadza się z komunikatem")]


def test_history_is_appended_kept_across_a_restart_and_never_rewritten(ledger_path: Path) -> None:
    with live_server(ledger_path) as base:
        claim = claim_ids(base, "powodz_nysa")["3 tys."]
        first = review(base, claim, verdict="confirmed", reviewer="ania")
        assert first.status_code == 201
        second = review(base, claim, verdict="corrected", reviewer="bartek", note="komunikat mówi o 3,5 tys.",
                        corrections={"value": "3500", "qualifier": "exact"})
        assert second.status_code == 201
        assert second.json()["before"]["value"] == 3000 and second.json()["after"]["value"] == 3500
    with live_server(ledger_path) as base:  # a new server process over the same file
        page = httpx.get(f"{base}/claims/{claim}.json", timeout=20).json()
        html = httpx.get(f"{base}/claims/{claim}", timeout=20).text
        listed = httpx.get(f"{base}/claims.json", params={"article": "powodz_nysa"}, timeout=20).json()["claims"]
    assert [r["verdict"] for r in page["reviews"]] == ["confirmed", "corrected"]
    assert page["review"] == "corrected" and page["reviewed"]["value"] == 3500
    shown = html.replace("\u00a0", "")
    assert "3000 → 3500" in shown and "bartek" in shown
    assert {c["id"]: c["review"] for c in listed}[claim] == "corrected"
    connection = sqlite3.connect(ledger_path)
    for statement in ("UPDATE reviews SET verdict = 'rejected'", "DELETE FROM reviews"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute(statement)
    assert connection.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 2


def test_reviewed_export_round_trips_through_evaluate(ledger_path: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    with live_server(ledger_path) as base:
        nysa, pomoc = claim_ids(base, "powodz_nysa"), claim_ids(base, "powodz_pomoc")
        for claim in (*nysa.values(), pomoc["2 mld zł"], pomoc["1200"]):
            assert review(base, claim, verdict="confirmed").status_code == 201
        assert review(base, pomoc["500"], verdict="rejected", note="to liczba zasiłków").status_code == 201
    gold = tmp_path / "gold.jsonl"
    exported = CliRunner().invoke(main, ["export", "--db", str(ledger_path), "--reviewed", "--format", "gold",
                                         "-o", str(gold)])
    assert exported.exit_code == 0, exported.output
    lines = [json.loads(line) for line in gold.read_text("utf-8").splitlines()]
    assert len(lines) == 6 and sum(line.get("expect") == "none" for line in lines) == 1
    paths = [str(articles / f"{name}.txt") for name in ARTICLES]
    scored = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--format", "json", *paths])
    assert scored.exit_code == 0, scored.output
    score = json.loads(scored.output)[0]
    # Every confirmed claim is found again; the rejected one counts against precision, as it should.
    assert score["gold"] == 5 and score["found"] == 5 and score["recall"] == 1.0
    assert score["predicted"] == 6 and score["correct"] == 5
    assert score["measure_accuracy"] == 1.0 and score["qualifier_accuracy"] == 1.0

    with live_server(ledger_path) as base:  # a correction makes the extraction wrong against the new gold
        assert review(base, nysa["cztery"], verdict="corrected", corrections={"value": "5"}).status_code == 201
    CliRunner().invoke(main, ["export", "--db", str(ledger_path), "--reviewed", "--format", "gold", "-o", str(gold)])
    rescored = json.loads(CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--format", "json",
                                                    *paths]).output)[0]
    assert rescored["found"] == 4


def test_reviewed_csv_export_and_gold_needs_reviewed(ledger_path: Path) -> None:
    with live_server(ledger_path) as base:
        claim = claim_ids(base, "powodz_nysa")["40"]
        review(base, claim, verdict="corrected", corrections={"measure": "killed"}, reviewer="celina")
    result = CliRunner().invoke(main, ["export", "--db", str(ledger_path), "--reviewed", "--format", "jsonl"])
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["mention"], r["measure"], r["review_verdict"], r["reviewer"]) for r in records] == [
        ("40", "killed", "corrected", "celina")]
    refused = CliRunner().invoke(main, ["export", "--db", str(ledger_path), "--format", "gold"])
    assert refused.exit_code == 2 and "--reviewed" in refused.output
