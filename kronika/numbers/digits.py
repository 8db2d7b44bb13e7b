"""Numbers written in digits, Polish style: `42 603`, `1 200 000` (space, no-break or thin-space
thousands separators), `1.200` (dot thousands separators), `2,5` (decimal comma).

Runs that look like clock times (`10.30`, `7:15`), dates (`03.09.2025`), scores, version numbers,
English decimals (`1.5`), phone numbers (`22 123 45 67`) or zero-padded identifiers (`0033`) are not
numbers here: the whole run is skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATOR = "[ \\u00a0\\u2009\\u202f]"
# Every digit group joined by one separator character, so that the run is judged as a whole.
_DIGIT_RUN = re.compile(r"\d+(?:(?:[.,:]|" + _SEPARATOR + r")\d+)*")
_POLISH_NUMBER = re.compile(r"\d{1,3}(?:" + _SEPARATOR + r"\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?(?!\d)")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SEPARATORS = re.compile(_SEPARATOR + "|\\.")


@dataclass(slots=True)  # not frozen: made for every candidate number, and a frozen init is slow
class DigitNumber:
    value: float
    end: int
    plain: str | None  # the digits, when written as a bare integer without separators ("2024")


def read_digits(text: str, pos: int) -> tuple[DigitNumber | None, int]:
    """The number written in digits at `pos` and where it ends; (None, end of the run) for a non-number."""
    run_match = _DIGIT_RUN.match(text, pos)
    if run_match is None:
        return None, pos + 1
    run = run_match.group()
    if ":" in run or run.count(",") > 1:
        return None, run_match.end()  # times, scores, English thousands ("1,200,000")
    if "." in run:
        if not _DOT_THOUSANDS.fullmatch(run):
            return None, run_match.end()
        written = run
    else:
        groups = _SEPARATORS.split(run)
        if len(groups) >= 3 and not _POLISH_NUMBER.fullmatch(run) and all(len(g) <= 3 for g in groups):
            return None, run_match.end()  # "22 123 45 67": a phone number, not three numbers
        match = _POLISH_NUMBER.match(run)
        if match is None:  # pragma: no cover - a run starts with a digit, so the second branch matches
            return None, run_match.end()
        written = match.group()  # "2023 200" -> "2023": the longest prefix that is one number
    integer_part = written.split(",")[0]
    if len(integer_part) > 1 and integer_part.startswith("0"):
        return None, run_match.end()
    value = float(_SEPARATORS.sub("", written).replace(",", "."))
    end = pos + len(written)
    return DigitNumber(value, end, written if written.isdigit() else None), end
