"""kronika evaluate: modality over the figures that carry one, source_id accuracy, and no perfect score
when nothing was read."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronika.claim import Claim
from kronika.cli import main
from kronika.evaluate import EvaluationFailed, evaluate_paths, score

TEXT = "Resort podał, że zginęło 12 osób, a 30 kolejnych może zostać ewakuowanych."


def _claim(start: int, value: float, modality: str, source_id: str | None) -> Claim:
    return Claim(article="a", span=(start, start + len(f"{value:g}")), mention=f"{value:g}", value=value,
                 measure="killed", modality=modality, source="resort", source_id=source_id)


def _gold(cue: str, value: float, modality: str, source_id: list[str] | None) -> dict[str, object]:
    return {"article": "a", "cue": cue, "value": value, "modality": modality, "source_id": source_id}


def test_marked_modality_and_source_id_are_scored_apart() -> None:
    gold = [_gold("12", 12, "asserted", ["Ministerstwo Zdrowia"]), _gold("30", 30, "possible", ["MZ"])]
    claims = [_claim(TEXT.index("12"), 12, "asserted", "Ministerstwo Zdrowia"),
              _claim(TEXT.index("30"), 30, "asserted", None)]
    result = score(claims, gold, {"a": TEXT})
    assert result.accuracy("modality") == 0.5
    assert (result.accuracy("modality_marked"), result.attribute_totals["modality_marked"]) == (0.0, 1)
    assert (result.accuracy("source_id"), result.attribute_totals["source_id"]) == (0.5, 2)
    assert any(line.startswith("modality_marked:") for line in result.errors)
    assert "modality_marked" in " ".join(result.summary_lines()) and "source_id_accuracy" in result.to_dict()


def test_a_gold_alias_counts_for_its_canonical_id_and_null_needs_null() -> None:
    gold = [_gold("12", 12, "asserted", ["resort zdrowia"]), _gold("30", 30, "possible", None)]
    claims = [_claim(TEXT.index("12"), 12, "asserted", "Ministerstwo Zdrowia"),
              _claim(TEXT.index("30"), 30, "possible", "Ministerstwo Zdrowia")]
    result = score(claims, gold, {"a": TEXT})
    assert result.attribute_hits["source_id"] == 1 and result.accuracy("modality_marked") == 1.0


def test_gold_without_source_id_keys_is_not_scored_on_it() -> None:
    gold = [{"article": "a", "cue": "12", "value": 12, "source": ["resort"]}]
    result = score([_claim(TEXT.index("12"), 12, "asserted", None)], gold, {"a": TEXT})
    assert "source_id" not in result.attribute_totals and result.accuracy("source") == 1.0


def _write(tmp_path: Path) -> tuple[Path, Path]:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(TEXT, "utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_gold("12", 12, "asserted", None), ensure_ascii=False) + "\n", "utf-8")
    return articles, gold


def test_nothing_read_is_a_failure_not_a_perfect_score(tmp_path: Path) -> None:
    articles, gold = _write(tmp_path)
    (articles / "a.txt").write_bytes(b"\x00\xff" * 10)
    with pytest.raises(EvaluationFailed, match="nothing to score"):
        evaluate_paths([articles], gold)
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), str(articles)])
    assert result.exit_code == 1
    assert "F1" not in result.stdout and "nothing to score" in result.stderr and "rejected" in result.stderr


def test_articles_read_are_counted(tmp_path: Path) -> None:
    articles, gold = _write(tmp_path)
    result = evaluate_paths([articles], gold)
    assert (result.articles_read, result.articles_wanted) == (1, 1) and result.found == 1
