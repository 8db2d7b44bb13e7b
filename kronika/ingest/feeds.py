"""RSS and Atom feeds (feedparser): new items and their pages (trafilatura, through the HTML reader)
into the ledger. What each feed answered (ETag, Last-Modified) and every item seen are kept in the
ledger (`feeds`, `feed_items`), so a re-poll asks conditionally and adds nothing already seen; a feed
that fails waits twice as long after each consecutive error, up to MAX_BACKOFF."""
from __future__ import annotations

import logging
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import feedparser

from kronika.article import Article, Rejection
from kronika.ingest import readers
from kronika.ledger import Ledger

log = logging.getLogger(__name__)

TIMEOUT = 30.0
MAX_BACKOFF = timedelta(days=1)
USER_AGENT = "kronika (news figures ledger)"


@dataclass
class PollResult:
    feed: str
    not_modified: bool = False
    new_items: int = 0
    seen_items: int = 0
    error: str | None = None
    outcomes: list[tuple[str, str]] | None = None  # (item link, status) of the new items


def _now() -> datetime:
    return datetime.now(UTC)


def fetch(url: str, headers: dict[str, str], max_bytes: int) -> tuple[int, dict[str, str], bytes]:
    """GET `url`: status, response headers and at most `max_bytes` + 1 bytes of body; 304 is a status."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, dict(response.headers), response.read(max_bytes + 1)
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return 304, dict(error.headers), b""
        raise


def due(ledger: Ledger, url: str, now: datetime | None = None) -> bool:
    """Whether `url` may be polled now (not waiting out a back-off)."""
    row = ledger.connection.execute("SELECT next_poll_at FROM feeds WHERE url = ?", (url,)).fetchone()
    return row is None or row[0] is None or datetime.fromisoformat(row[0]) <= (now or _now())


def poll(url: str, ledger: Ledger, store: Callable[[Article | Rejection], str], interval: float = 300.0,
         max_bytes: int = readers.DEFAULT_MAX_BYTES) -> PollResult:
    """Fetch `url` once and store each item not seen before with `store` (which returns its status)."""
    connection = ledger.connection
    connection.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
    etag, modified, failures = connection.execute(
        "SELECT etag, last_modified, failures FROM feeds WHERE url = ?", (url,)).fetchone()
    headers = {key: value for key, value in (("If-None-Match", etag), ("If-Modified-Since", modified)) if value}
    result = PollResult(url, outcomes=[])
    try:
        status, answer, body = fetch(url, headers, max_bytes)
        if status == 304:
            result.not_modified = True
        else:
            parsed = feedparser.parse(body)
            if parsed.bozo and not parsed.entries:
                raise ValueError(f"not a feed: {parsed.get('bozo_exception')}")
            for entry in parsed.entries:
                _item(url, entry, ledger, store, result, max_bytes)
            etag, modified = answer.get("ETag"), answer.get("Last-Modified")
    except Exception as error:  # a feed that fails waits longer; the others go on
        failures += 1
        result.error = f"{type(error).__name__}: {error}"[:300]
        wait = min(timedelta(seconds=interval * 2**failures), MAX_BACKOFF)
        connection.execute("UPDATE feeds SET failures = ?, last_error = ?, checked_at = ?, next_poll_at = ?"
                           " WHERE url = ?", (failures, result.error, _now().isoformat(),
                                              (_now() + wait).isoformat(), url))
        log.warning("feed %s failed (%d in a row, next poll in %s): %s", url, failures, wait, result.error)
        return result
    connection.execute("UPDATE feeds SET etag = ?, last_modified = ?, failures = 0, last_error = NULL,"
                       " checked_at = ?, next_poll_at = NULL WHERE url = ?", (etag, modified, _now().isoformat(), url))
    return result


def _item(feed: str, entry: dict, ledger: Ledger, store: Callable[[Article | Rejection], str],  # type: ignore[type-arg]
          result: PollResult, max_bytes: int) -> None:
    link = entry.get("link")
    item_id = entry.get("id") or link
    if not item_id:
        return
    seen = ledger.connection.execute("SELECT 1 FROM feed_items WHERE feed = ? AND item_id = ?", (feed, item_id))
    if seen.fetchone():
        result.seen_items += 1
        return
    article = _page(link, entry, max_bytes) if link else Rejection(item_id, "feed item without a link")
    status = store(article)
    ledger.connection.execute("INSERT INTO feed_items (feed, item_id, link, seen_at, outcome) VALUES (?, ?, ?, ?, ?)",
                              (feed, item_id, link, _now().isoformat(), status))
    result.new_items += 1
    assert result.outcomes is not None
    result.outcomes.append((link or item_id, status))


def _page(link: str, entry: dict, max_bytes: int) -> Article | Rejection:  # type: ignore[type-arg]
    """The item's page as an article: main text, title and date by trafilatura, else the feed's own."""
    try:
        _, _, body = fetch(link, {}, max_bytes)
    except Exception as error:
        return Rejection(link, f"cannot fetch the page: {type(error).__name__}: {error}"[:300])
    slug = link.rstrip("/").rsplit("/", 1)[-1] or "item"
    page = readers.read_bytes(body, slug, ".html", link, max_bytes)
    if isinstance(page, Rejection):
        return page
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    date = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
    return replace(page, url=link, title=page.title or entry.get("title"), published=page.published or date,
                   published_precision=page.published_precision or ("day" if date else None))
