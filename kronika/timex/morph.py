"""morfeusz2, loaded once and asked only about the few words that rules cannot settle from the lexicon."""
from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def analyser() -> Any:
    import morfeusz2  # loaded on first need: most texts never ask

    return morfeusz2.Morfeusz(generate=False)


@lru_cache(maxsize=16384)
def is_place_name(word: str) -> bool:
    """Is some reading of a capitalised word a geographic name (Ukrainy, Krakowa)?"""
    if not word[:1].isupper():
        return False
    return any("nazwa_geograficzna" in names for _s, _e, (_f, _l, _t, names, _q) in analyser().analyse(word))
