"""WARC archives (warcio), e.g. Common Crawl's news crawl: each HTTP response of an HTML page is one
input, read as an HTML file is. Other records (requests, metadata, images, errors) are not articles
and are passed over; a record the crawler itself identified as in another language is passed over too
(Common Crawl's `WARC-Identified-Content-Language`), the rest meet the language check as usual."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from kronika.article import Article, Rejection
from kronika.ingest import readers

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
POLISH_CODES = ("pol",)  # ISO 639-3, as the crawler writes them


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, name: str, max_bytes: int) -> Iterator[Article | Rejection]:
    """One article (or rejection, named `archive.warc.gz#N` after the record's place) per HTML response."""
    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                if not _is_html_response(record):
                    continue
                target = record.rec_headers.get_header("WARC-Target-URI")
                data = record.content_stream().read(max_bytes + 1)
                record_id = f"{path.name.split('.')[0]}-{number}"
                result = readers.read_bytes(data, record_id, ".html", f"{name}#{number}", max_bytes)
                del data
                yield replace(result, url=result.url or target) if isinstance(result, Article) else result
    except ArchiveLoadFailed as error:
        yield Rejection(name, f"not a readable WARC archive: {error}"[:300])


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
