"""`kronika watch`: a feed of 50 items served on 127.0.0.1 is ingested, a re-poll adds nothing (the
server answers 304 to the ETag; items are remembered even when it does not), syndicated copies are
linked, and a failing feed backs off."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kronika.api import Options, ingest_one
from kronika.ingest.feeds import due, poll
from kronika.ledger import Ledger
from kronika.scale.wire import originals
from tests.scale_corpus import varied
from tests.scale_server import Site, page, rss, serving
from tests.test_wire import AGENCY, COPIES


def _publish(site: Site, count: int = 50) -> str:
    texts = varied(count - 1 - len(COPIES), seed=3) + [AGENCY, *COPIES]
    items = []
    for number, text in enumerate(texts):
        link = site.add(f"/artykul/{number}", "text/html; charset=utf-8",
                        page(f"Wiadomość numer {number}", text, "2024-05-01"))
        items.append((f"item-{number}", link, f"Wiadomość numer {number}"))
    return site.add("/rss.xml", "application/rss+xml", rss(items))


def _store(ledger: Ledger):  # type: ignore[no-untyped-def]
    return lambda item: ingest_one(item, ledger, Options()).status


def test_fifty_items_are_ingested_and_a_repoll_adds_nothing(tmp_path: Path) -> None:
    with serving() as site, Ledger(tmp_path / "k.db") as ledger:
        feed = _publish(site)
        first = poll(feed, ledger, _store(ledger))
        assert first.error is None and first.new_items == 50
        assert {status for _, status in first.outcomes or []} == {"ingested"}
        assert ledger.counts()["articles"] == 50
        again = poll(feed, ledger, _store(ledger))
        assert again.not_modified and again.new_items == 0
        content_type, body = site.pages["/rss.xml"]
        site.pages["/rss.xml"] = (content_type, body.replace(b"<title>W", b"<title>Nowe W"))
        changed = poll(feed, ledger, _store(ledger))  # a new ETag, the same items
        assert not changed.not_modified and changed.new_items == 0 and changed.seen_items == 50
        assert ledger.counts()["articles"] == 50
        assert site.requests["/artykul/0"] == 1
        copies = originals(ledger.connection)
        assert sorted(a for a, o in copies.items() if o == "46") == ["47", "48", "49"]  # the agency's copies
        published = {row["published"] for row in ledger.articles()}
        assert published == {"2024-05-01"}


def test_a_failing_feed_backs_off_and_recovers(tmp_path: Path) -> None:
    with serving() as site, Ledger(tmp_path / "k.db") as ledger:
        feed = _publish(site, count=5)
        site.failing.add("/rss.xml")
        failed = poll(feed, ledger, _store(ledger), interval=60)
        assert failed.error and "503" in failed.error
        assert not due(ledger, feed)
        failures, next_poll = ledger.connection.execute("SELECT failures, next_poll_at FROM feeds").fetchone()
        assert failures == 1 and next_poll
        site.failing.clear()
        ledger.connection.execute("UPDATE feeds SET next_poll_at = NULL")  # the wait is over
        recovered = poll(feed, ledger, _store(ledger))
        assert recovered.error is None and recovered.new_items == 5
        assert ledger.connection.execute("SELECT failures FROM feeds").fetchone()[0] == 0


def test_watch_once_from_the_command_line(tmp_path: Path) -> None:
    with serving() as site:
        feed = _publish(site, count=6)
        command = [sys.executable, "-m", "kronika.cli", "watch", feed, "--once", "--db", str(tmp_path / "k.db")]
        first = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert first.returncode == 0, first.stderr
        assert "6 new items" in first.stderr
        second = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert "not modified" in second.stderr
