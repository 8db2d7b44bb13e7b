"""Readers for each input format. Each yields Articles, or Rejections with a one-line reason; none
raises on bad input, so one bad file never stops a batch."""
from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kronika.article import Article, Rejection
from kronika.ingest.decode import UndecodableError, decode
from kronika.ingest.paths import FileInput, StdinInput, display_name
from kronika.ingest.records import jsonl_record
from kronika.prepare.markers import outlet_from_source_line, published_from_header

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
BINARY_SNIFF = 8192

Result = Article | Rejection


WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    """A WARC archive, told by its name (kronika.ingest.warc reads it)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_input(item: FileInput | StdinInput, max_bytes: int = DEFAULT_MAX_BYTES,
               stdin_format: str = "text") -> Iterator[Result]:
    """Articles from one input; any failure of reading becomes a rejection of that input."""
    try:
        if isinstance(item, StdinInput):
            yield from _read_stdin(item.name, max_bytes, stdin_format)
        else:
            yield from read_path(item.path, max_bytes, item.name)
    except Exception as error:  # a reader bug or an OS error must cost one input, never the batch
        log.exception("reading %s failed", item.name)
        yield Rejection(item.name, f"cannot read: {type(error).__name__}: {error}"[:300])


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> Iterator[Result]:
    """Articles from one file, whatever its format (told by its suffix)."""
    name = name or display_name(path)
    suffix = path.suffix.lower()
    if is_warc(path):
        from kronika.ingest import warc  # imported here: warc reads HTML records through this module

        yield from warc.read_warc(path, name, max_bytes)
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes, name)
        return
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # bounded: the file may grow after it was listed
    except OSError as error:
        yield Rejection(name, f"cannot read: {error.strerror or error}")
        return
    result = read_bytes(data, _stem(path), suffix, name, max_bytes)
    del data  # the article is extracted while this generator waits: do not hold its bytes too
    yield result


def _read_stdin(name: str, max_bytes: int, stdin_format: str) -> Iterator[Result]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if stdin_format == "jsonl":
        lines = data.splitlines(keepends=True)
        yield from _jsonl_lines(iter(lines), name, "stdin", max_bytes)
        return
    suffix = ".html" if stdin_format == "html" else ".txt"
    result = read_bytes(data, f"stdin-{hashlib.sha256(data).hexdigest()[:8]}", suffix, name, max_bytes)
    del data
    yield result


def read_bytes(data: bytes, article_id: str, suffix: str, name: str, max_bytes: int) -> Result:
    """The article in `data`, or why not. A value, not a generator: the caller drops the bytes before
    the article is extracted, so a long file is not held twice."""
    if not data:
        return Rejection(name, "empty file")
    if len(data) > max_bytes:
        return Rejection(name, f"file too large: more than {max_bytes:,} bytes (see --max-bytes)")
    if b"\x00" in data[:BINARY_SNIFF]:
        return Rejection(name, "binary file (NUL bytes), not text")
    try:
        text, encoding = decode(data)
    except UndecodableError as error:
        return Rejection(name, str(error))
    if suffix in HTML_SUFFIXES:
        return _html_article(article_id, text, encoding, name)
    return _text_article(article_id, text, encoding, name)


def _stem(path: Path) -> str:
    return display_name(path.stem)


def _text_article(article_id: str, text: str, encoding: str, name: str) -> Result:
    if not text.strip():
        return Rejection(name, "no text (only whitespace)")
    published = published_from_header(text)
    return Article(
        id=article_id, text=text, published=published, published_precision="day" if published else None,
        outlet=outlet_from_source_line(text), encoding=encoding, input=name, format="text",
    )


def _html_article(article_id: str, html: str, encoding: str, name: str) -> Result:
    try:
        import trafilatura  # imported here: costly, and only HTML needs it
    except ImportError as error:
        return Rejection(name, f"HTML cannot be read here: {error} (reinstall kronika with its dependencies)")
    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as error:  # trafilatura raises many kinds on broken markup
        return Rejection(name, f"broken HTML: {type(error).__name__}: {error}"[:300])
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return Rejection(name, "HTML with no main text")
    published, precision = _html_date(getattr(document, "date", None))
    return Article(
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


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> Iterator[Result]:
    """One article per line (see records.py). A bad line is rejected alone, as `path:line`."""
    name = name or display_name(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Rejection(name, f"cannot read: {error.strerror or error}")
        return
    with handle:
        yield from _jsonl_lines(bounded_lines(handle, max_bytes), name, _stem(path), max_bytes)


def bounded_lines(handle: BinaryIO, max_bytes: int, stop: int | None = None) -> Iterator[bytes]:
    """Lines of at most `max_bytes` + 1 bytes, up to byte `stop` if given: a longer line yields its
    first part (rejected as too large) and the rest is skipped without being held in memory."""
    while stop is None or handle.tell() < stop:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        yield line
        while len(line) > max_bytes and not line.endswith(b"\n"):
            line = handle.readline(max_bytes + 1)
            if not line:
                return


def _jsonl_lines(lines: Iterator[bytes], name: str, stem: str, max_bytes: int) -> Iterator[Result]:
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        yield jsonl_record(raw, f"{name}:{number}", stem, number, max_bytes)
    if not seen_any:
        yield Rejection(name, "empty file")
