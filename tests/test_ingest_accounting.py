"""Every input accounted for: each ends ingested, duplicate, rejected (with its reason, in the ledger) or
skipped on purpose (with its rule), and a failure at any stage costs that input only. Each test names
a defect that stopped or silently shrank a batch before."""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from pathlib import Path

import pytest

import kronika.api
from kronika.api import Options, ingest
from kronika.ledger import Ledger
from tests.articles import BORDER, FLOOD

# A third article, so batches hold more than one good input.
STRIKE = (
    " date 2025-03-11\n"
    "Strajk w komunikacji miejskiej. Według związkowców do pracy nie przyszło ok. 400 kierowców,"
    " a przewoźnik podał, że z zajezdni nie wyjechało 120 autobusów.\n"
)


def _ingest(paths: list[Path | str], db: Path, **options: object) -> kronika.api.IngestSummary:
    with Ledger(db) as ledger:
        summary = ingest(paths, ledger, options=Options(**options))  # type: ignore[arg-type]
        assert summary.inputs == summary.ingested + summary.duplicates + len(summary.rejected) + len(summary.skipped)
        return summary


def _open_rejections(db: Path) -> dict[str, str]:
    with Ledger(db) as ledger:
        return {row["input"]: row["reason"] for row in ledger.rejections()}


def test_a_lone_surrogate_in_json_is_replaced_counted_and_the_batch_goes_on(tmp_path: Path) -> None:
    """A JSON string `"\\ud800"` used to raise while hashing and stop the batch."""
    broken = '{"id": "s1", "text": "' + json.dumps(BORDER)[1:-1] + ' \\ud800"}'
    lines = [broken, json.dumps({"id": "s2", "text": FLOOD})]
    (tmp_path / "paczka.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    summary = _ingest([tmp_path / "paczka.jsonl"], tmp_path / "k.db")
    assert (summary.ingested, len(summary.rejected)) == (2, 0)
    with Ledger(tmp_path / "k.db") as ledger:
        stored = {a["id"]: a["encoding"] for a in ledger.articles()}
        assert stored["s1"] == "utf-8; lone surrogates replaced: 1"
        assert (ledger.article_text("s1") or "").endswith("\ufffd")


@pytest.mark.parametrize("field, value, said", [
    ("url", ["x"], "`url` is a list"),
    ("title", {"a": 1}, "`title` is a object"),
    ("published", 20250311, "`published` is a number"),
    ("id", True, "`id` is a boolean"),
    ("text", ["Powódź"], "`text` is a list"),
])
def test_a_field_of_the_wrong_type_rejects_its_record_only(
        tmp_path: Path, field: str, value: object, said: str) -> None:
    """`"url": ["x"]` used to reach the ledger insert and stop the batch."""
    record = {"id": "zly", "text": STRIKE, field: value}
    lines = [json.dumps(record), json.dumps({"id": "dobry", "text": FLOOD})]
    (tmp_path / "paczka.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    summary = _ingest([tmp_path / "paczka.jsonl"], tmp_path / "k.db")
    assert summary.ingested == 1
    [reason] = _open_rejections(tmp_path / "k.db").values()
    assert said.replace("a object", "an object") in reason.replace("a object", "an object")


def test_a_file_name_that_is_not_utf8_is_stored_and_shown_escaped(tmp_path: Path) -> None:
    """A file name with a cp1250 byte used to break the rejection insert and the console."""
    folder = os.fsencode(tmp_path)
    with open(folder + b"/pow\xf3d\xbc.txt", "wb") as handle:
        handle.write(FLOOD.encode("utf-8"))
    with open(folder + b"/pusty\xb3.txt", "wb"):
        pass
    summary = _ingest([tmp_path], tmp_path / "k.db")
    assert summary.ingested == 1
    assert [r.input for r in summary.rejected] == [f"{tmp_path}/pusty\\xb3.txt"]
    with Ledger(tmp_path / "k.db") as ledger:
        [article] = ledger.articles()
        assert article["input"] == f"{tmp_path}/pow\\xf3d\\xbc.txt"


def test_hidden_and_underscore_names_symlinked_folders_and_dangling_links_are_all_accounted(tmp_path: Path) -> None:
    """These used to vanish with exit 0 and "0 rejected"."""
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "_pilne.txt").write_text(FLOOD, "utf-8")
    (inbox / ".szkic.txt").write_text(STRIKE, "utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "granica.txt").write_text(BORDER, "utf-8")
    (inbox / "linked").symlink_to(tmp_path / "elsewhere")
    (inbox / "sub" / "loop").symlink_to(inbox)  # a cycle: read once, skipped aloud the second time
    (inbox / "zgubiony.txt").symlink_to(tmp_path / "nie-ma.txt")
    summary = _ingest([inbox], tmp_path / "k.db")
    assert summary.ingested == 2  # _pilne.txt, linked/granica.txt
    assert {Path(s.name).name: s.rule for s in summary.skipped}.keys() == {".szkic.txt", "loop"}
    assert [Path(r.input).name for r in summary.rejected] == ["zgubiony.txt"]
    assert "dangling" in summary.rejected[0].reason
    assert summary.inputs == 5


def test_an_unlistable_folder_and_an_unreadable_file_are_rejected_with_the_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission errors are simulated (tests may run as root, who reads everything)."""
    (tmp_path / "zamkniety").mkdir()
    (tmp_path / "tajny.txt").write_text(STRIKE, "utf-8")
    (tmp_path / "jawny.txt").write_text(FLOOD, "utf-8")
    real_scandir, real_open = os.scandir, Path.open

    def scandir(path: object) -> object:
        if str(path).endswith("zamkniety"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    def open_(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "tajny.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "open", open_)
    summary = _ingest([tmp_path], tmp_path / "k.db")
    reasons = {Path(r.input).name: r.reason for r in summary.rejected}
    assert reasons == {"zamkniety": "cannot list folder: Permission denied",
                       "tajny.txt": "cannot read: Permission denied"}
    assert summary.ingested == 1


def test_a_fifo_is_rejected_not_read_forever(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "rura.txt")
    (tmp_path / "a.txt").write_text(FLOOD, "utf-8")
    summary = _ingest([tmp_path, tmp_path / "rura.txt"], tmp_path / "k.db")
    assert [r.reason for r in summary.rejected] == ["not a regular file (a device, pipe or socket)"] * 2


def test_a_missing_html_dependency_rejects_html_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "strona.html").write_text(f"<html><body><p>{STRIKE}</p></body></html>", "utf-8")
    (tmp_path / "tekst.txt").write_text(FLOOD, "utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura now raises ImportError
    summary = _ingest([tmp_path], tmp_path / "k.db")
    assert summary.ingested == 1
    [rejection] = summary.rejected
    assert rejection.reason.startswith("HTML cannot be read here")


def test_a_storage_failure_rejects_the_article_and_the_next_one_is_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(BORDER, "utf-8")
    (tmp_path / "b.txt").write_text(FLOOD, "utf-8")
    real = Ledger.add_article_rows

    def failing(self: Ledger, article: kronika.api.Article, rows: object, *args: object,
                **kwargs: object) -> str | None:
        if article.id == "a":
            raise sqlite3.DatabaseError("disk image is malformed")
        return real(self, article, rows, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Ledger, "add_article_rows", failing)
    summary = _ingest([tmp_path], tmp_path / "k.db")
    assert summary.ingested == 1
    assert _open_rejections(tmp_path / "k.db") == {
        str(tmp_path / "a.txt"): "storing failed: DatabaseError: disk image is malformed"}


def test_a_pathological_article_is_refused_by_the_time_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(BORDER, "utf-8")
    (tmp_path / "b.txt").write_text(FLOOD, "utf-8")
    real = kronika.api.extract_article

    def slow(article: kronika.api.Article) -> list[kronika.api.Claim]:
        if article.id == "a":  # computing, as a pathological article does: the budget counts CPU time
            until = time.process_time() + 5
            while time.process_time() < until:
                pass
        return real(article)

    monkeypatch.setattr(kronika.api, "extract_article", slow)
    started = time.monotonic()
    summary = _ingest([tmp_path], tmp_path / "k.db", time_budget=0.5)
    assert time.monotonic() - started < 4
    [rejection] = summary.rejected
    assert rejection.reason.startswith("time budget exceeded: extraction took more than 0.5 s")
    assert summary.ingested == 1


def test_a_rerun_reads_what_a_fix_made_readable_and_resolves_the_rejection(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "strona.html").write_text(f"<html><body><article><p>{STRIKE}</p></article></body></html>", "utf-8")
    with monkeypatch.context() as patched:
        patched.setitem(sys.modules, "trafilatura", None)
        assert len(_ingest([tmp_path], tmp_path / "k.db").rejected) == 1
    assert _ingest([tmp_path], tmp_path / "k.db").ingested == 1
    assert _open_rejections(tmp_path / "k.db") == {}
    with Ledger(tmp_path / "k.db") as ledger:
        [history] = ledger.rejections(include_resolved=True)
        assert history["resolved_as"] == "strona" and history["resolved_at"]
        assert ledger.counts()["rejections"] == 0


def test_random_high_bytes_are_not_read_as_cp1250(tmp_path: Path) -> None:
    """A legacy encoding is chosen only when the whole file reads as Polish in it."""
    noise = bytes(range(0xA0, 0x100)) * 4 + "ą".encode("cp1250") * 3
    (tmp_path / "szum.txt").write_bytes(b"Tekst " + noise)
    summary = _ingest([tmp_path / "szum.txt"], tmp_path / "k.db")
    [rejection] = summary.rejected
    assert rejection.reason.startswith("undecodable bytes")


def test_the_default_date_applies_only_to_inputs_without_one(tmp_path: Path) -> None:
    (tmp_path / "datowany.txt").write_text(FLOOD, "utf-8")
    (tmp_path / "bez-daty.txt").write_text(STRIKE.split("\n", 1)[1], "utf-8")
    _ingest([tmp_path], tmp_path / "k.db", published="2025-03-12")
    with Ledger(tmp_path / "k.db") as ledger:
        dates = {a["id"]: (a["published"], a["published_precision"]) for a in ledger.articles()}
    assert dates == {"datowany": ("2024-09-20", "day"), "bez-daty": ("2025-03-12", "day")}
