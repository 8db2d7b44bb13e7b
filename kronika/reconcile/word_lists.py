"""The one-lemma-a-line data files of kronika/lang/<lang>/reconcile/ (citizens.txt, demonyms.txt,
purpose_not.txt, ticket_cues.txt...), read once each."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=16)
def lemma_list(name: str, lang: str) -> frozenset[str]:
    """A data file of kronika/lang/<lang>/reconcile/ with one lemma a line, case-folded."""
    path = resources.files("kronika") / "lang" / lang / "reconcile" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))
