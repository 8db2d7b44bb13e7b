"""The North Korea story, built by hand: one killed figure, one deployed figure, one conflict.

Sentences are our own, in the style of the sample articles; the facts follow them. The report tests
import `north_korea_claims` from here, the other reconcile tests `make_claim`.
"""
from __future__ import annotations

import json

from kronika.claim import Claim
from kronika.reconcile import build_figures, find_conflicts

NK = "North Korea"
NIS = "Narodowa Służba Wywiadowcza Korei Południowej (NIS)"


def make_claim(value: float, **fields: object) -> Claim:
    """A claim for rule tests: killed North Korean soldiers, asserted, unattributed, unless told."""
    mention = str(fields.pop("mention", f"{value:g}"))
    record: dict[str, object] = {
        "article": "a", "span": (0, len(mention)), "mention": mention, "value": value,
        "measure": "killed", "subject": "żołnierz", "actor": NK, "reference_time": "2025",
        "sentence": f"Zginęło {mention} żołnierzy.",
    }
    record.update(fields)
    return Claim(**record)  # type: ignore[arg-type]


def _claim(article: str, sentence: str, mention: str, value: float, **fields: object) -> Claim:
    """A claim whose span is the mention's place in a one-sentence article."""
    start = sentence.index(mention)
    record: dict[str, object] = {
        "article": article, "span": (start, start + len(mention)), "mention": mention, "value": value,
        "sentence": sentence, "actor": NK, "unit": None, "reference_basis": "text",
    }
    record.update(fields)
    return Claim(**record)  # type: ignore[arg-type]


def north_korea_claims() -> list[Claim]:
    return [
        _claim("styczen", "Zachodnie źródła szacują, że do połowy stycznia w obwodzie kurskim zginęło "
               "ok. tysiąca żołnierzy z Korei Północnej.", "tysiąca", 1000,
               qualifier="approx", measure="killed", subject="żołnierz", place="Kursk Oblast",
               source="zachodnie źródła", source_kind="unnamed", reference_time="2025-01-15",
               published="2025-01-20", outlet="Kurier Poranny"),
        _claim("wrzesien", "Według południowokoreańskiego wywiadu NIS w walkach po stronie Rosji poległo "
               "dotąd ok. 2 tys. północnokoreańskich żołnierzy.", "2 tys.", 2000,
               qualifier="approx", measure="killed", subject="żołnierz", source=NIS,
               source_kind="intelligence", reference_time="2025-09-02", published="2025-09-03",
               outlet="Gazeta Wieczorna"),
        # "z nich": the extractor may leave the subject unresolved; the figure still takes it in.
        _claim("listopad", "Jak podają źródła południowokoreańskie, ukraińskie i zachodnie, śmierć "
               "poniosło już ponad 6 tys. z nich.", "6 tys.", 6000,
               qualifier="more_than", measure="killed", subject=None,
               source="źródła południowokoreańskie, ukraińskie i zachodnie", source_kind="unnamed",
               reference_time="2025-11-14", published="2025-11-14", outlet="Dziennik Krajowy"),
        _claim("styczen", "Pjongjang wysłał w ubiegłym roku do Rosji ok. 11 tysięcy żołnierzy.",
               "11 tysięcy", 11000, qualifier="approx", measure="deployed", subject="żołnierz",
               reference_time="2024", published="2025-01-20", outlet="Kurier Poranny"),
        _claim("wrzesien", "Od października 2023 r. na front trafiło co najmniej 13 tys. wojskowych "
               "z Korei Północnej.", "13 tys.", 13000, qualifier="at_least", measure="deployed",
               subject="wojskowy", reference_time="2025-09-03", published="2025-09-03",
               outlet="Gazeta Wieczorna"),
        _claim("listopad", "W zeszłym roku Korea Północna skierowała do obwodu kurskiego ok. 14 tys. "
               "żołnierzy.", "14 tys.", 14000, qualifier="approx", measure="deployed",
               subject="żołnierz", place="Kursk Oblast", reference_time="2024",
               published="2025-11-14", outlet="Dziennik Krajowy"),
        _claim("wrzesien", "NIS informuje, że Pjongjang zamierza wysłać do Rosji kolejne 6 tys. "
               "żołnierzy, głównie saperów i budowlańców.", "6 tys.", 6000,
               qualifier="exact", measure="deployed", subject="żołnierz", source=NIS,
               source_kind="intelligence", modality="planned", reference_time="2025",
               published="2025-09-03", outlet="Gazeta Wieczorna"),
    ]


def _by_id():
    figures = build_figures(north_korea_claims())
    return {figure.id: figure for figure in figures}, figures


def test_one_killed_figure_in_time_order_with_its_sources():
    figures, _ = _by_id()
    killed = figures["killed:north-korea:soldiers"]
    assert [c.value for c in killed.claims] == [1000, 2000, 6000]
    assert [c.reference_time for c in killed.claims] == ["2025-01-15", "2025-09-02", "2025-11-14"]
    assert [s.source for s in killed.series] == [
        "zachodnie źródła", NIS, "źródła południowokoreańskie, ukraińskie i zachodnie"]
    assert killed.place == "Kursk Oblast"  # named once, absent elsewhere: one figure
    assert killed.latest[NIS].value == 2000


def test_killed_summary_is_the_latest_estimate_with_its_rule():
    figures, _ = _by_id()
    summary = figures["killed:north-korea:soldiers"].summary
    assert (summary.low, summary.best, summary.high) == (6000, 6000, None)
    assert summary.as_of == "2025-11-14"
    assert "over 6,000" in summary.rule and "latest of 3 source(s)" in summary.rule


def test_deployed_figure_holds_11k_13k_14k_and_the_plan():
    figures, all_figures = _by_id()
    deployed = figures["deployed:north-korea:soldiers"]
    assert sorted(c.value for c in deployed.claims if c.modality == "asserted") == [11000, 13000, 14000]
    planned = [c for c in deployed.claims if c.modality == "planned"]
    assert [(c.value, c.source) for c in planned] == [(6000, NIS)]
    assert len(all_figures) == 2
    # The plan is not an estimate: NIS has no latest estimate in this figure.
    assert NIS not in deployed.latest


def test_eleven_versus_fourteen_thousand_is_the_only_conflict():
    _, figures = _by_id()
    conflicts = find_conflicts(figures)
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.figure == "deployed:north-korea:soldiers"
    assert conflict.kind == "disjoint"
    assert [c.value for c in conflict.claims] == [11000, 14000]
    assert conflict.reason == ("~11,000 (unattributed, 2024) vs ~14,000 (unattributed, 2024): "
                               "intervals 10,500–11,500 and 13,500–14,500 do not overlap")


def test_the_planned_6000_is_in_no_conflict():
    _, figures = _by_id()
    for conflict in find_conflicts(figures):
        assert all(c.modality != "planned" for c in conflict.claims)


def test_json_shapes():
    _, figures = _by_id()
    records = json.loads(json.dumps([f.to_dict() for f in figures], ensure_ascii=False))
    killed = next(r for r in records if r["id"] == "killed:north-korea:soldiers")
    assert {"id", "measure", "actor", "subject", "place", "summary", "claims"} <= set(killed)
    assert killed["subject"] == "soldiers" and killed["actor"] == NK
    assert killed["claims"][0]["span"] == list(north_korea_claims()[0].span)
    assert Claim.from_dict(killed["claims"][1]) == north_korea_claims()[1]
    assert killed["summary"]["rule"]
    assert [s["claims"] for s in killed["series"]] == [[0], [1], [2]]
    conflict = json.loads(json.dumps([c.to_dict() for c in find_conflicts(figures)], ensure_ascii=False))[0]
    assert set(conflict) >= {"figure", "claims", "reason"}
    assert [c["value"] for c in conflict["claims"]] == [11000, 14000]
