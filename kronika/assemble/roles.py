"""Whose figure it is (the actor: whose soldiers, whose shells) and where (the place).

The actor is looked for in the counted phrase first (`północnokoreańskich żołnierzy`, `żołnierzy z
Korei Północnej`, `Koreańczyków z Północy`), then in the clause's subject (`Korea Północna wysłała`,
`wojska Korei Północnej straciły`), never in a complement after a preposition (`do Rosji`) or a
dative (`dostarczyła Rosji`).
"""
from __future__ import annotations

from kronika.assemble.sentence import Sentence
from kronika.entities import entity_info
from kronika.mentions import EntityMention

ACTOR_KINDS = frozenset({"country", "group"})
PLACE_PREPOSITIONS = frozenset({"w", "we", "na", "do", "pod", "koło", "przy", "nad"})


def _PLACE_ADJECTIVE(word: str) -> bool:  # noqa: N802 - reads as the class of words it tests
    """A lower-case adjective in the locative or accusative between a preposition and a country."""
    return word.islower() and word.endswith(("ej", "ą", "ym", "im"))
PREPOSITIONS = frozenset({
    "w", "we", "na", "do", "z", "ze", "od", "przez", "dla", "przeciwko", "przeciw", "u", "ku", "po", "o",
    "za", "pod", "nad", "przed", "między", "wobec", "dzięki", "bez", "koło", "przy", "wśród", "spośród",
})
NOUN_POS = frozenset({"subst", "ger", "depr"})
# A state's armed forces act for the state; other armed groups (Hamas, Wagner) are actors themselves.
STATE_FORCE_WORDS = frozenset({"Forces", "Army", "Navy", "Guard", "Military"})


def actor_of_entity(entity: EntityMention) -> str | None:
    if entity.kind == "group" and STATE_FORCE_WORDS & set(entity.canonical.split()):
        return _country(entity.canonical) or entity.canonical  # `rosyjskie wojska` fight for Russia
    if entity.kind in ACTOR_KINDS or entity.form == "capital":
        return entity.canonical if entity.kind in ACTOR_KINDS else _country(entity.canonical) or entity.canonical
    if entity.kind in ("government", "intelligence", "organisation"):
        return _country(entity.canonical)
    return None


def _country(canonical: str) -> str | None:
    info = entity_info(canonical)
    return info.get("country") if info else None


def actor_in_phrase(sentence: Sentence, entities: list[EntityMention], first: int, last: int) -> str | None:
    """An actor named inside tokens [first, last) or right after them (`żołnierzy z Korei Północnej`)."""
    tokens = sentence.tokens
    if first >= len(tokens):
        return None
    start = tokens[first].start
    stop_index = min(last + 3, len(tokens))
    end = tokens[stop_index - 1].end if stop_index > 0 else start
    for entity in entities:
        if entity.start >= start and entity.end <= end:
            # Only a genitive or `z X` right after the phrase belongs to it.
            index = sentence.index_at(entity.start)
            if index >= last and not _attached(sentence, last, index):
                continue
            actor = actor_of_entity(entity)
            if actor:
                return actor
    return None


def _attached(sentence: Sentence, last: int, index: int) -> bool:
    between = [t.text.lower() for t in sentence.tokens[last:index]]
    return between in ([], ["z"], ["ze"])


def actor_in_clause(sentence: Sentence, entities: list[EntityMention], number: int,
                    excluded: range, subject_is_actor: bool = True) -> str | None:
    """The clause's subject or possessor before the number: nearest first, nominative before genitive.
    When the verb's subject is the perpetrator (`Hamas przetrzymuje 24 zakładników`), only a possessor
    counts."""
    first, _ = sentence.clause_range(number)
    tokens = sentence.tokens
    genitive: str | None = None
    for entity in sorted(entities, key=lambda e: -e.start):
        index = sentence.index_at(entity.start)
        if not first <= index < number or index in excluded:
            continue
        actor = actor_of_entity(entity)
        if actor is None:
            continue
        before = tokens[index - 1] if index > 0 else None
        if before is not None and before.text.lower() in PREPOSITIONS:
            continue
        readings = tokens[index].readings
        nominative = entity.form == "adjective" or not readings or any(
            r.has("nom") or r.pos in ("ign", "brev") for r in readings
        )
        if nominative and subject_is_actor:
            return actor
        if genitive is None and before is not None and any(r.pos in NOUN_POS for r in before.readings) and any(
            r.has("gen") for r in readings
        ):
            genitive = actor
    return genitive


def place_in_sentence(sentence: Sentence, entities: list[EntityMention], number: int, actor: str | None) -> str | None:
    """The nearest place named in the sentence (`w obwodzie kurskim` -> Kursk Oblast); else a country or
    capital after a preposition of place (`w Libanie`, `na Kijów`) that is not the actor itself."""
    places = [e for e in entities if e.kind == "place"]
    if not places:
        tokens = sentence.tokens
        for entity in entities:
            index = sentence.index_at(entity.start)
            if entity.kind == "country" and index > 0 and (
                tokens[index - 1].text.lower() in PLACE_PREPOSITIONS
                or index > 1 and tokens[index - 2].text.lower() in PLACE_PREPOSITIONS
                and _PLACE_ADJECTIVE(tokens[index - 1].text)  # `w sąsiedniej Syrii`, `w całej Polsce`
            ):
                info = entity_info(entity.canonical) or {}
                name = info.get("capital") if entity.form == "capital" else entity.canonical
                if name and name != actor:
                    places.append(EntityMention(entity.start, entity.end, entity.text, name, "place"))
    if not places:
        return None
    nearest = min(places, key=lambda e: abs(sentence.index_at(e.start) - number))
    return nearest.canonical
