"""A hypothesis fuzz of ingest over generated folders: any bytes, any of the encodings met in Polish
news, JSON Lines of any shape, file names that are not UTF-8 or start with `.` or `_`. Whatever is
generated, ingest raises nothing, every input ends as exactly one outcome, the ledger stays intact and
every rejection is stored with a reason. (`bench/fuzz_ingest.py` does the same at 10,000 inputs, with a
kill -9 in the middle.)"""
from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kronika.api import Options, ingest
from kronika.ledger import Ledger

POLISH = st.sampled_from([
    "W Nysie ewakuowano ponad 1200 mieszkańców, podała straż pożarna.",
    "Według policji w zamieszkach rannych zostało 14 funkcjonariuszy.",
    " date 2026-03-02 Sanepid poinformował o 37 nowych zakażeniach w powiecie.",
    "Kraków, 15.05.2026 (PAP) – Do szpitali trafiło co najmniej 40 osób.",
    "Żółć gęślą jaźń: zażółć 5 łódek.",
])
ENCODINGS = st.sampled_from(["utf-8", "cp1250", "iso-8859-2", "utf-16"])
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                       max_size=3), max_leaves=6)
RECORDS = st.one_of(
    POLISH.map(lambda text: json.dumps({"text": text})),
    st.fixed_dictionaries({"text": POLISH | JSON_VALUES}, optional={
        "url": JSON_VALUES, "published": st.sampled_from(["2026-02-30", "2026-05-01", "wczoraj"]) | JSON_VALUES,
        "id": JSON_VALUES}).map(json.dumps),
    JSON_VALUES.map(json.dumps),
    st.text(max_size=30),  # mostly not JSON at all
    st.just('{"text": "ewakuowano 40 osób \\ud800"}'),
)


@st.composite
def _file(draw: st.DrawFn) -> tuple[bytes, str, bytes, int]:
    """(name stem as bytes, suffix, content, inputs it holds)."""
    stem = draw(st.sampled_from([b"a", b"_b", b".c", b"d\xff\xfe", "źródło".encode(), b"e f"]))
    kind = draw(st.sampled_from(["text", "bytes", "jsonl", "html"]))
    if kind == "text":
        text = draw(st.lists(POLISH, min_size=1, max_size=4).map(" ".join))
        return stem, ".txt", text.encode(draw(ENCODINGS), errors="replace"), 1
    if kind == "bytes":
        return stem, draw(st.sampled_from([".txt", ".html", ".jsonl", ""])), draw(st.binary(max_size=300)), -1
    if kind == "jsonl":
        lines = draw(st.lists(RECORDS, min_size=0, max_size=5))
        content = "\n".join(lines).encode("utf-8", "surrogatepass")
        # one input per non-blank line as read (a record's text may hold line breaks of its own); a file
        # of blank lines is one rejected input
        count = sum(1 for line in content.split(b"\n") if line.strip()) or 1
        return stem, ".jsonl", content, count
    body = draw(st.lists(POLISH, max_size=3).map(lambda ps: "".join(f"<p>{p}</p>" for p in ps)))
    cut = draw(st.integers(0, 200))
    return stem, ".html", f"<html><body><article>{body}</article></body></html>"[: cut or None].encode(), 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=st.lists(_file(), max_size=6))
def test_any_generated_folder_is_accounted_for(files: list[tuple[bytes, str, bytes, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        expected, exact = 0, True
        for number, (stem, suffix, content, inputs) in enumerate(files):
            name = stem + f"-{number}{suffix}".encode()
            (folder / name.decode("utf-8", "surrogateescape")).write_bytes(content)
            if stem.startswith(b"."):
                expected += 1  # a hidden name is skipped, and counted
            elif inputs < 0:
                exact = False  # random bytes with a .jsonl name hold an unknown number of lines
                expected += 1
            else:
                expected += inputs
        with Ledger(Path(tmp) / "k.db") as ledger:
            summary = ingest([folder], ledger, options=Options(time_budget=30))
            articles = len(list(ledger.articles()))
            rejections = list(ledger.rejections())
        assert summary.inputs == expected if exact else summary.inputs >= expected
        assert articles == summary.ingested
        assert len(rejections) == len(summary.rejected)
        assert all(r["reason"] for r in rejections)
        connection = sqlite3.connect(Path(tmp) / "k.db")
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.close()
