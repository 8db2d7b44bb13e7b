"""Reviews: a person's verdict on a claim, appended to the `reviews` table (migration 0006), which
refuses updates and deletes. The latest review of a claim is its reviewed state; `before` is the claim
as extracted (or as the previous review left it), `after` the claim with the corrections applied."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from kronika.claim import MEASURES, QUALIFIERS

VERDICTS = ("confirmed", "rejected", "corrected")
# What a review may correct; `figure` is the claim's figure membership (a figures.id, or null for none).
CORRECTABLE = ("value", "value_max", "qualifier", "measure", "source", "figure")
MAX_NOTE = 4000


class ReviewError(ValueError):
    """A review that cannot be recorded, with a message for the person who sent it."""


def review_record(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    record["span"] = [record.pop("span_start"), record.pop("span_end")]
    record["before"], record["after"] = json.loads(record["before"]), json.loads(record["after"])
    return record


def _checked_corrections(corrections: dict[str, Any]) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for key, value in corrections.items():
        if key not in CORRECTABLE:
            raise ReviewError(f"cannot correct {key!r}; correctable: {', '.join(CORRECTABLE)}")
        if value is None or value == "":
            continue
        if key in ("value", "value_max"):
            try:
                number = float(str(value).replace(",", ".").replace("\u00a0", "").replace(" ", ""))
            except ValueError:
                raise ReviewError(f"{key} must be a number, got {value!r}") from None
            if number != number or number in (float("inf"), float("-inf")):
                raise ReviewError(f"{key} must be a finite number, got {value!r}")
            checked[key] = number
        elif key == "qualifier" and value not in QUALIFIERS:
            raise ReviewError(f"qualifier must be one of {', '.join(QUALIFIERS)}")
        elif key == "measure" and value not in MEASURES:
            raise ReviewError(f"measure must be one of {', '.join(MEASURES)}")
        else:
            checked[key] = str(value)[:500]
    return checked


def _current_state(connection: sqlite3.Connection, claim: sqlite3.Row) -> dict[str, Any]:
    latest = connection.execute(
        "SELECT after FROM reviews WHERE claim = ? ORDER BY id DESC LIMIT 1", (claim["id"],)).fetchone()
    if latest is not None:
        state: dict[str, Any] = json.loads(latest[0])
        return state
    state = {key: claim[key] for key in CORRECTABLE if key != "figure"}
    state["figure"] = _figure_of(connection, claim["id"])
    return state


def _figure_of(connection: sqlite3.Connection, claim_id: int) -> Any:
    """The figure the reconciliation put the claim in, when the ledger has figures (migration 0003)."""
    if connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'figure_claims'").fetchone():
        row = connection.execute("SELECT figure FROM figure_claims WHERE claim = ? LIMIT 1", (claim_id,)).fetchone()
        return row[0] if row else None
    return None


def add_review(connection: sqlite3.Connection, claim_id: int, verdict: str, reviewer: str,
               note: str | None = None, corrections: dict[str, Any] | None = None) -> dict[str, Any]:
    """Append one review in its own transaction and return it. A `corrected` verdict needs at least one
    correction; `confirmed` and `rejected` take none."""
    if verdict not in VERDICTS:
        raise ReviewError(f"verdict must be one of {', '.join(VERDICTS)}")
    checked = _checked_corrections(corrections or {})
    if verdict == "corrected" and not checked:
        raise ReviewError("a corrected verdict needs at least one correction")
    if verdict != "corrected" and checked:
        raise ReviewError(f"corrections go with the verdict 'corrected', not {verdict!r}")
    reviewer = (reviewer or "").strip()[:200] or "analyst"
    connection.execute("BEGIN IMMEDIATE")
    try:
        claim = connection.execute("SELECT * FROM claims WHERE id = ?", (claim_id,)).fetchone()
        if claim is None:
            raise ReviewError(f"no claim {claim_id}")
        before = _current_state(connection, claim)
        after = {**before, **checked}
        cursor = connection.execute(
            "INSERT INTO reviews (claim, article, span_start, span_end, reviewer, reviewed_at, verdict, note,"
            " before, after) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (claim_id, claim["article"], claim["span_start"], claim["span_end"], reviewer,
             datetime.now(UTC).isoformat(timespec="seconds"), verdict, (note or "").strip()[:MAX_NOTE] or None,
             json.dumps(before, ensure_ascii=False), json.dumps(after, ensure_ascii=False)),
        )
        row = connection.execute("SELECT * FROM reviews WHERE id = ?", (cursor.lastrowid,)).fetchone()
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return review_record(row)


def latest_reviews(connection: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Each reviewed claim's latest review, in claim order."""
    for row in connection.execute(
        "SELECT * FROM reviews WHERE id IN (SELECT MAX(id) FROM reviews GROUP BY claim) ORDER BY article, span_start"
    ):
        yield review_record(row)


def _context(text: str, start: int, end: int) -> str:
    """The shortest text ending at the cue whose first occurrence is here and in which the cue first
    occurs at its own place: what the gold format's `context` needs to find the right occurrence."""
    cue = text[start:end]
    left = start
    while True:
        context = text[left:end]
        if text.find(context) == left and text.find(cue, left) == start:
            return context
        if left == 0:
            return context
        left = max(0, left - 12)


def gold_records(connection: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The reviewed claims as gold lines (docs/gold.md): confirmed and corrected claims with
    their reviewed values, rejected ones as `expect: none` (no claim may be extracted there)."""
    texts: dict[str, str] = {}
    for review in latest_reviews(connection):
        article = review["article"]
        if article not in texts:
            row = connection.execute("SELECT text FROM articles WHERE id = ?", (article,)).fetchone()
            texts = {article: row[0] if row else ""}  # reviews come in article order: one text at a time
        text = texts[article]
        start, end = review["span"]
        if not text or end > len(text):
            continue
        record: dict[str, Any] = {"article": article, "cue": text[start:end]}
        context = _context(text, start, end)
        if context != record["cue"]:
            record["context"] = context
        if review["verdict"] == "rejected":
            record["expect"] = "none"
        else:
            after = review["after"]
            record.update(measure=[after["measure"]], value=after["value"], qualifier=[after["qualifier"]],
                          source=[after["source"]] if after.get("source") else None)
            if after.get("value_max") is not None:
                if after["qualifier"] == "vague":
                    record["vague_range"] = [after["value"], after["value_max"]]
                else:
                    record["value_max"] = after["value_max"]
        record["review"] = {"verdict": review["verdict"], "reviewer": review["reviewer"],
                            "reviewed_at": review["reviewed_at"], "note": review["note"]}
        yield record
