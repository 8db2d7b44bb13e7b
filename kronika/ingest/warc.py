"""WARC archives (warcio), e.g. Common Crawl's news crawl: each HTTP response of an HTML page is one
input, read as an HTML file is. Other records (requests, metadata, images, errors) are not articles
and are passed over; a record the crawler itself identified as in another language is passed over too
(Common Crawl's `WARC-Identified-Content-Language`), the rest meet the language check as usual."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from kronika.article import Article, Rejection
from kronika.ingest import readers
from kronika.ingest.readers import WARC_SUFFIXES, is_warc

__all__ = ["WARC_SUFFIXES", "WarcRecord", "is_warc", "read_warc", "record_article", "warc_records"]

HTML_TYPES = ("text/html", "application/xhtml+xml")
POLISH_CODES = ("pol",)  # ISO 639-3, as the crawler writes them


@dataclass(frozen=True, slots=True)
class WarcRecord:
    """One HTML response as found in the archive, not yet read: its bytes (at most max_bytes + 1), the
    article id and input name it will have, and the URL the crawler fetched."""

    data: bytes
    record_id: str
    name: str
    target: str | None


def read_warc(path: Path, name: str, max_bytes: int) -> Iterator[Article | Rejection]:
    """One article (or rejection, named `archive.warc.gz#N` after the record's place) per HTML response."""
    for item in warc_records(path, name, max_bytes):
        result = item if isinstance(item, Rejection) else record_article(item, max_bytes)
        del item  # the article is extracted while this generator waits: do not hold its bytes too
        yield result


def warc_records(path: Path, name: str, max_bytes: int) -> Iterator[WarcRecord | Rejection]:
    """The archive's HTML responses, unread (an ingest with workers has them read there)."""
    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if not _is_html_response(record):
                    continue
                target = record.rec_headers.get_header("WARC-Target-URI")
                data = record.content_stream().read(max_bytes + 1)
                yield WarcRecord(data, f"{path.name.split('.')[0]}-{number}", f"{name}#{number}", target)
    except ArchiveLoadFailed as error:
        yield Rejection(name, f"not a readable WARC archive: {error}"[:300])


def record_article(record: WarcRecord, max_bytes: int) -> Article | Rejection:
    result = readers.read_bytes(record.data, record.record_id, ".html", record.name, max_bytes)
    return replace(result, url=result.url or record.target) if isinstance(result, Article) else result


def _is_html_response(record: object) -> bool:
    if getattr(record, "rec_type", None) != "response" or record.http_headers is None:  # type: ignore[attr-defined]
        return False
    if record.http_headers.get_statuscode() != "200":  # type: ignore[attr-defined]
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()  # type: ignore[attr-defined]
    if not content_type.startswith(HTML_TYPES):
        return False
    languages = record.rec_headers.get_header("WARC-Identified-Content-Language")  # type: ignore[attr-defined]
    return not languages or languages.split(",")[0].strip() in POLISH_CODES
