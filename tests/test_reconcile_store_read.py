"""The reconciliation's fast paths give what the plain ones gave: claims read as tuples, and a conflict
sweep that skips the pairs of two articles itself."""
from __future__ import annotations

import random
from pathlib import Path

from kronika.claim import CLAIM_FIELDS, Claim
from kronika.ledger import Ledger
from kronika.ledger.store import _CLAIM_COLUMNS
from kronika.reconcile.conflicts import _Dated, _disjoint_while_overlapping
from kronika.reconcile.intervals import ValueInterval
from kronika.reconcile.store import _claims_with_ids


def test_claim_columns_are_the_claim_fields_in_order() -> None:
    # _claims_with_ids makes each Claim from its row's columns by position
    assert [_CLAIM_COLUMNS[0], "span", *_CLAIM_COLUMNS[3:]] == list(CLAIM_FIELDS)
    assert _CLAIM_COLUMNS[1:3] == ("span_start", "span_end")


def test_claims_read_as_tuples_equal_the_dict_path(tmp_path: Path) -> None:
    claims = [Claim("a", (10, 14), "5 osób", 5.0, measure="killed", place="Poland", sentence="Zginęło 5 osób."),
              Claim("a", (2, 6), "3 osoby", 3.0, value_max=4.0, qualifier="range", unit=None, sentence="x"),
              Claim("b", (0, 3), "7", 7.0, source="PAP", modality="reported", published="2025-01-02")]
    with Ledger(tmp_path / "k.db") as ledger:
        ledger.add_article_rows(_article("a"), [_row(c) for c in claims[:2]])
        ledger.add_article_rows(_article("b"), [_row(c) for c in claims[2:]])
        read, ids = _claims_with_ids(ledger.connection)
        rows = ledger.connection.execute(
            f"SELECT id, {', '.join(_CLAIM_COLUMNS)} FROM claims ORDER BY article, span_start, id").fetchall()
    expected = []
    for row in rows:
        record = {column: row[column] for column in _CLAIM_COLUMNS}
        record["span"] = (record.pop("span_start"), record.pop("span_end"))
        expected.append(Claim.from_dict(record))
    assert read == expected
    assert ids == {(row["article"], row["span_start"], row["span_end"]): row["id"] for row in rows}


def _article(name: str):  # type: ignore[no-untyped-def]
    from kronika.article import Article

    return Article(id=name, text=f"tekst {name}", input=name)


def _row(claim: Claim) -> tuple[object, ...]:
    from kronika.ledger.store import claim_rows

    return next(claim_rows([claim]))


def test_the_sweep_by_groups_keeps_the_pairs_of_one_group_in_order() -> None:
    pick = random.Random(5)
    met = 0
    for _ in range(50):
        dated = []
        for position in range(pick.randint(1, 60)):
            start = pick.randint(0, 20)
            low = pick.choice([1.0, 2.0, 5.0, 10.0, 50.0, 100.0])
            high = low * pick.choice([1.0, 1.5, 3.0])
            dated.append(_Dated(start, start + pick.randint(1, 10),
                                ValueInterval(low, high, pick.random() < 0.3, pick.random() < 0.3), position))
        dated.sort(key=lambda d: (d.start, d.end, d.position))
        groups = [pick.choice("abc") for _ in dated]
        group_of = {d.position: g for d, g in zip(dated, groups, strict=True)}
        every = list(_disjoint_while_overlapping(dated))
        assert list(_disjoint_while_overlapping(dated, groups)) == [
            (a, b) for a, b in every if group_of[a] == group_of[b]]
        met += len(every)
    assert met > 100  # the sweeps met pairs to keep and to skip
