"""Entity gazetteer: countries, armed groups, organisations, people and places in news text.

    >>> [m.canonical for m in find_entities("Korea Północna wysłała żołnierzy do obwodu kurskiego.")]
    ['North Korea', 'Kursk Oblast']

Every inflected form is precompiled from human-edited data files by `python -m kronika.entities.build`;
matching is a dictionary lookup, longest match first.
"""
from __future__ import annotations

from typing import Any

from kronika.entities.gazetteer import gazetteer
from kronika.mentions import EntityMention

__all__ = ["entity_info", "find_entities"]

# The last text's mentions: an ingested article is read twice, for its claims (the prepared text) and for
# its story features (kronika.reconcile.stories.article_features, the text as read), and the second
# reading costs nothing when the texts are the same, and only the lines that differ when they differ in a
# few lines (the preparation's blanked headers and credit lines: `Gazetteer.find_like`). One entry only, so
# memory holds one article's mentions at most; the mentions are frozen, and each caller gets its own list.
_LAST: tuple[str, str, list[EntityMention]] | None = None


def find_entities(text: str, lang: str = "pl") -> list[EntityMention]:
    """Countries, groups, organisations, people and places in `text`, in text order, non-overlapping.

    Where forms overlap the longest wins: `Narodowa Służba Wywiadowcza Korei Południowej` is one
    intelligence service, not South Korea inside it.
    """
    global _LAST
    last = _LAST
    if last is not None and last[1] == lang and (last[0] is text or last[0] == text):
        return list(last[2])
    matcher = gazetteer(lang)
    like = matcher.find_like(text, last[0], last[2]) if last is not None and last[1] == lang else None
    mentions = matcher.find(text) if like is None else like
    _LAST = (text, lang, mentions)
    return list(mentions)


def entity_info(canonical: str, lang: str = "pl") -> dict[str, Any] | None:
    """What the gazetteer knows of an entity: canonical, kind, country, role, capital (None if unknown).

    `entity_info("Ukraine")["capital"]` is `"Kyiv"`, and `entity_info("Kyiv")` a place in Ukraine with
    role `capital`: a capital found in text comes back as its country with form `capital`.
    """
    info = gazetteer(lang).entities.get(canonical)
    return dict(info) if info is not None else None
