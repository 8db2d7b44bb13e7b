"""Mixed inputs for the scale-out tests: the bundled sample articles with their figures redrawn (so each
is a new article), a verbatim copy, a JSON Lines file, and inputs that must be rejected or skipped."""
from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

_SMALL_NUMBER = re.compile(r"(?<![\d.,\-])\d{1,3}(?![\d.,\-])")


def sample_texts() -> list[str]:
    folder = resources.files("kronika").joinpath("samples")
    return [f.read_text("utf-8") for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".txt")]


def varied(count: int, seed: int = 11) -> list[str]:
    """`count` distinct articles: the samples with their small numbers redrawn."""
    pick = random.Random(seed)
    texts = sample_texts()
    return [_SMALL_NUMBER.sub(lambda _: str(pick.randint(2, 999)), texts[n % len(texts)]) for n in range(count)]


def mixed_inputs(folder: Path, articles: int = 12) -> Path:
    """A folder whose ingest has every kind of outcome."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = varied(articles)
    for number, text in enumerate(texts[: articles // 2]):
        (folder / f"a{number:03d}.txt").write_text(text, "utf-8")
    (folder / "a000-kopia.txt").write_text(texts[0], "utf-8")  # a duplicate within the batch
    records = [{"id": f"r{n}", "text": text} for n, text in enumerate(texts[articles // 2:])]
    records.append({"id": "r-bad", "text": 17})
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", "utf-8")
    samples = resources.files("kronika").joinpath("samples")
    with resources.as_file(samples.joinpath("korea_3_nis.html")) as html:
        shutil.copy(html, folder / "strona.html")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "english.txt").write_text("The committee approved the plan on Monday, its chairman told reporters"
                                        " after a long and heated debate in the capital.", "utf-8")
    (folder / ".hidden.txt").write_text(texts[1], "utf-8")
    return folder


def ledger_content(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the ledger's tables, without the times at which they were written."""
    times = {"ingested_at", "rejected_at", "resolved_at"}
    connection = sqlite3.connect(db)
    try:
        content = {}
        for table in ("articles", "claims", "rejections"):
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})") if row[1] not in times]
            rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1").fetchall()
            content[table] = rows
        return content
    finally:
        connection.close()
