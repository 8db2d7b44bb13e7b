"""What a claim counts, as a kind: `żołnierz` -> soldiers, `pocisk artyleryjski` -> artillery shells.

The table is language data (kronika/lang/<lang>/subject_kinds.tsv). A subject phrase is looked up
whole, then word by word in order, so the head noun is found whether the adjective comes before or
after it. A subject that is not listed keeps its lemma phrase as its kind, so unknown things are never
lumped with known ones.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources

logger = logging.getLogger(__name__)

# A number in percent or money is not comparable with a head count of the same subject.
_UNIT_SUFFIX = {"percent": " (%)"}


# The kind of a bare head count (`osoba`, `ludzie`): people of no kind named.
GENERIC_KIND = "people"


@lru_cache(maxsize=8)
def load_subject_kinds(lang: str = "pl") -> dict[str, str]:
    """lemma phrase -> kind, from the language pack."""
    path = resources.files("kronika") / "lang" / lang / "subject_kinds.tsv"
    table: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise ValueError(f"{path}:{number}: expected 'lemma<TAB>kind', got {line!r}")
        table[_normalise(parts[0])] = parts[1].strip()
    return table


@lru_cache(maxsize=8)
def known_kinds(lang: str = "pl") -> frozenset[str]:
    """The kinds the table names (`soldiers`, `people`), as against lemma phrases kept as their own kind."""
    return frozenset(load_subject_kinds(lang).values())


def _normalise(phrase: str) -> str:
    # morfeusz2 lemmas may carry a homonym tag (`tysiąc:Sm2`): drop it from every word.
    return " ".join(word.split(":", 1)[0] for word in phrase.casefold().split())


@lru_cache(maxsize=65536)
def _kind_of_phrase(phrase: str, lang: str) -> str:
    table = load_subject_kinds(lang)
    normalised = _normalise(phrase)
    if normalised in table:
        return table[normalised]
    for word in normalised.split():
        if word in table:
            return table[word]
    logger.debug("subject %r is not in the %s subject kinds; it stays its own kind", phrase, lang)
    return normalised


def subject_kind(subject: str | None, unit: str | None = None, lang: str = "pl") -> str | None:
    """The kind a claim counts, or None when neither its subject nor its unit says.

    Percentages get their own kind (`soldiers (%)`), and any amount in a currency is money in that
    currency (`money (USD)`), so shares and amounts in different currencies never meet head counts.
    """
    # A lemma of one or two letters is a preposition or particle the subject finder took, not a thing.
    kind = _kind_of_phrase(subject, lang) if subject and len(subject.strip()) > 2 else None
    if unit in _UNIT_SUFFIX:
        return f"{kind or 'share'}{_UNIT_SUFFIX[unit]}"
    if unit and unit.isupper():  # a currency code
        return f"money ({unit})"
    return kind
