"""The one-lemma-a-line data files of kronika/lang/<lang>/reconcile/ (citizens.txt, demonyms.txt,
purpose_not.txt, ticket_cues.txt...), read once each."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=16)
def lemma_list(name: str, lang: str) -> frozenset[str]:
    """A data file of kronika/lang/<lang>/reconcile/ with one lemma a line, case-folded."""
    path = resources.files("kronika") / "lang" / lang / "reconcile" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=16)
def word_starts(name: str, lang: str) -> re.Pattern[str]:
    """A list of word starts (`lemma_list`) as one pattern: ticket_cues.txt (what makes a count of `mandat`
    a count of tickets), abroad_sources.txt, regional_offices.txt."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(cue) for cue in sorted(lemma_list(name, lang))) + ")")
