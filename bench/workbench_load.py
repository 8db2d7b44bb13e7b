"""The workbench under load: a generated ledger of 100,000 articles (the bundled samples with their
numbers redrawn, three claims each, figures and stories over them), served by `kronika serve` in its
own process, and 20 concurrent clients on loopback for a bounded time. Prints p50/p95/max per request
kind: the figures list (with facets and pages), a figure page, an article page and a search.

    .venv/bin/python bench/workbench_load.py [--articles 100000] [--clients 20] [--seconds 30] [--workers 2]
                                             [--client-processes 4]

Target: p95 under 100 ms for each kind and no error. A ledger given with --db is reused when it
exists (generating 100,000 articles with their search index takes a few minutes).
"""
from __future__ import annotations

import argparse
import http.client
import multiprocessing
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import varied_articles  # noqa: E402
from kronika.ledger import Ledger  # noqa: E402
from tests.web_fixtures import RECONCILED_TABLES  # noqa: E402

MEASURES = ("killed", "wounded", "displaced", "deployed", "supplied", "captured")
ACTORS = ("North Korea", "Russia", "Ukraine", "Poland", None)
SOURCES = ("Ministerstwo Obrony", "wojewoda", "PAP", "straż pożarna", None)
SEARCHES = ("powódź", "żołnierz", "ewakuowano", "Korei Północnej", "amunicja", "granica", "rannych", "pomoc")
_NUMBER = re.compile(r"\d+")
BATCH = 2000


def generate(db: Path, count: int, seed: int = 7) -> None:
    pick = random.Random(seed)
    ledger = Ledger(db)
    connection = ledger.connection
    connection.executescript(RECONCILED_TABLES)
    texts = varied_articles(count, seed)
    # Stories first: story_articles and figures refer to them (migration 0003's foreign keys).
    with connection:
        connection.executemany(
            "INSERT OR IGNORE INTO stories (id, label, articles, first_published, last_published, top_entities)"
            " VALUES (?, ?, 20, '2024-01-01', '2024-12-28', '[]')",
            ((f"story:s{n}", f"Wątek {n}") for n in range(5000)))
    started = time.perf_counter()
    claim_id = 0
    figures: dict[str, list[int]] = defaultdict(list)
    for first in range(0, count, BATCH):
        articles, claims, links = [], [], []
        for number in range(first, min(first + BATCH, count)):
            text = texts[number]
            article = f"a{number:06d}"
            published = f"2024-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
            articles.append((article, f"h{number}", text, f"Artykuł {number}", f"https://example.org/{number}",
                             "PAP", published, "day", "pl", "utf-8", "text", f"gen:{number}", published))
            story = f"story:s{number % 5000}"
            links.append((story, article))
            for match in list(_NUMBER.finditer(text))[:3]:
                claim_id += 1
                measure, actor, source = pick.choice(MEASURES), pick.choice(ACTORS), pick.choice(SOURCES)
                sentence = text[max(0, match.start() - 80):match.end() + 80]
                claims.append((claim_id, article, match.start(), match.end(), match.group(), float(match.group()),
                               "approx", measure, "osoba", actor, None, source, source, "organisation" if source
                               else None, "PAP", "asserted", published, "published", published, sentence))
                figures[f"{story}/{measure}:{actor or ''}:people"].append(claim_id)
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO articles (id, content_hash, text, title, url, outlet, published,"
                               " published_precision, language, encoding, format, input, ingested_at)"
                               " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", articles)
        connection.executemany("INSERT INTO claims (id, article, span_start, span_end, mention, value, qualifier,"
                               " measure, subject, actor, place, source, source_id, source_kind, outlet, modality,"
                               " reference_time, reference_basis, published, sentence)"
                               " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claims)
        connection.executemany("INSERT OR IGNORE INTO story_articles (story, article) VALUES (?, ?)", links)
        connection.execute("COMMIT")
        print(f"\r  {min(first + BATCH, count):,} articles, {claim_id:,} claims", end="", file=sys.stderr)
    connection.execute("BEGIN")
    for figure, members in figures.items():
        story, key = figure.split("/", 1)
        measure, actor, _ = key.split(":")
        connection.execute(
            "INSERT INTO figures (id, story, measure, subject_kind, actor, scope, label, best, low, high, rule, as_of,"
            " claims, sources, independent_sources, contested)"
            " VALUES (?, ?, ?, 'people', ?, 'incident', ?, 100, 50, 150, 'newest', '2024-12-01', ?, 2, 2, ?)",
            (figure, story, measure, actor or None, figure, len(members), pick.randint(0, 1)))
        connection.executemany("INSERT INTO figure_claims (figure, claim, role, position) VALUES (?, ?, 'member', ?)",
                               ((figure, claim, position) for position, claim in enumerate(members)))
    connection.execute("COMMIT")
    ledger.close()
    print(f"\n  generated in {time.perf_counter() - started:.0f} s: {len(figures):,} figures", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def client(base: str, stop: float, figure_ids: list[str], articles: int, seed: int,
           timings: dict[str, list[float]], errors: list[str]) -> None:
    """One analyst clicking without pause: one kept-alive connection, the standard library's HTTP client
    (a tenth of a millisecond of CPU a request, where httpx takes 0.6 ms of the cores the server
    needs)."""
    pick = random.Random(seed)
    kinds = ("figures", "figure", "article", "search")
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname or "127.0.0.1", address.port, timeout=30)
    turn = seed
    while time.perf_counter() < stop:
        kind = kinds[turn % len(kinds)]
        turn += 1
        if kind == "figures":
            params = pick.choice([{}, {"measure": pick.choice(MEASURES)}, {"page": str(pick.randint(1, 50))},
                                  {"actor": "Korea Północna"}, {"contested": "true"}])
            url, query = "/figures", params
        elif kind == "figure":
            url, query = "/figures/" + quote(pick.choice(figure_ids), safe=""), {}
        elif kind == "article":
            url, query = f"/articles/a{pick.randrange(articles):06d}", {}
        else:
            url, query = "/search", {"q": pick.choice(SEARCHES)}
        target = url + ("?" + urlencode(query) if query else "")
        started = time.perf_counter()
        try:
            connection.request("GET", target)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            connection.close()  # reconnects on the next request
            status = f"{type(error).__name__}"
        elapsed = time.perf_counter() - started
        if status != 200:
            errors.append(f"{status} {target}")
        timings[kind].append(elapsed)
    connection.close()


def client_group(base: str, stop: float, figure_ids: list[str], articles: int,
                 seeds: list[int]) -> tuple[dict[str, list[float]], list[str]]:
    """Some of the clients, as threads of one process (a process's threads share one GIL: 20 clients in
    one process would time each other's Python, not the server)."""
    timings: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    threads = [threading.Thread(target=client, args=(base, stop, figure_ids, articles, seed, timings, errors))
               for seed in seeds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return dict(timings), errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2, help="kronika serve --workers")
    parser.add_argument("--client-processes", type=int, default=4,
                        help="processes the clients are spread over (1: all clients are threads of this one)")
    parser.add_argument("--db", type=Path, default=Path("/tmp/kronika-workbench-bench.db"))
    options = parser.parse_args()
    if not options.db.exists():
        print(f"generating {options.articles:,} articles into {options.db}", file=sys.stderr)
        generate(options.db, options.articles)
    with Ledger(options.db) as ledger:
        articles = ledger.connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        claims = ledger.connection.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        figures = ledger.connection.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
        figure_ids = [row[0] for row in ledger.connection.execute(
            "SELECT id FROM figures ORDER BY random() LIMIT 2000")]
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).parent / "kronika"), "serve", "--db", str(options.db),
                               "--port", str(port), "--workers", str(options.workers)], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/figures.json", timeout=30).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.3)
        timings: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        stop = time.perf_counter() + options.seconds  # CLOCK_MONOTONIC: one clock for every process
        groups = max(1, min(options.client_processes, options.clients))
        seeds = [list(range(options.clients))[n::groups] for n in range(groups)]
        with ProcessPoolExecutor(groups, mp_context=multiprocessing.get_context("fork")) as pool:
            running = [pool.submit(client_group, base, stop, figure_ids, articles, group) for group in seeds]
            for group_timings, group_errors in (future.result() for future in running):
                for kind, values in group_timings.items():
                    timings[kind].extend(values)
                errors.extend(group_errors)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"ledger: {articles:,} articles, {claims:,} claims, {figures:,} figures; {options.clients} clients"
          f" in {groups} process(es) for {options.seconds:.0f} s, {options.workers} server process(es)")
    for kind in ("figures", "figure", "article", "search"):
        values = sorted(timings[kind])
        if not values:
            continue
        p95 = values[int(len(values) * 0.95) - 1] if len(values) >= 20 else values[-1]
        print(f"{kind:8} n={len(values):6}  p50 {statistics.median(values) * 1000:7.1f} ms"
              f"  p95 {p95 * 1000:7.1f} ms  max {values[-1] * 1000:7.1f} ms")
    print(f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))


if __name__ == "__main__":
    main()
