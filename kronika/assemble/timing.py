"""When a figure holds: the time expression that scopes it, else the publication date.

`do połowy stycznia ... straciły` holds at its date; `od października 2023 r. ... wysłała` is
cumulative since then, as of publication (reference_basis `since:2023-10`).
"""
from __future__ import annotations

from kronika.assemble.sentence import Sentence
from kronika.mentions import TimeMention

POINT_TYPES = frozenset({"DATE", "TIME"})
OTHER_CLAUSE_PENALTY = 20
ATTRIBUTION_PENALTY = 40


def reference_time(sentence: Sentence, times: list[TimeMention], number: int, published: str | None,
                   attribution_tokens: range | None = None) -> tuple[str | None, str | None]:
    """(reference_time, reference_basis) for the number at token `number`."""
    clause = range(*sentence.clause_range(number))
    best: tuple[int, TimeMention] | None = None
    for mention in times:
        if mention.type not in POINT_TYPES or not mention.value:
            continue
        index = sentence.index_at(mention.start)
        cost = abs(index - number)
        if index not in clause:
            cost += OTHER_CLAUSE_PENALTY
        if attribution_tokens is not None and (index in attribution_tokens or index == attribution_tokens.stop):
            cost += ATTRIBUTION_PENALTY
        if best is None or cost < best[0]:
            best = (cost, mention)
    if best is None:
        return (published, "published") if published else (None, None)
    mention = best[1]
    if mention.attrs.get("anchor") == "since":
        return (published, f"since:{mention.value}") if published else (None, f"since:{mention.value}")
    return mention.value, "text"
