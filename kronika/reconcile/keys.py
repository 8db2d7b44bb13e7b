"""Figure keys: which claims track one quantity, and the stable id of each figure.

A figure is keyed on (measure, actor, subject kind, place). Measure and actor must match exactly.
Subject kind and place are often left unsaid ("ok. 2 tys. z nich zginęło"; "w Rosji" or nothing), so
for these two a missing value refines nothing:

1. Subject kind, within one (measure, actor): a claim without a kind joins the one kind the others
   name; when they name several, the one its own article names; else it goes to a figure of kind
   `unspecified`.
2. Place, within one (measure, actor, kind): when the claims name at most one place, they all form one
   figure (placeless claims included) and the figure carries that place. When they name several
   places, each place gets its own figure and the placeless claims keep a figure of their own (the
   figure "as a whole", place unknown); claims of different places are never compared. A placeless
   claim whose own article names another locality (a city, a region) than the one place is not that
   place's either: it keeps the figure as a whole. A country
   that holds another named place (Russia beside Kursk Oblast) counts as no place when the figure's
   actor is of another country (North Korea's soldiers); when the country is the figure's own (no
   actor, or the actor is it), the country is the whole, the placeless claims join it, and the place
   within it (Andalusia in Spain) is a figure of its own.

The rule is order-independent: it depends on the set of claims, not on the order they arrive in.

Ids are `measure:actor:kind` slugs (`killed:north-korea:soldiers`), with `:place` appended only for
figures split by place (`killed:north-korea:soldiers:kursk-oblast`). The id of a figure therefore
stays the same as claims arrive, except that claims of one place move to a place id once a second
place is named. Slugs that would collide get a short hash of the exact key.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache

from kronika.assemble.canonical import HOME_COUNTRY
from kronika.assemble.roles import admin_unit_nouns
from kronika.claim import Claim
from kronika.entities import entity_info, find_entities
from kronika.reconcile.context import BREAKDOWN_SHARE
from kronika.reconcile.subject_kinds import GENERIC_KIND, subject_kind
from kronika.reconcile.word_lists import lemma_list

UNSPECIFIED_SUBJECT = "unspecified"
NO_ACTOR_SLUG = "no-actor"
_NON_SLUG = re.compile(r"[^a-z0-9]+")
# Letters that NFKD does not take apart.
_TRANSLITERATE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D"})


@dataclass(frozen=True, slots=True)
class FigureKey:
    measure: str
    actor: str | None
    subject: str
    place: str | None
    split_by_place: bool  # several places are named: the place is part of the id
    story: str | None = None  # the story an incident figure belongs to; None for running totals
    part_of: FigureKey | None = None  # a part's whole
    locus: str | None = None  # what the part is (`nysa`, `children`)
    period: str | None = None  # the month, week or year an incident count is of (`2024-08`), when stated
    # Keys are dictionary keys many times over (one per claim, nested in parts): hash the fields once.
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.place is None and self.split_by_place:
            object.__setattr__(self, "split_by_place", False)  # no place, nothing to split by: one figure
        object.__setattr__(self, "_hash", hash((self.measure, self.actor, self.subject, self.place,
                                                self.split_by_place, self.story, self.part_of, self.locus,
                                                self.period)))

    def __hash__(self) -> int:
        return self._hash

    def base_id(self) -> str:
        if self.part_of is not None:
            return f"{self.part_of.base_id()}>{slug(self.locus) or 'part'}"
        parts = [slug(self.measure), slug(self.actor) or NO_ACTOR_SLUG, slug(self.subject)]
        if self.split_by_place and self.place:
            parts.append(slug(self.place))
        if self.period:
            parts.append(slug(self.period))
        figure = ":".join(parts)
        return f"{slug(self.story.removeprefix('story:'))}/{figure}" if self.story else figure

    @property
    def scope(self) -> str:
        return "incident" if self.story else "running"


@lru_cache(maxsize=1 << 18)  # actors, kinds, places and stories repeat over a ledger's figures
def slug(text: str | None) -> str:
    """`North Korea` -> `north-korea`; `soldiers (%)` -> `soldiers-pct`; `Łódź` -> `lodz`."""
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE).replace("%", " pct "))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_SLUG.sub("-", ascii_text).strip("-")


def country_of(place: str) -> str | None:
    info = entity_info(place)
    return info.get("country") if info else None


def _country_here(place: str, home: StoryHome | None) -> str | None:
    """The place's country; a unit the gazetteer does not know (`dystrykt Kasese`, `prefektura Akita`) is
    in the story's clear home country."""
    if (found := country_of(place)) is not None or home is None or not home.clear or entity_info(place):
        return found
    return home.country if place.split(" ", 1)[0].casefold() in admin_unit_nouns() else None


@lru_cache(maxsize=1 << 14)
def source_country(source: str | None, lang: str = "pl") -> str | None:
    """The country a source phrase names or belongs to (`Czeskie służby` -> Czechia, `MON` -> Poland)."""
    if not source:
        return None
    mentions = find_entities(source)
    for mention in mentions:  # a state named outright first: `MON Armenii` is Armenia's, not the Polish MON
        if mention.kind == "country":
            return mention.canonical
    for mention in mentions:
        info = entity_info(mention.canonical)
        if info and info.get("country"):
            return str(info["country"])
    return None


def _at_home(source: str | None, actor: str, lang: str) -> bool:
    """The source is of no country, or of the actor's own."""
    home = source_country(source, lang)
    return home is None or home == actor or country_of(actor) == home


# Measures whose actor is who gives or sends, wherever the story happens: Polish firefighters in Canada.
_GIVERS_MEASURES = frozenset({"supplied", "deployed"})


@dataclass(frozen=True)
class StoryHome:
    """The country a story happens in, as its claims name it (identity.py), and whether it is named far
    more often than any other (clear)."""

    country: str
    clear: bool


def _abroad(place: str, home: str) -> bool:
    """The place is in another country than the story's home."""
    info = entity_info(place)
    country = place if info and info.get("kind") == "country" else (info or {}).get("country")
    return bool(country) and country != home


def _of_home(actor: str, home: str | None, measure: str) -> bool:
    """The story has no home country, the actor is no country, or it is the home country or of it (a
    giver's measure may be any country's)."""
    if home is None or actor == home or measure in _GIVERS_MEASURES:
        return True
    info = entity_info(actor)
    return not info or info.get("kind") != "country" and country_of(actor) in (None, home)


def _placed_abroad(place: str | None, actor: str) -> bool:
    """The claim names a country other than the actor's as its place (`w Portugalii`, `w prowincji
    Izmir` in a story whose counts are Spain's or Poland's): a toll counted there is that country's,
    not the actor's."""
    info = entity_info(place) if place else None
    if not info:
        return False
    home = place if info.get("kind") == "country" else info.get("country")
    return bool(home) and home != actor and country_of(actor) != home


# A border is where a country's count is taken (migrants at the Belarusian border), not a part of it.
_EDGE = " border"


def _own_country(actor: str | None, country: str) -> bool:
    """The figure counts the country's own toll: it has no actor, or the actor is that country or of it."""
    return actor is None or actor == country or country_of(actor) == country


def _clean(text: str | None) -> str | None:
    return text.strip() or None if text else None


# Kinds of people an analyst adds up with a bare head count (`osoba`, `ludzie`): among the counts of one
# measure and actor, `people` joins the one such kind the others name (killed soldiers, infections).
PEOPLE_KINDS = frozenset({"soldiers", "civilians", "police officers", "border guards", "children", "women",
                          "medics", "workers", "pensioners", "patients", "infections", "protesters"})
# Children and women are a subset of the people a count of people counts: among counts of no measure
# (`z 47 zatrzymanych 12 to nieletni`) always, in a toll when they are at most half of its people
# (`wśród zabitych jest dwoje dzieci` of `zginęło 10 osób`); an epidemic's 18 dead children and the
# `16 osób` another source counts are one toll.
SUBSET_KINDS = frozenset({"children", "women"})


GENERIC_RATIO = 10


def _generic_kinds_joined(bases: Sequence[tuple[str, str | None, str | None]],
                          kinds: Sequence[str | None], values: Sequence[float]) -> list[str | None]:
    """A count of `osób` joins the one kind of people its story's counts of its measure name (`zginęło 12
    żołnierzy`, `12 osób`), except a subset kind well below it (SUBSET_KINDS). A detail narrows both
    alike: `pod ziemią jest 37 ludzi` joins `uwięzionych 34 górników` (people and workers, trapped)."""
    Base = tuple[tuple[str, str | None, str | None], str]
    specific: dict[Base, set[str]] = defaultdict(set)
    largest: dict[Base, float] = defaultdict(float)
    smallest: dict[Base, float] = {}
    smallest_generic: dict[Base, float] = {}
    heads: list[tuple[Base, str | None]] = []
    for base, kind, value in zip(bases, kinds, values, strict=True):
        head, detail = _head_and_detail(kind)
        narrowed = (base, detail)
        heads.append((narrowed, head))
        if head in PEOPLE_KINDS:
            specific[narrowed].add(head)
            largest[narrowed] = max(largest[narrowed], value)
            smallest[narrowed] = min(smallest.get(narrowed, value), value)
        elif head == GENERIC_KIND:
            smallest_generic[narrowed] = min(smallest_generic.get(narrowed, value), value)
    joined: dict[Base, str] = {}
    for narrowed, named in specific.items():
        only = next(iter(named))
        subset = only in SUBSET_KINDS and (narrowed[0][0] == "other" or largest[narrowed] <= BREAKDOWN_SHARE
                                           * smallest_generic.get(narrowed, 0.0))
        if len(named) == 1 and not subset:
            joined[narrowed] = only

    def fits(narrowed: Base, value: float) -> bool:
        # `52 tys. osób` at a concert is not of the `600 pracowników ochrony` counted there: a count of people
        # joins the named kind only within an order of magnitude of the kind's own counts
        return smallest[narrowed] / GENERIC_RATIO <= value <= largest[narrowed] * GENERIC_RATIO

    return [joined[narrowed] + narrowed[1] if head == GENERIC_KIND and narrowed in joined and fits(narrowed, value)
            else kind for (narrowed, head), kind, value in zip(heads, kinds, values, strict=True)]


def _head_and_detail(kind: str | None) -> tuple[str | None, str]:
    """`people (trapped)` -> (`people`, ` (trapped)`); a kind with no detail has the detail ``."""
    if kind is None or not kind.endswith(")") or " (" not in kind:
        return kind, ""
    head, _, detail = kind.partition(" (")
    return head, " (" + detail


def _home_nationals(claim: Claim, actor: str, lang: str) -> bool:
    """`czworo obywateli RP`, `sześciu Polaków` among a ferry's passengers: the home country's nationals
    counted within a toll abroad, not whose toll it is; they lend the story no actor."""
    if actor != HOME_COUNTRY.get(lang) or not claim.subject:
        return False
    words = claim.subject.split(":", 1)[0].split()
    if not words:
        return False
    head = words[0].casefold()
    return head in lemma_list("citizens.txt", lang) or head in lemma_list("demonyms.txt", lang)


def assign_keys(claims: Sequence[Claim], lang: str = "pl", kinds: Sequence[str | None] | None = None,
                story: str | None = None, periods: Sequence[str | None] | None = None,
                also_named: Sequence[Claim] = (), sub_areas: Set[tuple[str, str]] = frozenset(),
                home: StoryHome | None = None) -> list[FigureKey]:
    """The figure key of each claim, in the order given (see the module docstring for the rule).
    `kinds` overrides the subject kind of each claim; `story` is recorded in every key; `periods` (the
    period each claim counts, or None) keeps counts of different periods apart, like measure and actor;
    `also_named` are the story's other claims (parts, denials), whose actors a claim may borrow;
    `sub_areas` are (measure, place) that some part counts: such a place is never its figure's whole,
    so its claims keep a figure of their own even when it is the only place named. `home` is the country
    the story's sources and places name most (identity.py), if one does: a count borrows no other
    country as its actor (a side paragraph's `na południu Peru zginęło siedmiu górników` in a Chilean
    mine story), and when the home is clear a place abroad lends placeless counts no place."""
    if periods is None:
        periods = [None] * len(claims)
    if kinds is None:
        kinds = [subject_kind(c.subject, c.unit, lang) for c in claims]
    actors = [_clean(c.actor) for c in claims]
    # `other` holds unlike things (a German budget, Polish pupils): its actor is borrowed per kind
    lenders = [(c.measure, period, kind if c.measure == "other" else None)
               for c, period, kind in zip(claims, periods, kinds, strict=True)]
    named_actors: dict[tuple[str, str | None, str | None], set[str]] = defaultdict(set)
    for claim, actor, lender in zip(claims, actors, lenders, strict=True):
        if actor is not None and not _home_nationals(claim, actor, lang):
            named_actors[lender].add(actor)
    for claim in also_named:  # the story's parts and denials name actors too, though they key apart
        if (actor := _clean(claim.actor)) is not None and not _home_nationals(claim, actor, lang):
            kind = subject_kind(claim.subject, claim.unit, lang) if claim.measure == "other" else None
            named_actors[(claim.measure, None, kind)].add(actor)
    # Within one story, a count that names no actor joins the one actor the story's counts of its
    # measure name (the ministry's `sześć ofiar` of Poland's flood and the police's `siedem`).
    # A source of another country (`czeskie służby` in a Polish flood story) counts its own country's
    # toll: it borrows no actor; nor does a count placed in another country (`w Portugalii`).
    actors = [actor or (only.pop() if len(only := set(named_actors.get(lender, ()))) == 1
                        and _at_home(c.source, next(iter(only)), lang)
                        and _of_home(next(iter(only)), home.country if home else None, c.measure)
                        and not _placed_abroad(_clean(c.place), next(iter(only))) else None)
              for c, actor, lender in zip(claims, actors, lenders, strict=True)]
    bases = [(c.measure, actor, period) for c, actor, period in zip(claims, actors, periods, strict=True)]
    kinds = _generic_kinds_joined(bases, kinds, [c.value for c in claims])

    named_kinds: dict[tuple[str, str | None, str | None], set[str]] = defaultdict(set)
    in_article: dict[tuple[str, str, str | None, str | None], set[str]] = defaultdict(set)
    for claim, base, kind in zip(claims, bases, kinds, strict=True):
        if kind is not None:
            named_kinds[base].add(kind)
            in_article[(claim.article, *base)].add(kind)
    resolved_kinds: list[str] = []
    for claim, base, kind in zip(claims, bases, kinds, strict=True):
        if kind is None:
            candidates = named_kinds.get(base, ())
            if len(candidates) != 1:  # a detail the count does not state does not narrow it
                candidates = {k for k in candidates if not k.endswith(")")} or candidates
            if len(candidates) != 1:  # the story counts several kinds: the one its own article names
                candidates = in_article.get((claim.article, *base), ())
            if len(candidates) == 1:
                kind = next(iter(candidates))
            else:  # a count that names no kind (`liczba zabitych wzrosła do 7`) is of the story's people
                kind = GENERIC_KIND if GENERIC_KIND in named_kinds.get(base, ()) else UNSPECIFIED_SUBJECT
        resolved_kinds.append(kind)

    places = [_clean(c.place) for c in claims]
    named_places: dict[tuple[str, str | None, str | None, str], set[str]] = defaultdict(set)
    for base, kind, place in zip(bases, resolved_kinds, places, strict=True):
        if place is not None:
            named_places[(*base, kind)].add(place)
    # A country that holds another named place says less than it (`w Rosji` beside `w obwodzie
    # kurskim`): it names no place of its own, so its claims join the finer place's figure.
    # But a country that is the figure's own (no actor, or the actor is that country: Spain's heat
    # toll, Romania's cases) is the whole, and a place in it (`w Andaluzji`, `w Bukareszcie`) a part of
    # it: the place keeps a figure of its own and the claims without a place join the country's.
    # A region is a part of its country's count when something says so: a part names it, or its own
    # article gives a larger count of the figure for the country or for no place (`28 w Hiszpanii ...
    # w Andaluzji 11`). Without that, a region and its country are one place (a fire in Attica).
    # group that names a place -> article -> place (or None) -> the largest count
    largest: dict[tuple[str, str | None, str | None, str], dict[str, dict[str | None, float]]] = {}
    for claim, base, kind, place in zip(claims, bases, resolved_kinds, places, strict=True):
        if (group_key := (*base, kind)) in named_places:
            found = largest.setdefault(group_key, {}).setdefault(claim.article, {})
            found[place] = max(found.get(place, claim.value), claim.value)

    def shown_part(group: tuple[str, str | None, str | None, str], region: str, country: str) -> bool:
        if (group[0], region) in sub_areas:
            return True
        return any(region in found and found[region] < max(found.get(country, -1.0), found.get(None, -1.0))
                   for found in largest.get(group, {}).values())

    coarse: dict[tuple[str, str | None, str | None, str], set[str]] = {}
    whole: dict[tuple[str, str | None, str | None, str], str] = {}
    for group, known in named_places.items():
        holders = {p for p in known if any(q != p and _country_here(q, home) == p for q in known)}
        own = {p for p in holders if _own_country(group[1], p)
               and any(q != p and _country_here(q, home) == p and not q.endswith(_EDGE) and shown_part(group, q, p)
                       for q in known)}
        if len(own) == 1 and not (home and home.clear and _abroad(next(iter(own)), home.country)):
            whole[group] = next(iter(own))  # not a country abroad of a story clearly at home (a side story's)
        coarse[group] = holders - own
        known -= coarse[group]
    # A coarse country abroad of the story's home, whose group names one finer place in it (`czeska
    # straż pożarna` counts Czechia's toll beside `nad Morawami` in a Polish story), is that place: a side
    # story's count, not one of the home's placeless ones.
    finer = {(group, p): next(iter(inside)) for group, ps in coarse.items() for p in ps
             if home is not None and _abroad(p, home.country)
             and len(inside := {q for q in named_places[group] if q != p and _country_here(q, home) == p}) == 1}
    places = [finer.get(((*base, kind), place or "")) if place in coarse.get((*base, kind), ())
              else place or whole.get((*base, kind))
              for base, kind, place in zip(bases, resolved_kinds, places, strict=True)]
    # The places each article's claims name: a placeless claim whose own article names another place
    # (the Odesa strike's wounded, in a story whose Kharkiv wounded are placed) is not that place's.
    article_places: dict[str, set[str]] = defaultdict(set)
    for claim, place in zip(claims, places, strict=True):
        if place is not None:
            article_places[claim.article].add(place)
    # Groups of one place where some placeless claim's article names another locality: those claims keep
    # the figure as a whole, so the place's figure is split by place (its id names the place).
    apart: set[int] = set()
    for index, (claim, base, kind, place) in enumerate(zip(claims, bases, resolved_kinds, places, strict=True)):
        known = named_places.get((*base, kind), set())
        if place is None and len(known) == 1 and _elsewhere(article_places.get(claim.article, ()), next(iter(known))):
            apart.add(index)
    split_groups = {(*bases[i], resolved_kinds[i]) for i in apart}
    side = _side_places(claims, bases, resolved_kinds, places, named_places)
    ruling = _ruling_countries(bases, resolved_kinds, places, named_places)
    keys: list[FigureKey] = []
    shared: dict[FigureKey, FigureKey] = {}  # one object per key, not one per claim
    for index, (base, kind, place) in enumerate(zip(bases, resolved_kinds, places, strict=True)):
        group = (*base, kind)
        aside = side.get(group, set())
        known = named_places.get(group, set()) - aside
        if place is not None and place in aside or home and home.clear and known \
                and all(_abroad(p, home.country) for p in known):
            # a side place, or only places abroad of the story's home country (`Na Ukrainie zbiory szacuje
            # się na 22,3 mln ton` in a story of the Polish harvest): the place lends no placeless count
            key = FigureKey(base[0], base[1], kind, place, True, story, period=base[2])
        elif group in split_groups:
            key = FigureKey(base[0], base[1], kind, None if index in apart or not known else next(iter(known)), True,
                            story, period=base[2])
        elif len(known) <= 1 and not any((base[0], p) in sub_areas for p in known) \
                and not (place is None and known and points_to_a_place(claims[index].sentence)):
            key = FigureKey(base[0], base[1], kind, next(iter(known), None), False, story, period=base[2])
        elif place is None and (country := ruling.get(group)) is not None \
                and not (home and home.clear and _abroad(country, home.country)) \
                and not (article_places.get(claims[index].article, set()) & (known - {country})) \
                and not points_to_a_place(claims[index].sentence):
            # `WHO mówi o 61 500 przypadkach` in a story of Yemen's epidemic that also counts Sudan's: the
            # country most of the group's counts name, where its article names no other place of it
            key = FigureKey(base[0], base[1], kind, country, True, story, period=base[2])
        else:
            key = FigureKey(base[0], base[1], kind, place, True, story, period=base[2])
        keys.append(shared.setdefault(key, key))
    return keys


@lru_cache(maxsize=1)
def _anaphoric_place_pattern(lang: str = "pl") -> re.Pattern[str]:
    stems = sorted(lemma_list("anaphoric_places.txt", lang), key=len, reverse=True)
    return re.compile(r"(?<!\w)w (?:tej|tym|tejże|tymże) (?:" + "|".join(re.escape(s) for s in stems) + r")")


def points_to_a_place(sentence: str) -> bool:
    """`w tej muhafazie`, `w tym regionie`: the count is of an area named before, not the country's."""
    return _anaphoric_place_pattern().search(sentence.casefold()) is not None


def _ruling_countries(bases: Sequence[tuple[str, str | None, str | None]], kinds: Sequence[str],
                      places: Sequence[str | None],
                      named_places: Mapping[tuple[str, str | None, str | None, str], set[str]],
                      ) -> dict[tuple[str, str | None, str | None, str], str]:
    """group -> the one country that most of the group's placed counts name (more than all its other
    places together), among several places; a group of localities alone (a flood's towns) has none."""
    counts: dict[tuple[str, str | None, str | None, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for base, kind, place in zip(bases, kinds, places, strict=True):
        if place is not None and len(named_places.get((*base, kind), ())) > 1:
            counts[(*base, kind)][place] += 1
    ruling = {}
    for group, found in counts.items():
        country, most = max(found.items(), key=lambda item: (item[1], item[0]))
        if most * 2 > sum(found.values()) and (entity_info(country) or {}).get("kind") == "country":
            ruling[group] = country
    return ruling


def _local(place: str) -> bool:
    info = entity_info(place)
    return bool(info) and info.get("kind") == "place"  # type: ignore[union-attr]


def _side_places(claims: Sequence[Claim], bases: Sequence[tuple[str, str | None, str | None]],
                 kinds: Sequence[str], places: Sequence[str | None],
                 named_places: Mapping[tuple[str, str | None, str | None, str], set[str]],
                 ) -> dict[tuple[str, str | None, str | None, str], set[str]]:
    """group -> the places it names only in side counts: every article that places a count there gives
    the group's count without a place before it, at another value (`W stolicy zatrzymano 4 osoby` after
    the story's `41 zatrzymanych`, `W Meklemburgii zginęła jedna osoba` after the storm's two dead). A
    side place keeps a figure of its own and lends the story's counts no place, nor splits them from the
    story's own place."""
    members: dict[tuple[str, str | None, str | None, str], list[int]] = defaultdict(list)
    for index, (base, kind) in enumerate(zip(bases, kinds, strict=True)):
        if (group := (*base, kind)) in named_places:
            members[group].append(index)
    found: dict[tuple[str, str | None, str | None, str], set[str]] = {}
    for group, indices in members.items():
        placeless: dict[str, list[tuple[int, float]]] = defaultdict(list)
        # place -> article -> the first offset there, and the values there
        first_at: dict[str, dict[str, int]] = defaultdict(dict)
        values_at: dict[str, dict[str, set[float]]] = defaultdict(lambda: defaultdict(set))
        for i in indices:
            claim, place = claims[i], places[i]
            if place is None:
                placeless[claim.article].append((claim.span[0], claim.value))
            else:
                first_at[place][claim.article] = min(first_at[place].get(claim.article, claim.span[0]), claim.span[0])
                values_at[place][claim.article].add(claim.value)
        aside = {place for place, articles in first_at.items()
                 if all(any(at < first and value not in values_at[place][article]
                            for at, value in placeless.get(article, ()))
                        for article, first in articles.items())}
        if len(first_at) > 1:
            # Beside other places, only a side count abroad is set aside (a storm's dead in Mecklenburg
            # beside Pomerania's): a place in the same country may be a part of the story's own area.
            # And only beside one locality, the story's own: beside a country the side place may be a part.
            rest = [p for p in first_at if p not in aside]
            home = country_of(rest[0]) if len(rest) == 1 else None
            aside = {p for p in aside if country_of(p) not in (None, home)} \
                if home is not None and home != rest[0] else set()
        if aside:
            found[group] = aside
    return found


def _elsewhere(named: Set[str] | tuple[()], place: str) -> bool:
    """`place` is a locality (a city, a region), and the article names another one: a country named
    beside it says too little (a foreign source's toll, a neighbour's border)."""
    return _local(place) and any(other != place and _local(other) for other in named)


def figure_ids(keys: set[FigureKey]) -> dict[FigureKey, str]:
    """A unique, stable id for each key; colliding slugs get a hash of the exact key."""
    by_slug: dict[str, list[FigureKey]] = defaultdict(list)
    for key in keys:
        by_slug[key.base_id()].append(key)
    ids: dict[FigureKey, str] = {}
    for base_id, group in by_slug.items():
        for key in group:
            if len(group) == 1:
                ids[key] = base_id
            else:
                exact = repr((key.measure, key.actor, key.subject, key.place, key.story, key.part_of,
                              key.locus, key.period)).encode("utf-8")
                ids[key] = f"{base_id}~{hashlib.blake2b(exact, digest_size=3).hexdigest()}"
    return ids
