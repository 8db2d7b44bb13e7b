"""Readers for each input format. Each yields Articles, or Rejections with a one-line reason; none
raises on bad input, so one bad file never stops a batch."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

from kronika.article import Article, Rejection, valid_published
from kronika.ingest.decode import UndecodableError, decode
from kronika.prepare.markers import outlet_from_source_line, published_from_header

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
BINARY_SNIFF = 8192

Result = Article | Rejection


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    """Articles from one file, whatever its format (told by its suffix)."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        yield Rejection(name, f"cannot read: {error.strerror or error}")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
        return
    if size == 0:
        yield Rejection(name, "empty file")
        return
    if size > max_bytes:
        yield Rejection(name, f"file too large: {size:,} bytes, limit {max_bytes:,} (see --max-bytes)")
        return
    data = path.read_bytes()
    if b"\x00" in data[:BINARY_SNIFF]:
        yield Rejection(name, "binary file (NUL bytes), not text")
        return
    try:
        text, encoding = decode(data)
    except UndecodableError as error:
        yield Rejection(name, str(error))
        return
    if suffix in HTML_SUFFIXES:
        yield from _html_article(path.stem, text, encoding, name)
    else:
        yield from _text_article(path.stem, text, encoding, name)


def _text_article(article_id: str, text: str, encoding: str, name: str) -> Iterator[Result]:
    if not text.strip():
        yield Rejection(name, "no text (only whitespace)")
        return
    published = published_from_header(text)
    yield Article(
        id=article_id, text=text, published=published, published_precision="day" if published else None,
        outlet=outlet_from_source_line(text), encoding=encoding, input=name, format="text",
    )


def _html_article(article_id: str, html: str, encoding: str, name: str) -> Iterator[Result]:
    import trafilatura  # imported here: costly, and only HTML needs it

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as error:  # trafilatura raises many kinds on broken markup
        yield Rejection(name, f"broken HTML: {type(error).__name__}: {error}"[:300])
        return
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        yield Rejection(name, "HTML with no main text")
        return
    published, precision = _html_date(getattr(document, "date", None))
    yield Article(
        id=article_id, text=text, published=published, published_precision=precision,
        outlet=getattr(document, "sitename", None) or outlet_from_source_line(text),
        url=getattr(document, "url", None), title=getattr(document, "title", None),
        encoding=encoding, input=name, format="html",
    )


def _html_date(date: str | None) -> tuple[str | None, str | None]:
    """trafilatura falls back to `YYYY-01-01` when it knows only the year: keep just the year then."""
    if not date:
        return None, None
    if date.endswith("-01-01"):
        return date[:4], "year"
    return date[:10], "day"


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    """One article per line: `id`, `text`, optional `published`, `url`, `outlet`, `title`.
    A bad line is rejected alone, as `path:line`."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Rejection(str(path), f"cannot read: {error.strerror or error}")
        return
    seen_any = False
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            seen_any = True
            yield _jsonl_record(raw, f"{path}:{number}", path.stem, number, max_bytes)
    if not seen_any:
        yield Rejection(str(path), "empty file")


def _jsonl_record(raw: bytes, name: str, stem: str, number: int, max_bytes: int) -> Result:
    if len(raw) > max_bytes:
        return Rejection(name, f"record too large: {len(raw):,} bytes, limit {max_bytes:,}")
    try:
        line, encoding = decode(raw)
        record = json.loads(line)
    except UndecodableError as error:
        return Rejection(name, str(error))
    except json.JSONDecodeError as error:
        return Rejection(name, f"malformed JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return Rejection(name, f"JSON line is a {type(record).__name__}, expected an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(name, "JSON record has no `text`")
    published = record.get("published")
    if published is not None and (not isinstance(published, str) or valid_published(published[:10]) is None):
        return Rejection(name, f"`published` is not a date YYYY-MM-DD: {published!r}"[:200])
    return Article(
        id=str(record.get("id") or f"{stem}-{number}"), text=text,
        published=published[:10] if published else published_from_header(text),
        published_precision="day" if published or published_from_header(text) else None,
        outlet=record.get("outlet") or outlet_from_source_line(text),
        url=record.get("url"), title=record.get("title"), encoding=encoding, input=name, format="jsonl",
    )
