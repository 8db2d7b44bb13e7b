"""WARC archives: 50 HTML responses among requests, an image, an error page and a page the crawler
identified as English; the archive is served from 127.0.0.1 and downloaded, as a crawl segment is.
Ingesting it stores the 50 pages, a second ingest adds nothing, syndicated copies are linked."""
from __future__ import annotations

import io
import subprocess
import sys
import urllib.request
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kronika.api import Options, ingest_outcomes
from kronika.ledger import Ledger
from kronika.scale.wire import originals
from tests.scale_corpus import varied
from tests.scale_server import page, serving
from tests.test_wire import AGENCY, COPIES


def _record(writer: WARCWriter, url: str, status: str, content_type: str, body: bytes,
            language: str | None = None) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    extra = {"WARC-Identified-Content-Language": language} if language else None
    writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                  warc_headers_dict=extra))


def _archive() -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    texts = varied(50 - 1 - len(COPIES), seed=9) + [AGENCY, *COPIES]
    for number, text in enumerate(texts):
        _record(writer, f"https://portal{number % 4}.example.pl/{number}", "200 OK", "text/html; charset=utf-8",
                page(f"Tytuł {number}", text, "2024-06-02"), language="pol" if number % 2 else None)
    _record(writer, "https://example.pl/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
    _record(writer, "https://example.pl/brak", "404 Not Found", "text/html", b"<html>nie ma</html>")
    _record(writer, "https://example.com/en", "200 OK", "text/html",
            page("News", "The council met on Monday and approved the plan, said its chairman.", "2024-06-02"),
            language="eng")
    return buffer.getvalue()


def test_a_served_warc_is_ingested_once_with_copies_linked(tmp_path: Path) -> None:
    with serving() as site:
        url = site.add("/crawl/segment.warc.gz", "application/warc", _archive())
        with urllib.request.urlopen(url, timeout=30) as response:
            (tmp_path / "segment.warc.gz").write_bytes(response.read())
    with Ledger(tmp_path / "k.db") as ledger:
        outcomes = list(ingest_outcomes([tmp_path / "segment.warc.gz"], ledger, Options(jobs=2)))
        assert [o.status for o in outcomes] == ["ingested"] * 50
        assert outcomes[0].input.endswith("segment.warc.gz#2")  # named by the record's place
        urls = {row[0] for row in ledger.connection.execute("SELECT url FROM articles")}
        assert "https://portal0.example.pl/0" in urls and len(urls) == 50
        again = list(ingest_outcomes([tmp_path / "segment.warc.gz"], ledger, Options()))
        assert {o.status for o in again} == {"duplicate"}
        assert ledger.counts()["articles"] == 50
        copies = originals(ledger.connection)
    # each response follows its request: the agency text is record 94, its three copies 96, 98 and 100
    assert sorted(a for a, o in copies.items() if o == "segment-94") == ["segment-100", "segment-96", "segment-98"]


def test_a_file_that_is_no_warc_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "zepsuty.warc.gz").write_bytes(b"to nie jest archiwum")
    done = subprocess.run([sys.executable, "-m", "kronika.cli", "ingest", str(tmp_path / "zepsuty.warc.gz"),
                           "--db", str(tmp_path / "k.db")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "not a readable WARC archive" in done.stderr


def test_an_archive_is_cut_into_units_of_unread_records_that_read_as_the_archive_does(tmp_path: Path) -> None:
    from kronika.ingest.warc import read_warc
    from kronika.scale.pool import Unit, input_units, unit_results

    path = tmp_path / "segment.warc.gz"
    path.write_bytes(_archive())
    units = list(input_units([path], None, 10_000_000))
    assert len(units) >= 2 and all(isinstance(u, Unit) and u.records and not u.files for u in units)
    read = [result for unit in units for result, _ in unit_results(unit, Options(), seen=lambda _: True)]  # type: ignore[arg-type]
    expected = list(read_warc(path, str(path), 10_000_000))
    assert read == expected and len(expected) == 50  # the Polish pages (the crawler marked the English one)
    (tmp_path / "zepsuty.warc.gz").write_bytes(b"to nie jest archiwum")
    [broken] = input_units([tmp_path / "zepsuty.warc.gz"], None, 10_000_000)
    assert getattr(broken, "reason", "").startswith("not a readable WARC archive")
