"""The North Korean troops story end to end on the three seed articles of ../shared: ingest into a
real SQLite ledger, reconcile, and find what an analyst needs (issue 5's acceptance)."""
from __future__ import annotations

from pathlib import Path

from kronika.api import ingest
from kronika.ledger import Ledger
from kronika.reconcile import build_figures, find_conflicts


def _figures(shared_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with Ledger(tmp_path / "k.db") as ledger:
        summary = ingest([shared_dir / "seeds"], ledger)
        assert summary.ingested == 3 and not summary.rejected
        claims = list(ledger.claims(actor="North Korea"))
    figures = {f.id: f for f in build_figures(claims)}
    return figures, find_conflicts(figures.values())


def test_killed_figure_in_time_order_with_sources(shared_dir: Path, tmp_path: Path) -> None:
    figures, _ = _figures(shared_dir, tmp_path)
    killed = figures["killed:north-korea:soldiers"]
    assert [(c.value, c.qualifier) for c in killed.claims] == [(1000, "approx"), (2000, "approx"), (6000, "more_than")]
    assert [c.reference_time for c in killed.claims] == ["2025-01-15", "2025-09-03", "2025-11-14"]
    sources = [c.source or "" for c in killed.claims]
    assert "zachodnie" in sources[0] and "NIS" in sources[1] and "południowokoreańskie" in sources[2]


def test_deployed_figure_holds_the_three_estimates_and_the_plan(shared_dir: Path, tmp_path: Path) -> None:
    figures, conflicts = _figures(shared_dir, tmp_path)
    deployed = figures["deployed:north-korea:soldiers"]
    asserted = {(c.value, c.qualifier) for c in deployed.claims if c.modality == "asserted"}
    assert {(11000, "approx"), (13000, "at_least"), (14000, "approx")} <= asserted
    planned = [c for c in deployed.claims if c.modality == "planned"]
    assert [(c.value, "NIS" in (c.source or "")) for c in planned] == [(6000, True)]
    [conflict] = [c for c in conflicts if c.figure == deployed.id]
    assert {c.value for c in conflict.claims} == {11000, 14000}
    assert "do not overlap" in conflict.reason
    assert all(c.modality != "planned" for pair in conflicts for c in pair.claims)
