"""Whose figure it is (the actor: whose soldiers, whose shells) and where (the place).

The actor is looked for in the counted phrase first (`północnokoreańskich żołnierzy`, `żołnierzy z
Korei Północnej`, `Koreańczyków z Północy`), then in the clause's subject (`Korea Północna wysłała`,
`wojska Korei Północnej straciły`), never in a complement after a preposition (`do Rosji`) or a
dative (`dostarczyła Rosji`).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from kronika.assemble.canonical import HOME_COUNTRY
from kronika.assemble.lexicon import lexicon
from kronika.assemble.morph import Token
from kronika.assemble.sentence import CLAUSE_OPENERS, HARD_BREAKS, Sentence
from kronika.assemble.subject import possessives, word_list
from kronika.assemble.toponyms import PLACE_CASES, toponym
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


def registered_under(sentence: Sentence, entity: EntityMention) -> bool:
    """A country named right after a noun of flags or registration (flag_nouns.txt: `pod banderą Liberii`):
    the ship's flag, neither an actor nor a place of the sentence's counts."""
    index = sentence.index_at(entity.start)
    if entity.kind != "country" or index == 0:
        return False
    return bool(sentence.tokens[index - 1].lemmas & word_list("flag_nouns.txt", "pl"))


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
                return _listed_actors(sentence, entities, entity, actor)
    return None


_LIST_JOINERS = frozenset({",", "i", "oraz", "lub", "albo"})
_JOINT = ", "


def joint_actor(actor: str | None) -> bool:
    """An actor that is a list of states counted together (`Canada, United States`)."""
    return actor is not None and _JOINT in actor


def _listed_actors(sentence: Sentence, entities: list[EntityMention], entity: EntityMention, actor: str) -> str:
    """`strażaków z Kanady, USA i Francji`: the count is of several states together, no one's alone: its
    actor is the list (`Canada, United States, France`), an actor of its own that borrows no other
    (not `z Korei Północnej`, nor `z Ukrainy i Rosja to potwierdza`: the next name must be listed in the
    same case)."""
    by_start = {other.start: other for other in entities}
    tokens = sentence.tokens
    head = tokens[sentence.index_at(entity.start)]
    listed = [actor]
    while (after := sentence.index_at(entity.end)) + 1 < len(tokens) and tokens[after].text.lower() in _LIST_JOINERS:
        name = after + 2 if tokens[after + 1].text.lower() in ("z", "ze") and after + 2 < len(tokens) else after + 1
        following = by_start.get(tokens[name].start)  # `z Francji oraz ze Stanów Zjednoczonych`
        if following is None or (next_actor := actor_of_entity(following)) is None \
                or not _same_case(head, tokens[name]):
            break
        if next_actor not in listed:
            listed.append(next_actor)
        entity = following
    return _JOINT.join(listed)


_CASES = ("nom", "gen", "dat", "acc", "inst", "loc")


def _same_case(first: Token, second: Token) -> bool:
    """Two names of one list share a case (`z Ukrainy i Rosji`; not `z Ukrainy i Rosja to potwierdza`);
    an unknown or abbreviated name (`USA`) fits any."""
    if not second.readings or any(r.pos in ("ign", "brev") for r in second.readings):
        return True
    cases = {case for r in first.readings for case in _CASES if r.has(case)}
    return not cases or any(r.has(case) for r in second.readings for case in cases)


def _attached(sentence: Sentence, last: int, index: int) -> bool:
    between = [t.text.lower() for t in sentence.tokens[last:index]]
    # `30 zabitych po stronie armeńskiej`: the side a count is on, right after it, is whose it is.
    return between in ([], ["z"], ["ze"], ["po", "stronie"])


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
        if index > 1 and before is not None and before.text.lower() in word_list("spatial_nouns.txt", "pl") \
                and tokens[index - 2].text.lower() in PREPOSITIONS:
            continue  # `w kierunku Ukrainy`, `na terytorium Rosji`: whither or where, not whose
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


def place_in_sentence(sentence: Sentence, entities: list[EntityMention], number: int, actor: str | None,
                      numbers: Sequence[int] = ()) -> str | None:
    """The nearest place named in the sentence (`w obwodzie kurskim` -> Kursk Oblast), or country or capital
    after a preposition of place (`w Libanie`, `na Kijów`) that is not the actor itself. A capital
    in the frame of reported speech about another state's figure (`poinformowała posłów w Seulu, że
    zginęło 300 żołnierzy z Korei Północnej`) is where it was said; a place in the frame is otherwise
    kept, as the speaker's locality is mostly the figure's (`lekarze w Gazie szacują, że ...`). A place
    across a list joiner that stands nearer another of the sentence's numbers (token indices `numbers`) is
    that item's (`21 proc. stacji w kraju, w Normandii 41 proc.`: Normandy is not the 21's)."""
    if _whole_area_after(sentence.tokens, number):
        return None  # `131 zgonów w Karaczi i 198 w całej prowincji`: the whole unit, no place named
    entities = [e for e in entities if not _seat_of_a_province_body(sentence.tokens, sentence.index_at(e.start))]
    named = entities
    if (frame := _frame_end(sentence, number)) and actor:
        entities = [e for e in entities
                    if not _speaks_for_another_state(e, actor) or sentence.index_at(e.start) >= frame]
    places = [e for e in entities if e.kind == "place"]
    # A country after a preposition of place competes with the places by distance (`w Polsce 18, w
    # Wielkopolsce 12`).
    tokens = sentence.tokens
    for entity in entities:
        index = sentence.index_at(entity.start)
        if entity.kind == "country" and index > 0 and (
            tokens[index - 1].text.lower() in PLACE_PREPOSITIONS
            or index > 1 and tokens[index - 2].text.lower() in PLACE_PREPOSITIONS and entity.form != "adjective"
            and (_PLACE_ADJECTIVE(tokens[index - 1].text)  # `w sąsiedniej Syrii`, `w całej Polsce`
                 or entity.form == "capital" and tokens[index - 1].text.lower() in _CITY_PARTS)  # `w centrum Nairobi`
        ) and not _names_an_action(sentence, entity):
            info = entity_info(entity.canonical) or {}
            seat = entity.form == "capital" and _national_body_before(tokens, index - 1)
            if seat and any(t.text in HARD_BREAKS for t in tokens[min(index, number):max(index, number)]):
                continue  # a body's seat says where its own figures hold, not those past a `;` or a dash
            name = info.get("capital") if entity.form == "capital" and not seat else entity.canonical
            if name and name != actor:
                places.append(EntityMention(entity.start, entity.end, entity.text, name, "place"))
        elif entity.kind == "country" and entity.form == "capital" and _listed_after_place(tokens, index) \
                and entity.canonical != actor and not _names_an_action(sentence, entity):
            # `w Lagos i Abudży`: a capital listed after another place counts with it; the two hold in
            # the capital's country
            places.append(EntityMention(entity.start, entity.end, entity.text, entity.canonical, "place"))
    toponym = _toponym_in_sentence(sentence, named, number)
    if toponym is not None and _anothers(tokens, toponym[1], number, numbers):
        toponym = None
    places = [e for e in places if not _anothers(tokens, sentence.index_at(e.start), number, numbers)]
    if not places:
        return toponym[0] if toponym else None
    nearest = min(places, key=lambda e: _remoteness(tokens, sentence.index_at(e.start), number))
    if toponym is not None and _remoteness(tokens, toponym[1], number) \
            < _remoteness(tokens, sentence.index_at(nearest.start), number):
        # `w Warszawie 48 proc., a w Knurowie 57 proc.`: a dictionary place nearer than the gazetteer's
        return toponym[0]
    return nearest.canonical


# `w całej prowincji`, `w całym kraju` right after a number: its item counts a whole unit the list does
# not name, not the place of the item before.
_WHOLE = frozenset({"całej", "całym"})
_WHOLE_UNITS = frozenset({"kraj", "państwo", "region", "prowincja", "województwo", "stan", "powiat", "obwód",
                          "departament", "okręg"})
WHOLE_AREA_REACH = 4  # tokens after the number: `198 zgonów w całej prowincji`


def _whole_area_after(tokens: list[Token], number: int) -> bool:
    """The number is a later item of a list (a joiner just before it) and its item says `w całej
    prowincji`: a unit as a whole, which the item before it does not name."""
    if number == 0 or tokens[number - 1].text.lower() not in _ITEM_JOINERS:
        return False
    for k in range(number + 1, min(len(tokens) - 1, number + WHOLE_AREA_REACH + 1)):
        text = tokens[k].text.lower()
        if text in _ITEM_JOINERS:
            return False
        if text in _WHOLE and tokens[k - 1].text.lower() in ("w", "na") and tokens[k + 1].lemmas & _WHOLE_UNITS:
            return True
    return False


NATIONAL_BODY_REACH = 3  # words of a body's name before `w <capital>`: `Ministerstwo Zdrowia Publicznego`


def _listed_after_place(tokens: list[Token], index: int) -> bool:
    """Token `index` follows a list joiner (`i`, `oraz`, a comma) after a preposition of place and one
    or two words (`w Lagos i Abudży`, `w Kłodzku oraz Opolu`)."""
    if index < 3 or tokens[index - 1].text.lower() not in _LIST_GOES_ON:
        return False
    return any(tokens[k].text.lower() in PLACE_PREPOSITIONS for k in range(max(0, index - 4), index - 2))


SEAT_REACH = 6  # words of a province body's name before `w <town>`: `Komendy Wojewódzkiej Państwowej Straży Pożarnej`


def _seat_of_a_province_body(tokens: list[Token], index: int) -> bool:
    """Token `index` (a town after `w`) is the seat of a province's body named just before it
    (seat_adjectives.txt: `Komenda Wojewódzka PSP w Warszawie`), with no verb between them."""
    if index < 2 or tokens[index - 1].text.lower() not in ("w", "we"):
        return False
    adjectives = word_list("seat_adjectives.txt", "pl")
    for k in range(index - 2, max(-1, index - 2 - SEAT_REACH), -1):
        if tokens[k].lemmas & adjectives:
            return True
        if any(r.pos in ("fin", "praet", "pred") for r in tokens[k].readings) or not tokens[k].text[:1].isalpha():
            return False
    return False


def _national_body_before(tokens: list[Token], preposition: int) -> bool:
    """`Ministerstwo Zdrowia w Sanie`, `władze Huti w Sanie`: a national body (national_bodies.txt) named
    just before the preposition of a capital, which is then its seat, not where the count holds."""
    bodies = word_list("national_bodies.txt", "pl")
    return any(tokens[k].lemmas & bodies for k in range(max(0, preposition - NATIONAL_BODY_REACH), preposition))


def _remoteness(tokens: list[Token], index: int, number: int) -> tuple[bool, int]:
    """How far a place at token `index` is from the number: first whether a list goes on between them
    (`55 proc. w Warszawie i 61 proc. w Krakowie`: Warsaw is the 55's, though as near to the 61), then
    the distance in tokens."""
    return _listed_between(tokens, index, number), abs(index - number)


def _listed_between(tokens: list[Token], index: int, number: int) -> bool:
    """A joiner of list items (`i`, `oraz`, `a`, a comma) stands between token `index` and the number."""
    low, high = sorted((index, number))
    return any(tokens[k].text.lower() in _ITEM_JOINERS and not _in_a_number(tokens, k) for k in range(low + 1, high))


def _in_a_number(tokens: list[Token], k: int) -> bool:
    """Token `k` is the decimal comma of a number (`3,9 tys.`: three tokens written together)."""
    return 0 < k < len(tokens) - 1 and tokens[k].text == "," and tokens[k - 1].end == tokens[k].start \
        and tokens[k + 1].start == tokens[k].end and tokens[k - 1].text[-1:].isdigit() \
        and tokens[k + 1].text[:1].isdigit()


_ITEM_JOINERS = frozenset({"i", "oraz", "a", ",", ";"})


def _anothers(tokens: list[Token], index: int, number: int, numbers: Sequence[int]) -> bool:
    """The place at token `index`, across a list joiner from the number, is nearer another of the
    sentence's numbers on its side: the other item's place (`1460 łóżek, w tym 212 na Mazowszu i 164 na
    Śląsku`: neither is the 1460's). A place before both numbers frames them both (`W stanie São Paulo
    doliczono się 512 tys. zachorowań i 214 zgonów`)."""
    if not _listed_between(tokens, index, number):
        return False
    if index > number:
        return any(other > number and abs(index - other) < abs(index - number) for other in numbers)
    return any(other < index and index - other < number - index for other in numbers)


def _toponym_in_sentence(sentence: Sentence, entities: list[EntityMention], number: int) -> tuple[str, int] | None:
    """The nearest place name of morfeusz2's dictionary after a preposition of place (`w Knurowie`) in
    the number's clause, outside the frame of reported speech and any gazetteer entity, as (the name, its
    token index), or None; a name no list item stands between wins (`_remoteness`). The sentence's
    candidates are found once; each number picks among them."""
    if sentence.toponyms is None:
        _find_toponyms(sentence, entities)
    assert sentence.toponyms is not None and sentence.part_openers is not None
    first, last = sentence.clause_range(number)
    frame = _frame_end(sentence, number)
    ranges = [(max(frame, first), last)]
    if (head := sentence.resumed_range(number)) is not None and head[0] >= frame:
        ranges.append(head)  # `W gminie Kłecko, gdzie ..., głosowało 30 proc.`
    best: tuple[tuple[bool, int], str, int] | None = None
    tokens = sentence.tokens
    for low, high in ranges:
        for index, name in sentence.toponyms[bisect.bisect_left(sentence.toponyms, (low, "")):]:
            if index >= high:
                break
            if index == number or (index > number and _part_between(sentence.part_openers, number, index)):
                continue
            rank = _remoteness(tokens, index, number)
            if best is None or rank < best[0]:
                best = (rank, name, index)
    if best is None and frame < first:
        # `W prowincji Gangwon spadło 52 cm śniegu, a ... zginęły cztery osoby`: the nearest place of an
        # earlier clause, past the frame (one look-up, so a long sentence stays linear)
        at = bisect.bisect_left(sentence.toponyms, (first, "")) - 1
        if at >= 0 and sentence.toponyms[at][0] >= frame:
            index, name = sentence.toponyms[at]
            return name, index
    return (best[1], best[2]) if best else None


def _find_toponyms(sentence: Sentence, entities: list[EntityMention]) -> None:
    tokens = sentence.tokens
    covered = {sentence.index_at(e.start) for e in entities}
    found: list[tuple[int, str]] = []
    openers: list[int] = []
    # `z Nysy ewakuowano 1050 osób`: where people are taken from is where the count holds
    leaving = any(t.lemmas & _LEAVING_VERBS for t in tokens)
    listed: tuple[int, str] | None = None  # the last place found and its case, which a list goes on in
    for index in range(1, len(tokens)):
        previous = tokens[index - 1].text.lower()
        if (previous, tokens[index].text.lower()) in _PART_OPENERS:
            openers.append(index)
        case = PLACE_CASES.get(previous) or ("gen" if leaving and previous in ("z", "ze") else None)
        if case is None and previous in _PLACE_ADJECTIVES and index >= 2:
            case = PLACE_CASES.get(tokens[index - 2].text.lower())  # `w samym powiecie ostrzeszowskim`
        on_list = False
        if case is None and listed is not None and previous in _LIST_GOES_ON and index - listed[0] <= _LIST_ITEM_REACH \
                and tokens[index].text[:1].isupper():
            case, on_list = listed[1], True  # `w Krakowie (120) i Tarnowie (80)`: the list's preposition
        if case is None or index in covered:
            continue
        if (name := _capital(tokens, index, entities)) is not None:
            found.append((index, name))
        elif (name := _admin_unit(tokens, index, case)) is not None:
            found.append((index, name))
        elif (on_list or _lone_name(tokens, index)) and (name := toponym(tokens[index].text, case)) is not None:
            found.append((index, name))
        else:
            continue
        listed = (index, case)
    sentence.toponyms, sentence.part_openers = found, openers


# A list of places goes on past these, in the case of its first place's preposition, a few tokens on
# (`w Krakowie (120), Tarnowie (80) i Nowym Sączu`).
_LIST_GOES_ON = frozenset({"i", "oraz", ","})
_LIST_ITEM_REACH = 6


def _capital(tokens: list, index: int, entities: list[EntityMention]) -> str | None:  # type: ignore[type-arg]
    """`w stolicy Ukrainy` -> Kyiv; `w stolicy` alone, in Polish news, is Warsaw."""
    if "stolica" not in tokens[index].lemmas:
        return None
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if after is not None and after.text[:1].isupper():
        country = next((e.canonical for e in entities if e.start == after.start and e.kind == "country"), None)
        return (entity_info(country) or {}).get("capital") if country else None
    home = HOME_COUNTRY.get("pl")
    return (entity_info(home) or {}).get("capital") if home else None


_LEAVING_VERBS = frozenset({"ewakuować", "wyprowadzić", "wywieźć", "wysiedlić"})
# Parts of a city between a preposition and its name: `w centrum Nairobi`, `na przedmieściach Kijowa`.
_CITY_PARTS = frozenset({"centrum", "przedmieściach", "okolicach", "okolicy", "pobliżu", "śródmieściu", "ulicach",
                         "ulicami"})
_PLACE_ADJECTIVES = frozenset({"samym", "samej", "całym", "całej", "sąsiednim", "sąsiedniej"})


def possessor_actor(sentence: Sentence, entities: list[EntityMention], counted: range, reporter: range) -> str | None:
    """`Ministerstwo Obrony Azerbejdżanu przyznało, że zginęło dziewięciu jego żołnierzy`, `MON Armenii:
    zginęło 15 naszych żołnierzy`: a possessive in the counted phrase makes them the reporting subject's,
    so the state its phrase names (tokens `reporter`) is the actor."""
    tokens = sentence.tokens
    if not any(tokens[k].text.lower() in possessives() for k in counted if k < len(tokens)):
        return None
    # A state named outright before a body's seat (`MON Armenii`: not the Polish ministry the acronym names).
    for entity in sorted(entities, key=lambda e: e.kind not in ACTOR_KINDS):
        if sentence.index_at(entity.start) in reporter and (actor := actor_of_entity(entity)) is not None:
            return actor
    return None


@lru_cache(maxsize=1)
def _many_places() -> re.Pattern[str]:
    phrases = sorted(word_list("many_places.txt", "pl"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")


def names_many_places(text: str) -> bool:
    """The sentence says its figure holds in several places at once (many_places.txt: `w obu krajach`)."""
    return _many_places().search(text.casefold()) is not None


def admin_unit_nouns() -> frozenset[str]:
    """The unit lemmas of admin_units.txt (`dystrykt`, `prefektura`)."""
    return frozenset(_admin_units())


@lru_cache(maxsize=1)
def _admin_units() -> dict[str, str]:
    """admin_units.txt: unit lemma -> what may follow it ("" an adjective or a name, `name` only a
    capitalised name, `facility` a name that is the place itself)."""
    path = resources.files("kronika") / "lang" / "pl" / "claims" / "admin_units.txt"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {row[0].strip(): row[1].strip() if len(row) > 1 else "" for row in rows}


def _admin_unit(tokens: list, index: int, case: str) -> str | None:  # type: ignore[type-arg]
    """`w powiecie ostrzeszowskim` -> `powiat ostrzeszowski`, `w prowincji Balıkesir` -> `prowincja
    Balıkesir`, `w kopalni Bielszowice` -> `Bielszowice`: a unit of admin_units.txt in `case` and the
    adjective or the name after it (a place neither the gazetteer nor the dictionary knows), or None."""
    unit = next((r.lemma for r in tokens[index].readings if r.pos == "subst" and r.has(case, "sg")
                 and r.lemma in _admin_units()), None)
    if unit is None or index + 1 >= len(tokens) or not tokens[index + 1].is_word:
        return None  # `w województwach dolnośląskim i opolskim`: several units are no one place
    if _joins(tokens, index + 2):
        return None  # `w powiecie kłodzkim i nyskim`
    word = tokens[index + 1]
    follows = _admin_units()[unit]
    if word.text[:1].isupper():
        if index + 2 < len(tokens) and tokens[index + 2].text[:1].isupper():
            return None
        if follows == "facility":
            # A mine or a steelworks is named after its place (`kopalnia Pniówek`); an acronym is a company's.
            # `Polkowice-Sieroszowice` stands in Polkowice.
            return None if word.text.isupper() else word.text.split("-")[0]
        return f"{unit} {word.text}"
    if follows:
        return None
    adjective = next((r.lemma for r in word.readings if r.pos == "adj" and r.has(case)), None)
    return f"{unit} {adjective}" if adjective else None


_JOINERS = frozenset({"i", "oraz", "lub", "albo", ","})
# `104 zmarłych, w tym 37 w Andaluzji`: a place after a part's opener is the part's.
_PART_OPENERS = frozenset({("w", "tym"), ("z", "czego"), ("z", "tego")})


def _part_between(openers: list[int], number: int, index: int) -> bool:
    """A part opener (`w tym`) between the number and a place after it."""
    at = bisect.bisect_right(openers, number)
    return at < len(openers) and openers[at] < index


def _lone_name(tokens: list, index: int) -> bool:  # type: ignore[type-arg]
    """`w Knurowie` alone: not the seat of a named body (`Instytutu … w Puławach`), not one of several
    places (`w Kłodzku i Głuchołazach`), not the first word of a longer name (`pod Zieloną Górą`). The
    seat of a named facility that is itself where things happen is the place (`w kopalni ČSM w Karwinie`,
    `w Szpitalu Wojewódzkim w Opolu`)."""
    if index >= 2 and tokens[index - 2].text[:1].isupper() and not _facility_seat(tokens, index - 2):
        return False
    after = tokens[index + 1].text if index + 1 < len(tokens) else ""
    return not after[:1].isupper() and not _joins(tokens, index + 1)


def _joins(tokens: list, index: int) -> bool:  # type: ignore[type-arg]
    """Token `index` joins one more name to a list (`i`, `oraz`, a comma), not a comma that opens a clause
    (`w gminie Kłecko, gdzie ...`)."""
    if index >= len(tokens) or tokens[index].text.lower() not in _JOINERS:
        return False
    if index + 1 < len(tokens) and tokens[index + 1].text[:1].isdigit():
        return False  # `300 osób w Kłodzku i 200 w Nysie`: the next item is a number, not a name
    return tokens[index].text != "," or index + 1 >= len(tokens) or (
        tokens[index + 1].text.lower() not in CLAUSE_OPENERS)


def _facility_seat(tokens: list, last: int) -> bool:  # type: ignore[type-arg]
    """The name ending at `last` stands in a phrase of place: a preposition of place, perhaps a common
    noun (`w kopalni`), then the name (`w kopalni ČSM`, `w Szpitalu Wojewódzkim`), not a source's
    (`według danych Instytutu Weterynarii`)."""
    k = last
    while k > 0 and tokens[k].text[:1].isupper() and tokens[k].text.lower() not in PLACE_CASES and last - k < 4:
        k -= 1
    if k >= 1 and tokens[k].text[:1].islower() and tokens[k].text not in PLACE_CASES:
        k -= 1  # the facility's common noun
    return k >= 0 and tokens[k].text.lower() in PLACE_CASES


def _names_an_action(sentence: Sentence, entity: EntityMention) -> bool:
    """`w izraelskich operacjach`: a country's adjective before a noun of action (event_nouns.txt) says
    whose action it is, not where the figure holds."""
    if entity.form != "adjective":
        return False
    after = sentence.index_at(entity.end)
    return after < len(sentence.tokens) and bool(sentence.tokens[after].lemmas & lexicon().event_nouns)


def _speaks_for_another_state(entity: EntityMention, actor: str) -> bool:
    return entity.kind == "country" and entity.form == "capital" and entity.canonical != actor


def _frame_end(sentence: Sentence, number: int) -> int:
    """Index of the token after the last `, że` / `, iż` before the number: what precedes it is the
    frame of the reported clause the number is in (0 when the number is in no such clause)."""
    at = bisect.bisect_left(sentence.reported_starts, number + 1) - 1
    return sentence.reported_starts[at] if at >= 0 else 0
