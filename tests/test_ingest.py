"""Ingest: every input format, legacy encodings, and bad input rejected with a reason, never stopping
the batch."""
from __future__ import annotations

import json
from pathlib import Path

from kronika.api import ingest
from kronika.article import Article, Rejection
from kronika.ingest import read_inputs
from kronika.ledger import Ledger
from tests.articles import BORDER, FLOOD


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    return path


def test_text_article_header_and_outlet(tmp_path: Path) -> None:
    path = _write(tmp_path, "powodz.txt", FLOOD)
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert (article.id, article.published, article.outlet, article.encoding) == ("powodz", "2024-09-20", "PAP", "utf-8")
    assert article.text == FLOOD  # the text exactly as read, header included


def test_legacy_encodings_are_detected_and_recorded(tmp_path: Path) -> None:
    for encoding in ("cp1250", "iso-8859-2"):
        path = _write(tmp_path, f"granica-{encoding}.txt", BORDER.encode(encoding))
        [article] = list(read_inputs([path]))
        assert isinstance(article, Article)
        assert article.encoding == encoding
        assert article.text == BORDER


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": BORDER, "published": "2024-11-02", "outlet": "PAP", "url": "https://x.pl/a1"}),
        "{to nie jest json",
        json.dumps(["lista"]),
        json.dumps({"id": "a3", "text": "  "}),
        json.dumps({"id": "a4", "text": FLOOD}, ensure_ascii=False),
    ]
    path = _write(tmp_path, "paczka.jsonl", "\n".join(lines) + "\n")
    results = list(read_inputs([path]))
    articles = [r for r in results if isinstance(r, Article)]
    rejected = {r.input: r.reason for r in results if isinstance(r, Rejection)}
    assert [a.id for a in articles] == ["a1", "a4"]
    assert articles[0].published == "2024-11-02" and articles[0].url == "https://x.pl/a1"
    assert articles[1].published == "2024-09-20"  # from the text's header when the record has none
    assert rejected[f"{path}:2"].startswith("malformed JSON")
    assert "expected an object" in rejected[f"{path}:3"]
    assert "no `text`" in rejected[f"{path}:4"]


def test_html_main_text_and_year_only_date(tmp_path: Path) -> None:
    body = "".join(f"<p>{sentence}.</p>" for sentence in BORDER.split(". "))
    page = (
        "<html><head><title>Granica</title><meta property='article:published_time' content='2024-01-01'></head>"
        f"<body><nav>Strona główna | Kraj | Świat</nav><article><h1>Rekord na granicy</h1>{body}</article>"
        "<footer>Wszelkie prawa zastrzeżone</footer></body></html>"
    )
    path = _write(tmp_path, "granica.html", page)
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article), article
    assert "Zatrzymano 120 osób" in article.text and "prawa zastrzeżone" not in article.text
    assert (article.published, article.published_precision) == ("2024", "year")


def test_bad_inputs_each_rejected_with_a_reason(tmp_path: Path) -> None:
    _write(tmp_path, "dobry.txt", FLOOD)
    _write(tmp_path, "binarny.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _write(tmp_path, "pusty.txt", "")
    _write(tmp_path, "spacje.txt", "   \n\n ")
    _write(tmp_path, "smieci.txt", bytes(range(0x80, 0x100)) * 4)
    _write(tmp_path, "angielski.txt", "The ministry said on Tuesday that about 300 people had been evacuated.")
    _write(tmp_path, "duzy.txt", "Żołnierze " * 200)
    _write(tmp_path, "zepsuty.html", "<html><body><div><p></div></span>")
    results = list(read_inputs([tmp_path, tmp_path / "brak.txt"], max_bytes=1000))
    reasons = {Path(r.input).name: r.reason for r in results if isinstance(r, Rejection)}
    assert [r.id for r in results if isinstance(r, Article)] == ["dobry"]
    assert reasons["binarny.txt"].startswith("binary file")
    assert reasons["pusty.txt"] == "empty file"
    assert reasons["spacje.txt"].startswith("no text")
    assert reasons["smieci.txt"].startswith("undecodable bytes")
    assert reasons["angielski.txt"].startswith("language 'en' is not supported")
    assert reasons["duzy.txt"].startswith("file too large")
    assert reasons["zepsuty.html"] == "HTML with no main text"
    assert reasons["brak.txt"] == "no such file or directory"


def test_ingest_twice_changes_nothing_and_records_rejections(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "powodz.txt", FLOOD)
    _write(folder, "granica.txt", BORDER.encode("cp1250"))
    _write(folder, "pusty.txt", "")
    _write(folder, "zla.jsonl", '{"id": 1, "text": ')
    with Ledger(tmp_path / "k.db") as ledger:
        first = ingest([folder], ledger)
        counts = ledger.counts()
        second = ingest([folder], ledger)
        assert (first.ingested, first.duplicates, len(first.rejected)) == (2, 0, 2)
        assert (second.ingested, second.duplicates) == (0, 2)
        assert ledger.counts() == counts
        assert {Path(r["input"].split(":")[0]).name for r in ledger.rejections()} == {"pusty.txt", "zla.jsonl"}
        stored = {a["id"]: a for a in ledger.articles()}
        assert stored["granica"]["encoding"] == "cp1250"


def test_same_id_other_content_keeps_both(tmp_path: Path) -> None:
    with Ledger(tmp_path / "k.db") as ledger:
        ledger.add_article(Article("a", BORDER), [])
        assert ledger.add_article(Article("a", FLOOD), []) == f"a@{Article('a', FLOOD).content_hash[:8]}"
        assert ledger.counts()["articles"] == 2


def test_impossible_dates_are_not_trusted(tmp_path: Path) -> None:
    text_path = _write(tmp_path, "zla-data.txt", " date 2024-13-45 " + BORDER)
    jsonl_path = _write(tmp_path, "zla-data.jsonl", json.dumps({"id": "x", "text": BORDER, "published": "2024-02-30"}))
    [article, rejection] = list(read_inputs([text_path, jsonl_path]))
    assert isinstance(article, Article) and article.published is None
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("`published` is not a date")


def test_utf8_with_a_stray_byte_stays_utf8_with_the_byte_counted() -> None:
    """One bad byte in a Polish UTF-8 file used to make the whole file cp1250 mojibake."""
    from kronika.ingest.decode import decode

    clean = "Powódź zalała dziś 12 gmin. Ewakuowano ponad 2 tys. mieszkańców, a żołnierze budują wały.\n"
    text, encoding = decode((clean * 3).encode("utf-8") + b"\xff" + clean.encode("utf-8"))
    assert encoding == "utf-8; invalid bytes replaced: 1"
    assert text.startswith(clean) and text.count("\ufffd") == 1 and "Ĺ" not in text
    legacy, legacy_encoding = decode((clean * 4).encode("cp1250"))
    assert legacy_encoding == "cp1250" and legacy == clean * 4


def test_the_content_hash_folds_whitespace_as_str_split_does() -> None:
    import hashlib
    import random
    import sys

    from kronika.article import content_hash

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    pick = random.Random(5)
    for _ in range(300):
        text = "".join(pick.choice([*spaces, "a", "ż", "7", "\u200b", "-"]) for _ in range(pick.randint(0, 40)))
        folded = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
        for chunk in (1, 2, 3, 7, 1 << 16):  # pieces cut inside words and inside runs of whitespace
            assert content_hash(text, chunk) == folded, (repr(text), chunk)
    assert content_hash("Wojsko\r\n podało  3 tys.\u00a0ofiar ") == content_hash("Wojsko podało 3 tys. ofiar")
