"""The claim contexts an ingest's workers work out as they extract (kronika.scale.pool.claim_contexts) are
the ones reconciliation works out from the same claims read back from the ledger, article by article,
so handing them over changes no figure (tests/test_reconcile_incremental.py compares the tables)."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from kronika.api import Options, ingest
from kronika.ingest import read_inputs
from kronika.ledger import Ledger
from kronika.pipeline import extract_article
from kronika.reconcile.context import article_contexts
from kronika.reconcile.store import _claims_with_ids
from kronika.scale.pool import claim_contexts

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(p for name in ("stories_blind2", "stories_dev") for p in (CORPUS / name).glob("*.txt"))


def test_contexts_worked_out_ahead_equal_those_of_the_stored_claims(tmp_path: Path) -> None:
    with Ledger(tmp_path / "k.db") as ledger:
        ingest([str(p) for p in FILES], ledger, options=Options(jobs=1))
        stored, _ = _claims_with_ids(ledger.connection)
        inputs = dict(ledger.connection.execute("SELECT input, id FROM articles"))
    by_article = defaultdict(list)
    for claim in stored:
        by_article[claim.article].append(claim)
    compared = 0
    for article in read_inputs([str(p) for p in FILES]):
        ahead = claim_contexts(extract_article(article), article)
        read_back = sorted(by_article[inputs[article.input]], key=lambda c: c.span)
        assert ahead is not None and list(ahead) == article_contexts(read_back), article.id
        compared += len(ahead)
    assert compared > 200


def test_an_article_with_very_many_claims_leaves_its_contexts_to_reconciliation(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kronika.scale.pool as pool

    [article] = list(read_inputs([str(FILES[0])]))
    claims = extract_article(article)
    assert pool.claim_contexts(claims, article) is not None
    monkeypatch.setattr(pool, "CONTEXT_CLAIMS", len(claims) - 1)
    assert pool.claim_contexts(claims, article) is None
