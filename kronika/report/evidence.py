"""The evidence sentence split around the number, so the template can highlight it (and escape all)."""
from __future__ import annotations

import re
from typing import NamedTuple

from kronika.claim import Claim

_SPACES = re.compile(r"\s+")


class Evidence(NamedTuple):
    before: str
    number: str  # empty when the mention cannot be found in the sentence
    after: str


def _loose_pattern(mention: str) -> re.Pattern[str]:
    # Sentences may be re-spaced (non-breaking spaces in `14 tys.`, line breaks): match any whitespace.
    return re.compile(r"\s+".join(re.escape(part) for part in _SPACES.split(mention.strip())))


def split_evidence(claim: Claim) -> Evidence:
    """The claim's sentence as (before, number, after).

    The claim's span indexes the article, not the sentence (whose own offset the claim does not
    record), so the number is found inside the sentence by its text, first exactly, then with any
    whitespace; when it occurs more than once, the first occurrence is marked.
    """
    sentence, mention = claim.sentence, claim.mention
    if not sentence or not mention or not mention.strip():
        return Evidence(sentence, "", "")
    start = sentence.find(mention)
    if start >= 0:
        return Evidence(sentence[:start], mention, sentence[start + len(mention):])
    found = _loose_pattern(mention).search(sentence)
    if found is None:
        return Evidence(sentence, "", "")
    return Evidence(sentence[:found.start()], found.group(), sentence[found.end():])
