"""Ledgers and live servers for the workbench tests: articles written for these tests, ingested by the
real pipeline into a real SQLite file, served by a real uvicorn on a free loopback port."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn

from kronika.api import ingest
from kronika.ledger import Ledger
from kronika.web.app import create_app

WRITE_TOKEN = "test-write-token-1234"
# The reconciliation's tables with the columns of migration 0003, for ledgers that do not have them yet
# (IF NOT EXISTS: where the migration made them, its tables are used).
RECONCILED_TABLES = """
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, label TEXT NOT NULL, articles INTEGER NOT NULL,
    first_published TEXT, last_published TEXT, top_entities TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_articles (story TEXT NOT NULL, article TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS figures (id TEXT PRIMARY KEY, story TEXT, measure TEXT NOT NULL,
    subject_kind TEXT NOT NULL, actor TEXT, place TEXT, period TEXT, scope TEXT NOT NULL, unit TEXT,
    label TEXT NOT NULL, best REAL, low REAL, high REAL, rule TEXT NOT NULL, as_of TEXT, claims INTEGER NOT NULL,
    sources INTEGER NOT NULL, independent_sources INTEGER NOT NULL, contested INTEGER NOT NULL, part_of TEXT);
CREATE TABLE IF NOT EXISTS figure_claims (figure TEXT NOT NULL, claim INTEGER NOT NULL, role TEXT NOT NULL,
    whole_claim INTEGER, position INTEGER NOT NULL, reference_time TEXT, reference_basis TEXT,
    PRIMARY KEY (figure, claim));
CREATE TABLE IF NOT EXISTS conflicts (id INTEGER PRIMARY KEY, figure TEXT NOT NULL, claim_a INTEGER NOT NULL,
    claim_b INTEGER NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL);
"""


# Written for these tests (news style, invented facts).
ARTICLES = {
    "powodz_nysa": (
        " date 2024-09-18 Powódź w dolinie Nysy Kłodzkiej. Według wojewody opolskiego z zalanych miejscowości"
        " ewakuowano ok. 3 tys. mieszkańców. Straż pożarna poinformowała, że w czasie powodzi zginęły"
        " cztery osoby, a co najmniej 40 zostało rannych.\n\nŹródło: PAP\n"
    ),
    "powodz_pomoc": (
        " date 2024-09-21 Rząd przeznaczy 2 mld zł na odbudowę terenów zniszczonych przez wielką wodę."
        " Jak przekazał premier, do poszkodowanych rodzin trafiło już ponad 500 zasiłków. Służby"
        " szacują, że powodzie uszkodziły około 1200 budynków.\n"
    ),
}
HOSTILE = {
    "id": "wrogi_artykul",
    "title": 'Alarm <script>document.title="pwned"</script>',
    "url": "javascript:alert(1)",
    "outlet": '"><img src=x onerror=alert(2)>',
    "published": "2024-10-02",
    "text": (
        "Policja podała, że zatrzymano 12 osób <script>alert('xss')</script> podejrzanych o kradzieże."
        ' W trakcie akcji ewakuowano około 300 mieszkańców "><img src=x onerror=alert(3)> z okolicznych bloków.'
    ),
}


def write_articles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in ARTICLES.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    hostile = folder / "wrogie.jsonl"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    return [*paths, hostile]


def build_ledger(folder: Path) -> Path:
    """A ledger of ARTICLES and HOSTILE, ingested by the real pipeline."""
    db = folder / "kronika.db"
    with Ledger(db) as ledger:
        summary = ingest([str(p) for p in write_articles(folder / "articles")], ledger)
    assert summary.ingested == 3, summary
    return db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def live_server(db: Path, write_token: str | None = WRITE_TOKEN, ui: str = "en") -> Iterator[str]:
    """A real uvicorn serving the workbench on 127.0.0.1; yields its base URL, stops it on exit."""
    port = free_port()
    config = uvicorn.Config(create_app(db, write_token=write_token, ui=ui), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        httpx.get(base + "/claims.json", timeout=10).raise_for_status()
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
