"""Places the gazetteer does not list, read from morfeusz2's dictionary: SGJP marks Polish place names
(`Knurów`, `Ostrzeszów`, `Bielszowice`) with the qualifier `nazwa_geograficzna`. A capitalised word in
the locative right after `w`/`we`/`na`/`przy`/`pod`/`koło`/`nad` with such a reading names where a figure
holds (`w Knurowie` -> Knurów). Only those words are looked up, so the cost is a few lookups a sentence."""
from __future__ import annotations

from functools import lru_cache

from kronika.assemble.morph import analyses

TOPONYM = "nazwa_geograficzna"
# Prepositions of place and the case of the place name after each.
PLACE_CASES = {"w": "loc", "we": "loc", "na": "loc", "przy": "loc", "pod": "inst", "nad": "inst", "koło": "gen"}


@lru_cache(maxsize=1 << 14)
def toponym(word: str, case: str) -> str | None:
    """The lemma of a place name `word` can be in `case`, or None (also for a word that is more likely a
    common noun: a reading of a lower-case lemma in that case wins, `Zawada` the surname does not)."""
    if not word[:1].isupper() or len(word) < 3:
        return None
    place = None
    for _, _, (_, lemma, tag, names, _) in analyses(word):  # names: SGJP name classes
        fields = {part for field in tag.split(":") for part in field.split(".")}
        if not tag.startswith("subst") or case not in fields:
            continue
        if TOPONYM in names and place is None:
            place = lemma.split(":", 1)[0]
    return place
