"""The time layer scored on the KPWr TIMEX3 tune set must not fall below the recorded floors."""
from __future__ import annotations

import json
from pathlib import Path

from kronika.timex import find_times
from kronika.timex.score import read_documents, score

FLOORS = json.loads((Path(__file__).parent / "floors" / "timex.json").read_text(encoding="utf-8"))


def test_tune_set_meets_floors(shared_dir: Path) -> None:
    counts = score(read_documents(shared_dir / "benchmarks" / "timex-kpwr" / "tune.jsonl"), find_times)
    assert counts.gold > 100
    assert counts.strict_prf[2] >= FLOORS["strict_f1"]
    assert counts.relaxed_prf[2] >= FLOORS["relaxed_f1"]
    assert counts.value_accuracy >= FLOORS["value_accuracy"]
