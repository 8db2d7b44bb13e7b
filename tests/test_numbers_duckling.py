"""Duckling's Polish numeral corpus (../shared/benchmarks/numbers-pl-duckling.tsv): every line that is
a cardinal numeral written the Polish way must read, alone, as one number with the full span."""
from __future__ import annotations

from pathlib import Path

from kronika.numbers import find_numbers

# Lines left out, and why. Polish news writes a decimal comma and space-separated thousands, so the
# English formats of Duckling's corpus are not numbers here (a dot between digits is a date or a clock
# time, a comma is a decimal comma).
SKIPPED = {
    "nic": "a pronoun ('nothing'), not a numeral",
    "pojedynczy": "an adjective ('single'), not a numeral",
    "para": "a noun ('pair', also 'steam'), not a numeral",
    "piętnasta": "an ordinal (and a clock time: 'o piętnastej')",
    "jeden": "alone, 'jeden' reads as a pronoun; counts with a noun are in tests/corpus/numbers_pl.tsv",
    "0033": "zero-padded digits are an identifier",
    "1.1": "English decimal point",
    "1.10": "English decimal point (in Polish text a clock time or a date)",
    "01.10": "English decimal point (in Polish text a date)",
    "0.77": "English decimal point",
    ".77": "English decimal point",
    "100,000": "English thousands comma (Polish reads 100,000 as 100)",
    "3,000,000": "English thousands commas",
    "1,200,000": "English thousands commas",
    "100K": "English K suffix",
    "100k": "English k suffix",
    "3M": "English M suffix",
    "3000K": "English K suffix",
    "1.2M": "English M suffix",
    "1200K": "English K suffix",
}


def _examples(shared: Path) -> list[tuple[str, float]]:
    rows = []
    for line in (shared / "benchmarks" / "numbers-pl-duckling.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, value = line.split("\t")
            rows.append((text, float(value)))
    return rows


def test_duckling_numerals(shared_dir: Path) -> None:
    examples = _examples(shared_dir)
    assert set(SKIPPED) <= {text for text, _ in examples}, "a skipped line is no longer in the file"
    failures = []
    checked = 0
    for text, value in examples:
        if text in SKIPPED:
            continue
        checked += 1
        found = [(m.start, m.end, m.value) for m in find_numbers(text)]
        if found != [(0, len(text), value)]:
            failures.append((text, value, found))
    assert not failures
    assert checked >= 35
