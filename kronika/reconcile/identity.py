"""Figure identity: which claims count one quantity, and in what role each joins its figure.

A figure is one quantity: measure, what is counted (subject kind), whose (actor), where, and scope.
Claims join a figure only on positive shared identity:

- Incident figures stay inside their story: the story is part of the key, so a missing actor or place
  refines a figure only among claims of one story (kronika.reconcile.keys), never across stories.
- A figure with an actor that any of its claims states as a running total (`od początku wojny`,
  `łącznie`, `since:` reference basis) is that actor's running total: it leaves its story and meets the
  same running total reported in other stories.
- A percentage is keyed by what it is a share of (`inflation`, `turnout`, `votes` plus the person they
  went to), money by what it is for; one that says neither, and an `other` figure with no subject,
  is a figure of its own.
- A part (`w tym 300 dzieci`, `z samej Nysy – blisko tysiąc`) gets a figure of its own that names its
  whole (role `part`), and is never in conflict with the whole.
- A denial joins the figure it denies, in its story (role `denial`).
- `dzień wcześniej`, `przed wojną` move a claim's reference time (a copy of the claim carries it).
- An incident count of a period the text states (a month, a week, a year: `w sierpniu`, `w 2010 r.`)
  is a figure of that period: August's inflation is not September's, and a flood of 1997 quoted in a
  report of 2024 is not the flood of 2024. A day is no period (a toll is updated day by day), nor is a
  running total's `since:` basis, nor the time of a level (troops deployed, people missing), except a
  year its clause names apart from the claim's own time (`w 2010 r.`), or a stretch reaching back
  (`w ciągu ostatnich dziesięciu lat`; period_spans.tsv).
- A count over the calendar up to now (`od początku sezonu`) whose article also counts, less, the same
  quantity without it holds that count: a figure of its own (`_containers`).
"""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from kronika.assemble.canonical import resolve
from kronika.assemble.morph import readings
from kronika.claim import Claim
from kronika.entities import entity_info, find_entities
from kronika.reconcile.context import (
    AREA_UNITS,
    BREAKDOWN_SHARE,
    NEGOTIATED,
    PRICE_RISE,
    ClaimContext,
    article_contexts,
)
from kronika.reconcile.intervals import value_interval
from kronika.reconcile.keys import (
    GENERIC_KIND,
    PEOPLE_KINDS,
    FigureKey,
    StoryHome,
    assign_keys,
    country_of,
    points_to_a_place,
    source_country,
)
from kronika.reconcile.subject_kinds import known_kinds, subject_kind
from kronika.reconcile.timex import parse_timex
from kronika.reconcile.word_lists import lemma_list, word_starts
from kronika.reconcile.wording import source_key

_WHOSE_KINDS = frozenset({"person", "group", "organisation", "government"})
_SHARES_OF_WHOM = frozenset({"votes", "support"})
# Shares that each source measures for itself: two pollsters' support for a candidate are two series of
# readings, never one figure in conflict.
_SHARES_BY_SOURCE = frozenset({"support"})
# Counts that always belong to someone (a party's seats): keyed by the holder the sentence names.
_HELD_KINDS = frozenset({"seats"})


@dataclass(slots=True)
class Membership:
    key: FigureKey
    role: str  # member, part, denial
    claim: Claim  # the claim, or a copy whose reference time the context moved
    whole: int | None = None  # for parts: index of the whole's claim
    running: bool = False


def _shifted(claim: Claim, shift: int | str | None) -> Claim:
    if shift is None or (claim.reference_basis or "") not in ("published", ""):
        return claim  # a time the text states wins over a relative cue
    if shift == "before":
        return dataclasses.replace(claim, reference_time=None, reference_basis="before")
    try:
        day = date.fromisoformat((claim.published or "")[:10])
    except ValueError:
        return claim
    moved = (day + timedelta(days=int(shift))).isoformat()
    return dataclasses.replace(claim, reference_time=moved, reference_basis=f"shifted:{shift:+d}d")


def _counted_since(claim: Claim, context: ClaimContext) -> Claim:
    """A count since a start (`od początku epidemii, ogłoszonej w październiku 2023 r., zachorowało...`)
    holds when it is reported: a time the text names wholly before the report is its start, so a copy
    of the claim holds at publication with basis `since:<start>`, as the claim layer gives `od
    października 2023 r.`. A clause that states the count's end (`do końca czerwca`) keeps its time."""
    if not context.started or claim.reference_basis != "text" or not claim.published:
        return claim
    stated, published = parse_timex(claim.reference_time), parse_timex(claim.published[:10])
    if stated is None or published is None or not stated.before(published):
        return claim
    return dataclasses.replace(claim, reference_time=claim.published[:10],
                               reference_basis=f"since:{claim.reference_time}")


@lru_cache(maxsize=4)
def _office_table(lang: str) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """office_regions.tsv: the office words, and (adjective stem, region) pairs."""
    path = resources.files("kronika") / "lang" / lang / "reconcile" / "office_regions.tsv"
    offices: set[str] = set()
    regions: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        first, second = (part.strip() for part in line.split("\t"))
        if first == "office":
            offices.add(second.casefold())
        else:
            regions.append((first.casefold()[:-1], second))
    return frozenset(offices), tuple(regions)


@lru_cache(maxsize=1 << 12)
def office_region(source: str | None, lang: str = "pl") -> str | None:
    """The region a regional office's adjective names (`wojewoda dolnośląski`, `marszałek województwa
    opolskiego`, `władze obwodu charkowskiego`), or None."""
    if not source:
        return None
    offices, regions = _office_table(lang)
    words = source.casefold().split()
    if not offices.intersection(words):
        return None
    return next((region for word in words for stem, region in regions if word.startswith(stem)), None)


_FACTUAL = frozenset({"asserted", "reported"})


def _regional_places(claims: Sequence[Claim], contexts: Sequence[ClaimContext], whole_of: Mapping[int, int],
                     story_of: Sequence[str | None], lang: str) -> dict[int, str]:
    """A regional office's count for its own region (`wojewoda opolski: na terenie województwa zginęły
    trzy osoby`) is that region's when other claims of its measure in its story name the region: claim
    index -> the region. A story that names no such region keeps the count as it is (the region may be
    the story's whole)."""
    wanted: dict[int, str] = {}
    for i, context in enumerate(contexts):
        if context.own_area and i not in whole_of and (region := office_region(claims[i].source, lang)) \
                and claims[i].place in (None, country_of(region)):
            wanted[i] = region
    if not wanted:
        return {}
    named = {(story_of[i], claim.measure, claim.place) for i, claim in enumerate(claims) if claim.place}
    return {i: region for i, region in wanted.items() if (story_of[i], claims[i].measure, region) in named}


def _regional_parts(claims: Sequence[Claim], contexts: Sequence[ClaimContext], whole_of: Mapping[int, int],
                    by_article: Mapping[str, list[int]], lang: str) -> dict[int, tuple[int, str]]:
    """A regional office's count for its own region (`wojewoda dolnośląski: w regionie zginęły cztery
    osoby`) beside a larger total of its measure in its article (`łącznie ... zginęło 7 osób`) is a part
    of that total, placed in the office's region: claim index -> (the total's index, the region). Without
    such a total the count stays as it is (the region may be the story's whole)."""
    found: dict[int, tuple[int, str]] = {}
    for indices in by_article.values():
        totals = [j for j in indices if contexts[j].running and j not in whole_of
                  and claims[j].modality in _FACTUAL]
        if not totals:
            continue
        for i in indices:
            claim, context = claims[i], contexts[i]
            parted = i in whole_of and whole_of[i] not in totals  # a part of something else than a total
            if not context.own_area or parted or claim.modality not in _FACTUAL or \
                    (region := office_region(claim.source, lang)) is None:
                continue
            country = country_of(region)
            if claim.place not in (None, region, country):  # the claim layer may have carried the country
                continue
            larger = [j for j in totals if claims[j].measure == claim.measure and claims[j].value > claim.value
                      and claims[j].place in (None, country)]
            if larger:
                found[i] = (min(larger, key=lambda j: abs(claims[j].span[0] - claim.span[0])), region)
    return found


def _within_running(claims: Sequence[Claim], adjusted: Sequence[Claim], contexts: Sequence[ClaimContext],
                    kinds: Sequence[str | None], whole_of: Mapping[int, int],
                    by_article: Mapping[str, list[int]]) -> dict[int, str]:
    """In an article that counts a quantity since a start (`od początku roku 19 700 prób`), a count of
    at most half of it of its measure, kind (one the text names), actor and place that names no start nor total (`w
    pierwszym tygodniu ok. 800`, `tydzień wcześniej 1,4 tys.`) counts some stretch within it: a figure of
    its own (claim index -> its period). A close count (`tydzień temu mówiono o 18 900`) is the total
    as reported earlier, and stays with it."""
    found: dict[int, str] = {}
    for indices in by_article.values():
        since = [j for j in indices if j not in whole_of and claims[j].modality in _FACTUAL
                 and (contexts[j].started or (adjusted[j].reference_basis or "").startswith("since:"))]
        for j in since:
            for i in indices:
                claim = claims[i]
                if i in whole_of or i in found or contexts[i].running or claim.modality not in _FACTUAL \
                        or claim.measure != claims[j].measure or kinds[i] is None or kinds[i] != kinds[j] \
                        or claim.place != claims[j].place or claim.actor != claims[j].actor \
                        or claim.unit != claims[j].unit or claim.value > BREAKDOWN_SHARE * claims[j].value:
                    continue
                found[i] = f"within {claim.article}#{claim.span[0]}"
    return found


def _containers(claims: Sequence[Claim], contexts: Sequence[ClaimContext], kinds: Sequence[str | None],
                whole_of: Mapping[int, int], by_article: Mapping[str, list[int]],
                within: Mapping[int, str]) -> dict[int, str]:
    """A count over a stretch of the calendar up to now (`od początku sezonu zginęło już 6 osób`) in an
    article that also counts the same quantity without it, at its time or later, less, yet more than
    half of it (`cztery ofiary` of the avalanche; not a rounding or bound of it, `ponad 2 tys.` of 2150),
    holds that smaller count: the stretch's total, a figure of its own (claim index -> the stretch). A
    count at most half of it is a stretch within a total (`_within_running`), and one of an earlier
    time (`tydzień temu`, `w poniedziałek mówiono o 22`) the total as reported before."""
    found: dict[int, str] = {}
    for indices in by_article.values():
        spans = [j for j in indices if (span := contexts[j].span) is not None and span[0] == "calendar"
                 and j not in whole_of and claims[j].modality in _FACTUAL]
        for j in spans:
            total = claims[j]
            if any(i != j and i not in whole_of and i not in within and _held_by(claims[i], contexts[i], total)
                   and (kinds[i] is None or kinds[j] is None or kinds[i] == kinds[j]) for i in indices):
                found[j] = (contexts[j].span or ("", ""))[1]
    return found


def _held_by(count: Claim, context: ClaimContext, total: Claim) -> bool:
    """`count` is a plain count of `total`'s quantity, at its time or later, that lies wholly below it
    yet above half of it (`_containers`)."""
    return context.span is None and not context.running and context.year is None and context.shift is None \
        and count.modality in _FACTUAL and count.measure == total.measure and count.unit == total.unit \
        and count.actor == total.actor and count.place in (None, total.place) \
        and _when(count) >= _when(total) \
        and BREAKDOWN_SHARE * total.value < count.value and value_interval(count).below(value_interval(total))


def _when(claim: Claim) -> str:
    """The day a claim counts up to: its reference time, else the day it was published."""
    return (claim.reference_time or claim.published or "")[:10]


_ORIGIN = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:z|ze)\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])")


def _of_origin(part: Claim, lang: str) -> bool:
    """A part whose actor is where it comes from (`z czego 149 z Polski`, `Wśród zabitych jest jeden
    Polak`): a subset by origin, whose actor is not the whole's, so the story does not borrow it."""
    at = part.sentence.find(part.mention)
    if at < 0 or not part.actor:
        return False
    if _a_nation(part.subject or "") == part.actor:
        return True  # the nation's people among the counted
    if _subject_listed(part.subject, "citizens.txt", lang):
        return True  # `jedna obywatelka Polski`: a citizen of the actor's country
    after = part.sentence[at + len(part.mention):]
    if (match := _ORIGIN.match(after)) is None:
        return False
    return any(m.start == match.end() and m.canonical == part.actor for m in find_entities(after))


def _place_is_the_parts(part: Claim, whole: Claim) -> bool:
    """A whole and its part of one sentence share a place that is written after the part's number
    (`104 zmarłych, w tym 37 w Andaluzji`): the claim layer gave the part's place to both."""
    if not part.place or part.place != whole.place or part.sentence != whole.sentence:
        return False
    at = part.sentence.find(part.mention)
    return at >= 0 and any(m.canonical == part.place and m.start > at for m in find_entities(part.sentence)) \
        and not any(m.canonical == part.place and m.start < at for m in find_entities(part.sentence))


def _source_homes(claims: Sequence[Claim], story_of: Sequence[str | None],
                  lang: str) -> dict[tuple[str | None, str], str]:
    """(story, canonical source) -> the country its phrase names somewhere in the story: `Portugalska
    DGS` in one report makes `DGS` Portugal's in the others. A source named with two countries has none."""
    homes: dict[tuple[str | None, str], str | None] = {}
    for claim, story in zip(claims, story_of, strict=True):
        if not claim.source or claim.actor or claim.place or _abroad_source(claim.source, lang):
            continue
        if (country := source_country(claim.source, lang)) is not None:
            for source in _source_keys(claim.source_id or claim.source, country, lang):
                key = (story, source)
                homes[key] = country if homes.get(key, country) == country else None
    return {key: country for key, country in homes.items() if country is not None}


def _story_homes(claims: Sequence[Claim], story_of: Sequence[str | None], lang: str) -> dict[str | None, StoryHome]:
    """Story -> the country its claims name most: their places and actors, the places and countries their
    sentences name by name or capital (`w Santiago`, `w Chile`), and the country of each source
    (`chilijskie Ministerstwo Górnictwa`). Each sentence counts once. A home, named more often than all
    other countries together, lends no other country as an actor; a clear one (_CLEAR_HOME_*) also keeps places
    abroad apart (keys.py)."""
    named: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seen: set[tuple[str | None, str]] = set()
    for claim, story in zip(claims, story_of, strict=True):
        if claim.source and not _abroad_source(claim.source, lang) \
                and (country := source_country(claim.source, lang)) is not None:
            named[story][country] += 1
        for name in (claim.place, claim.actor):
            if name and (info := entity_info(name)) \
                    and (country := name if info.get("kind") == "country" else info.get("country")):
                named[story][str(country)] += 1
        if (story, claim.sentence) in seen:
            continue
        seen.add((story, claim.sentence))
        for country in _countries_named(claim.sentence):
            named[story][country] += 1
    homes: dict[str | None, StoryHome] = {}
    for story, counts in named.items():
        country, most = max(counts.items(), key=lambda item: (item[1], item[0]))
        runner_up = max((n for c, n in counts.items() if c != country), default=0)
        if most >= 2 and 2 * most > sum(counts.values()):
            homes[story] = StoryHome(country, most >= _CLEAR_HOME_MIN and most >= _CLEAR_HOME_LEAD * runner_up)
    return homes


# A clear home is named at least this often, and this many times as often as the next country.
_CLEAR_HOME_MIN, _CLEAR_HOME_LEAD = 3, 2


@lru_cache(maxsize=1 << 14)
def _countries_named(sentence: str) -> tuple[str, ...]:
    """The country of each place or country the sentence names by name or capital (not by an adjective or
    a demonym: `polscy turyści` in Budapest say whose, not where)."""
    found = []
    for mention in find_entities(sentence):
        if mention.kind not in ("place", "country") or mention.form not in ("name", "capital"):
            continue
        info = entity_info(mention.canonical) or {}
        country = mention.canonical if mention.kind == "country" else info.get("country")
        if country:
            found.append(str(country))
    return tuple(found)


def _source_keys(source: str, country: str, lang: str) -> tuple[str, ...]:
    """The source's id, and for a body named with its state (`Ministerstwo Zdrowia Indii`: `Ministerstwo
    Zdrowia (India)`) the id its name alone has (`Ministerstwo Zdrowia`), which the story's other reports
    use for that same body."""
    suffix = f" ({country})"
    if not source.endswith(suffix) or not source[:1].isupper():
        return (source,)  # a common noun (`policja (Hungary)`) may be another state's body in the same story
    name = source[:-len(suffix)]
    resolved = resolve(name, lang)
    return (source, resolved.id if resolved is not None else name)


def _abroad_source(source: str, lang: str) -> bool:
    """A foreign ministry, consulate or embassy (abroad_sources.txt): it counts its people abroad."""
    return word_starts("abroad_sources.txt", lang).search(source.casefold()) is not None


def _placed_by_source(claim: Claim, home: str | None, kind: str | None) -> Claim:
    """A toll of people that names neither whose nor where, given by a source of one country
    (`Portugalska DGS mówi o 12 zgonach`, `czeskie służby podały...`), counts that country's toll: a copy
    of the claim carries the country as its place. The source's country is the one its phrase names in
    any report of the story (`_source_homes`). Whose counts (an actor) are never placed so: South Korean
    intelligence counts North Korean dead in Russia; nor are counts of a kind that is no people of the
    source's own (`terroryści`, `bojownicy wroga`)."""
    if claim.place or claim.actor or claim.measure not in _PERSON_MEASURES | {"cases"}:
        return claim
    if points_to_a_place(claim.sentence):
        return claim  # `Według WHO w tej muhafazie zgonów było 149`: an area named before, not the country
    if kind is not None and kind not in _PERSON_KINDS:
        return claim  # `armia twierdzi, że wyeliminowała 17 tys. terrorystów`: the other side's dead
    if home is not None and kind in _MILITARY_KINDS:
        # `MON Armenii: zginęło 29 żołnierzy`: its own army's, unless the sentence names another country's side
        # (`o stronie armeńskiej pisze, że poległo tam 100 żołnierzy`, said by Azerbaijan's ministry)
        if any(m.kind == "country" and m.canonical != home for m in find_entities(claim.sentence)):
            return claim
        return dataclasses.replace(claim, actor=home)
    return claim if home is None else dataclasses.replace(claim, place=home)


# Kinds of people a country's own ministry counts as its side (`MON Armenii poinformowało, że liczba zabitych
# żołnierzy wzrosła do 29`): whose soldiers, not where they fell.
_MILITARY_KINDS = frozenset({"soldiers"})


# Levels at a time rather than counts over a period: troops deployed `pod koniec 2024 r.` are the same
# deployment as troops deployed in January.
STOCK_MEASURES = frozenset({"deployed", "missing"})
_DAY_OR_FINER = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _restated_period(i: int, claims: Sequence[Claim], contexts: Sequence[ClaimContext],
                     restated_of: Mapping[int, int]) -> str | None:
    """The claim's own period, else, for a rival estimate of a count (`Portal podaje jednak 548 tys.
    widzów` after `obejrzało w weekend otwarcia 612 tys. widzów`), the period of the count it restates."""
    own = _period(claims[i], contexts[i])
    if own is not None or (earlier := restated_of.get(i)) is None or contexts[i].running \
            or contexts[earlier].span is None:
        return own  # only a stretch its words name carries (`w weekend otwarcia`), not a date or a year
    return _period(claims[earlier], contexts[earlier])


def _period(claim: Claim, context: ClaimContext) -> str | None:
    """The stated period a claim counts (module docstring), or None."""
    if claim.reference_basis == "before":
        return "before"  # `przed wojną`, `wówczas`: the earlier state, a figure of its own, total or not
    if context.span is not None and context.span[0] == "past":
        return context.span[1]  # `w ciągu ostatnich dziesięciu lat`: a stretch of its own, running or not
    if context.span is not None and context.span[0] == "opening":
        return _OPENING  # `w weekend otwarcia`, `w pierwszej dobie`: the first stretch, whatever its words
    if context.running:
        return None
    if context.span is not None and context.span[0] == "range" and claim.reference_time:
        return f"to {claim.reference_time}"  # `od 8 do 14 stycznia`: those days, named by the last of them
    published_year = (claim.published or "")[:4]
    if context.year and context.year != published_year and not (claim.reference_time or "").startswith(context.year):
        return context.year  # a year the clause names that the claim layer did not take
    when = claim.reference_time
    if claim.measure in STOCK_MEASURES or claim.reference_basis != "text" or not when or _DAY_OR_FINER.match(when):
        return None
    if claim.unit and claim.unit.isupper() and not _YEAR_ONLY.fullmatch(when) and when[:4] == published_year:
        # a sum at a month of the story's year (`w sierpniu wypłacono 17 mln zł`, `na koniec października 232
        # dolary`) is the series' reading then, not a quantity of its own; a month of a past year is a past
        # event's (`w maju 2014 r. straty sięgnęły 2 mld euro`)
        return None
    return when


_YEAR_ONLY = re.compile(r"\d{4}")
_OPENING = "opening"


# Shares of one vote: the turnout and each candidate's votes. Readings more than this many days apart are
# of two votes (a first round and its run-off two weeks later), not one figure over time.
_VOTE_SHARES = ("share of turnout", "share of votes")
VOTE_GAP_DAYS = 5
CITED_DAYS = 31  # how long after a vote an article's own date alone keeps a result of it


def _votes_apart(claims: Sequence[Claim], kinds: Sequence[str | None], indices: list[int]) -> dict[int, str]:
    """Within one story, claim index -> `vote <first day>` for the shares of a vote held on two or more days
    (each run of readings with no gap over VOTE_GAP_DAYS is one vote); nothing where there was one vote."""
    days: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i in indices:
        kind = kinds[i]
        if kind and kind.startswith(_VOTE_SHARES) and (day := _day_of(claims[i])) is not None:
            days[kind].append((day, i))
    found: dict[int, str] = {}
    for readings_of_kind in days.values():
        # Within a day, the readings the text dates first: they say which vote the day's others are of.
        readings_of_kind.sort(key=lambda reading: (reading[0], claims[reading[1]].reference_basis != "text"))
        runs: list[list[tuple[int, int]]] = []
        last_dated = None  # the last day a reading of the current run was dated by its text
        dated_in: set[str] = set()  # the articles that dated a reading of the current run
        for day, i in readings_of_kind:
            dated = claims[i].reference_basis == "text"
            # Only a reading the text dates opens a vote of its own: a result cited a week later, dated by
            # its article alone, is of the vote before it, though not one cited a season later (a
            # vote three years before is another vote, whatever dates this one), nor one of the very
            # article that dated the earlier vote (`W pierwszej turze, dwa tygodnie wcześniej, 67,31 proc.`
            # beside the day's own `Frekwencja sięgnęła 71,63 proc.`).
            gap = day - (last_dated if last_dated is not None else runs[-1][-1][0]) if runs else None
            cited = not dated and gap is not None and gap <= CITED_DAYS and claims[i].article not in dated_in
            if gap is not None and (gap <= VOTE_GAP_DAYS or cited):
                runs[-1].append((day, i))
            else:
                runs.append([(day, i)])
                last_dated = None
                dated_in = set()
            if dated:
                last_dated = day
                dated_in.add(claims[i].article)
        if len(runs) > 1:
            for run in runs:
                label = f"vote {date.fromordinal(run[0][0]).isoformat()}"
                found.update((i, label) for _, i in run)
    return found


def _day_of(claim: Claim) -> int | None:
    """The day a claim holds on (its reference time, else its publication), as an ordinal; None for a claim
    of a month or a year (`w 2020 r. frekwencja wyniosła 64,5 proc.` is of no day of this story)."""
    value = claim.reference_time or claim.published
    if not value or not _DAY_OR_FINER.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _whose(claim: Claim) -> str | None:
    """The person or party a share of votes or support belongs to: the entity nearest the number, else
    the proper name written closest before it (`kandydat KO 31 proc.`, `popierany przez PiS – 29 proc.`)."""
    at = claim.sentence.find(claim.mention)
    best: tuple[int, str] | None = None
    for mention in find_entities(claim.sentence):
        if mention.kind in _WHOSE_KINDS:
            distance = abs(mention.start - at)
            if best is None or distance < best[0]:
                best = (distance, mention.canonical)
    return best[1] if best else _named_before(claim.sentence[:max(at, 0)])


# A run of capitalised words or an acronym (`Koalicji Obywatelskiej`, `PiS`, `KO`), not at the sentence start.
_PROPER_RUN = re.compile(r"(?<=\s)[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż]*(?:-\w+)*(?:\s+[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż]*(?:-\w+)*)*")
_PROPER_START = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż]*(?:-\w+)*(?:\s+[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż]*(?:-\w+)*)*")
_LAST_NUMBER = re.compile(r".*\d")
# A name right after a preposition of place (`w Izbie Poselskiej`) says where, not whose.
_PLACE_BEFORE = re.compile(r"(?<!\w)(?:w|we|na|do)\s+$")
# What joins two numbers of one holder: `34,5 proc. i 80 mandatami`.
_JOINED = re.compile(r"\s*[\w.%]*\s*(?:,|i|oraz|a także)?\s*", re.IGNORECASE)


_VOTES = "votes"
_VOTED = re.compile(r"(?<!\w)(?:za)?głosował\w*|(?<!\w)oddał\w* głos", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()]")  # not a dash: `a Rafał Trzaskowski – 49,11 proc.` is one clause


@lru_cache(maxsize=4096)
def _tells_a_vote(sentence: str) -> bool:
    """The sentence says people voted (`zagłosowało`, `oddało głos`): asked once a sentence."""
    return _VOTED.search(sentence) is not None


def _whose_in_clause(claim: Claim) -> str | None:
    """`_whose` within the count's own clause (`..., na jego rywala 10 237 286`: no one named there)."""
    at = claim.sentence.find(claim.mention)
    if at < 0:
        return None
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(claim.sentence, 0, at)), default=0)
    stop = _CLAUSE_BREAK.search(claim.sentence, at + len(claim.mention))
    clause = claim.sentence[start:stop.start() if stop else len(claim.sentence)]
    return _whose(dataclasses.replace(claim, sentence=clause))


def _named_before(before: str) -> str | None:
    """The proper name nearest before a share, since the number before it, as a key: a multi-word name
    by its initials (`Koalicji Obywatelskiej` and `KO` are one holder), one word by its first letters
    (`Konfederacji` and `Konfederacja` are one)."""
    whole = before
    if (previous := _LAST_NUMBER.match(before)) is not None:
        before = before[previous.end():]
    runs = [run for run in _PROPER_RUN.finditer(before) if not _PLACE_BEFORE.search(before[:run.start()])
            and not _function_word(run.group(0).split()[0])]
    if (opening := _PROPER_START.match(before)) is not None and _unknown_word(opening.group(0).split()[0]):
        runs.insert(0, opening)  # `Tisza otrzymała 38,9 proc.`: a word the dictionary does not know is a name
    if not runs:
        if previous is not None and _JOINED.fullmatch(before):  # `34,5 proc. i 80 mandatami`: one holder
            return _named_before(whole[:whole.rfind(" ", 0, previous.end()) + 1].rstrip())
        named = None
        for named in _holder_nouns().finditer(before):  # noqa: B007 - the nearest one before the number
            pass
        return f"{named.group(1)[:4].casefold()} {named.group(2)[:5].casefold()}" if named else None
    listed = [runs[-1]]
    while len(listed) < len(runs) and _LIST_GAP.fullmatch(before[runs[-len(listed) - 1].end():listed[0].start()]):
        listed.insert(0, runs[-len(listed) - 1])
    names = [run.group(0) for run in listed]
    if len(runs) == len(listed) and (opening := _OPENING_NAME.fullmatch(before[:listed[0].start()])) is not None:
        names.insert(0, opening.group(1))  # `Smer-SD, Hlas-SD i Republika mają razem 82`: the list opens the sentence
    if len(names) > 1:  # `Koalicja Smeru, Hlasu i Republiki miałaby 82 mandaty`: the listed holders together
        keys = [key for name in names if (key := _run_key(name.split())) is not None]
        if len(keys) > 1:
            return "+".join(sorted(keys))
    key = _run_key(runs[-1].group(0).split())
    if key is None:  # `Kandydat Koalicji`: the holder noun alone names no one; the name before it may
        return _named_before(before[:runs[-1].start()] + before[runs[-1].start():].casefold())
    return key


_LIST_GAP = re.compile(r"\s*(?:,|i|oraz|a także)\s*")
_OPENING_NAME = re.compile(r"\W*([A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż]*(?:-\w+)*)\s*(?:,|i|oraz)\s*")


def _run_key(words: list[str]) -> str | None:
    """A holder's name as a key: its acronym (`Ruch ANO`, `ČSÚ ANO`: the one nearest the number), a
    multi-word name by its initials, one word by its first letters."""
    # `Smer-SD` is `Smer`, `PiS-u` is `PiS`: a name's suffix after a hyphen names no other holder
    words = [word.split("-", 1)[0] for word in words]
    while words and words[0].casefold().startswith(_holder_stems()):
        words = words[1:]  # `Kandydat Koalicji Obywatelskiej`: the noun names no one
    if not words:
        return None
    acronyms = [word for word in words if sum(ch.isupper() for ch in word) > 1]
    if acronyms:
        return acronyms[-1]
    if len(words) > 1:
        return "".join(word[0] for word in words).upper()
    word = words[0]
    # the stem, not the ending: `Smeru` and `Smer`, `Lewicy` and `Lewica`, `Konfederacji` and `Konfederacja`
    return word[:max(STEM_LETTERS_MIN, min(STEM_LETTERS, len(word) - 1))].casefold()


STEM_LETTERS, STEM_LETTERS_MIN = 6, 4


_FUNCTION_POS = frozenset({"prep", "conj", "comp", "part", "qub", "interj", "adv"})


def _unknown_word(word: str) -> bool:
    """morfeusz2 knows no reading of the word (`Tisza`, `Fidesz`): at a sentence's start, a name."""
    return all(reading.pos == "ign" for reading in readings(word))


def _function_word(word: str) -> bool:
    """A capitalised word that is only ever a function word (`– Po przeliczeniu głosów`, `Około`), not a
    name's first word; an acronym (`PO`) stays a name."""
    found = {reading.pos for reading in readings(word)}
    return sum(ch.isupper() for ch in word) < 2 and bool(found) and found <= _FUNCTION_POS


@lru_cache(maxsize=1 << 12)
def _names_in(sentence: str) -> frozenset[str]:
    """The words of the names of places and countries a sentence holds, lower case."""
    return frozenset(word.casefold() for m in find_entities(sentence) if m.kind in ("place", "country")
                     for word in m.text.split())


# Measures whose count of a nation's people (`Włochów`, `Polaków`) is of the nation's own people; a
# count of prisoners is not (`6 tys. Rosjan` in Ukrainian hands is not Russia's count of the held).
_NATION_MEASURES = frozenset({"killed", "wounded", "missing", "displaced", "cases"})


@lru_cache(maxsize=1 << 12)
def _a_nation(subject: str) -> str | None:
    """The country whose people a one-word subject names (`Włoch` -> Italy, `Polak` -> Poland), or None."""
    found = find_entities(subject) if subject and " " not in subject.strip() else []
    whole = len(found) == 1 and found[0].kind == "country" and found[0].end - found[0].start == len(subject.strip())
    return found[0].canonical if whole else None


def _in_a_name(subject: str, sentence: str) -> bool:
    """The subject's lemma is a word of a place's name in the sentence (`Krzywy Róg` -> `róg`)."""
    words = subject.casefold().split()
    return len(words) == 1 and words[0] in _names_in(sentence)


@lru_cache(maxsize=1)
def _holder_stems(lang: str = "pl") -> tuple[str, ...]:
    """holder_nouns.txt: word starts of nouns that name a holder by the word after them."""
    path = resources.files("kronika") / "lang" / lang / "reconcile" / "holder_nouns.txt"
    return tuple(line.strip().casefold() for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _holder_nouns() -> re.Pattern[str]:
    """A holder noun and the word after it (`kandydat prawicy`)."""
    stems = "|".join(map(re.escape, _holder_stems()))
    return re.compile(r"(?<!\w)(" + stems + r")\w*\s+([^\W\d_]{3,})", re.IGNORECASE)


_TICKETS = "fines"


# A deployment of a nation's people is its forces: `11 tys. Koreańczyków` in Kursk are North Korea's
# soldiers. Among the dead, the wounded or the missing a nationality is a subset (`zginął jeden Polak`
# of a train crash abroad's five dead), and between two sides (captured, released) it names the other
# side: the nationality stays the claim's kind there.
_OWN_PEOPLE_MEASURES = frozenset({"deployed"})


@lru_cache(maxsize=1 << 14)
def _subject_listed(subject: str | None, name: str, lang: str) -> bool:
    """The subject's lemma is in the data file `name`: not_subjects.txt (`liczba`, `zgon`, `sztuka`: the
    count or its unit) or demonyms.txt (`Koreańczyk`, `Ukrainiec`: a nationality noun)."""
    return bool(subject) and subject.split(":", 1)[0].strip().casefold() in lemma_list(name, lang)  # type: ignore[union-attr]


def _a_verb(lemma: str) -> bool:
    """The subject's lemma is a verb's, as morfeusz2 gives it for a participle standing for a noun
    (`200 porwanych` -> `porwać`, `2,8 mln zamówionych` -> `zamówić`): one word, an infinitive, and no
    noun of that form."""
    if " " in lemma or not lemma.endswith(("ć", "c")):
        return False
    found = readings(lemma)
    return any(r.pos == "inf" for r in found) and not any(r.pos in ("subst", "ger", "depr") for r in found)


_GENITIVE_AFTER = re.compile(r"\s+\w+\s+(\w+)")  # `dwóch członków załogi`: the word after the head


def _member_of(claim: Claim, lang: str) -> str | None:
    """The listed kind of the membership head and the noun after it (`członek załoga`: crew), or None."""
    at = claim.sentence.find(claim.mention)
    found = _GENITIVE_AFTER.match(claim.sentence, at + len(claim.mention)) if at >= 0 else None
    if found is None:
        return None
    lemma = next((r.lemma for r in readings(found.group(1)) if r.pos == "subst" and r.has("gen")), None)
    if lemma is None:
        return None
    kind = subject_kind(f"{claim.subject} {lemma.casefold()}", None, lang)
    return kind if kind in known_kinds(lang) else None


def _kind(claim: Claim, context: ClaimContext, lang: str) -> str | None:
    if claim.unit == "percent" or claim.unit and claim.unit.isupper() or claim.measure == "other":
        unkeyed = f"unkeyed {claim.article}#{claim.span[0]}"  # says too little to meet any other claim
    if claim.unit == "percent":
        if context.share_of:
            # the holder named in the share's own clause, else the one nearest in its sentence (`kandydat
            # popierany przez PiS zdobył 50,89 proc., a Rafał Trzaskowski – 49,11 proc.`)
            whose = (_whose_in_clause(claim) or _whose(claim)) if context.share_of in _SHARES_OF_WHOM else None
            if context.share_of in _SHARES_OF_WHOM and whose is None:
                return unkeyed  # votes of no one named (`z 98,1 proc. komisji`, `1,9 proc. głosów nieważnych`)
            # A forecast is its forecaster's: two banks' forecasts are two quantities, not rival readings.
            details = [f"{d} by {source_key(claim)}" if d in ("forecast", "poll") else d
                       for d in context.share_details]
            if context.share_of in _SHARES_BY_SOURCE and not any(d.startswith(("forecast", "poll")) for d in details):
                details.append(f"poll by {source_key(claim)}")  # a poll is its pollster's reading
            narrowed = f" ({', '.join(details)})" if details else ""
            return f"share of {context.share_of}{narrowed}" + (f" for {whose}" if whose else "")
        return (subject_kind(claim.subject, claim.unit, lang) or unkeyed) if claim.subject else unkeyed
    if claim.unit and claim.unit.isupper():
        if not context.money_for:
            return unkeyed
        narrowed = f" ({', '.join(context.share_details)})" if context.share_details else ""
        return f"money ({claim.unit}) for {context.money_for}{narrowed}"
    if claim.unit in AREA_UNITS:
        # `10 tys. hektarów lasu` and `11,5 tys. hektarów` measure one area; the area sprayed is another
        return f"area ({claim.unit}, {', '.join(context.share_details)})" if context.share_details \
            else f"area ({claim.unit})"
    no_subject = _subject_listed(claim.subject, "not_subjects.txt", lang) or (
        claim.measure in _OWN_PEOPLE_MEASURES and _subject_listed(claim.subject, "demonyms.txt", lang))
    kind = subject_kind(None if no_subject else claim.subject, claim.unit, lang)
    if claim.subject in lemma_list("member_heads.txt", lang) and (group := _member_of(claim, lang)) is not None:
        kind = group  # `dwóch członków załogi`: a crew
    if kind is not None and claim.measure in _PERSON_MEASURES and kind not in known_kinds(lang) and _a_verb(kind):
        kind = GENERIC_KIND  # `287 porwanych` (porwać): a participle of what befell people counts people
    if kind is not None and kind not in known_kinds(lang) and _in_a_name(claim.subject or "", claim.sentence):
        kind = None  # `ofiar ataku na Krzywy Róg wzrosła do 18`: the word is part of a name, not what is counted
    if kind == "infections" and claim.measure == "other" and _in_instances(claim):
        return unkeyed  # `odmówiła w 14 przypadkach`: in 14 instances, no cases of illness
    if kind is None and claim.measure == "other":
        return unkeyed
    if claim.measure == "other" and (kind == _VOTES or kind == GENERIC_KIND and _tells_a_vote(claim.sentence)):
        # `Nawrocki otrzymał 10,6 mln głosów, a Trzaskowski 10,2 mln`, `na jego rywala zagłosowało 10,2 mln
        # osób`: votes are some candidate's, the one named in the count's own clause
        whose = _whose_in_clause(claim)
        if whose:
            return f"{_VOTES} for {whose}"
        if kind == GENERIC_KIND:
            return unkeyed  # people who voted for someone the clause does not name
    if kind in _HELD_KINDS and claim.measure == "other":
        if word_starts("ticket_cues.txt", lang).search(claim.sentence.casefold()):
            return _TICKETS  # `wystawili 41 mandatów za palenie śmieci`: fines, not seats
        # Seats are some party's: ANO's 80 seats and SPD's 15 are two quantities, never rival counts.
        whose = _whose(claim)
        return f"{kind} for {whose}" if whose else unkeyed
    if kind is not None and claim.measure in _PERSON_MEASURES and kind in known_kinds(lang) \
            and kind not in _PERSON_KINDS:
        kind = None  # the dead, the evacuated are people: `z domów` names where from, not who
    if kind is not None and claim.measure in _NATION_MEASURES and kind not in known_kinds(lang) \
            and claim.actor is not None and _a_nation(claim.subject or "") == claim.actor:
        kind = GENERIC_KIND  # `zachorowało 5,6 mln Włochów` (Italy's): the actor's own people
    if claim.measure == "cases" and (kind == GENERIC_KIND or kind == "patients" and not context.share_details):
        # `zachorowało 12 tys. osób`, `24 chorych` count what `12 tys. przypadków` counts (patients held
        # in hospital are a stock of their own)
        kind = "infections"
    # Trapped is said of people, against the rescued; things stuck (`utknęło 600 samochodów`) are the
    # count there is of them (`na autostradzie stoi 750 aut`).
    details = [d for d in context.share_details if d != _TRAPPED or kind is None or not _a_thing(kind)]
    if details:  # a stock held in one kind of place (count_detail.tsv)
        return f"{kind or 'people'} ({', '.join(details)})"
    return kind


_TRAPPED = "trapped"


def assign_figures(claims: Sequence[Claim], stories: Mapping[str, str] | None = None,
                   lang: str = "pl", worked_out: Mapping[str, Sequence[ClaimContext]] | None = None,
                   ) -> list[Membership]:
    """The membership of each claim, in the order given. `stories` maps article -> story; without it
    all claims are taken as one story. `worked_out` maps an article to its claims' contexts (in text
    order) where they were worked out before (an ingest's workers do, as they extract): a context is
    the article's alone, so the same claims have the same contexts; a list of another length is not
    used."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        by_article[claim.article].append(index)
    contexts: list[ClaimContext] = [ClaimContext()] * len(claims)
    for article, indices in by_article.items():
        indices.sort(key=lambda i: claims[i].span)
        given = worked_out.get(article) if worked_out is not None else None
        if given is None or len(given) != len(indices):
            given = article_contexts([claims[i] for i in indices], lang)
        for i, context in zip(indices, given, strict=True):
            contexts[i] = context
    whole_of: dict[int, int] = {}
    for indices in by_article.values():
        for i in indices:
            if (part_of := contexts[i].part_of) is not None:
                whole_of[i] = indices[part_of]
    kinds = [_kind(c, x, lang) for c, x in zip(claims, contexts, strict=True)]
    restated_of = {i: indices[r] for indices in by_article.values() for i in indices
                   if (r := contexts[i].restates) is not None}
    # `susza obejmowała 45 proc. gruntów ornych, dziś już tylko 12 proc.`: a share going on a list counts what
    # the share before it counts (its period is its own: not carried as a restated one's is)
    listed_after = {i: indices[r] for indices in by_article.values() for i in indices
                    if (r := contexts[i].continues) is not None and i not in restated_of}
    for i, earlier in (*restated_of.items(), *listed_after.items()):
        if (kinds[i] or "").startswith("unkeyed ") and not (kinds[earlier] or "unkeyed ").startswith("unkeyed "):
            # `kornik zaatakował 23 proc. świerczyn. Fundacja przekonuje, że chodzi o co najmniej 35 proc.`:
            # a rival estimate that names nothing is of what the estimate it answers counts
            kinds[i] = kinds[earlier]
    story_of = [stories.get(c.article, f"story:{c.article}") if stories is not None else None for c in claims]
    kinds = _bargained_purposes(claims, contexts, kinds, story_of)
    kinds = _bargained_shares(claims, contexts, kinds, story_of, lang)
    plain_kinds, kinds = kinds, _case_statuses(claims, contexts, kinds, story_of)
    for i, whole in list(whole_of.items()):
        if kinds[i] != plain_kinds[i] and kinds[whole] == plain_kinds[whole]:
            # `1,42 mln prawdopodobnych przypadków, z czego 610 tys. potwierdzono`, `zmarło 412 osób, a
            # kolejne 980 zgonów jest wyjaśnianych`: the confirmed and the pending are series of their own
            del whole_of[i]
    if named_again := _named_again(claims, by_article):
        claims = list(claims)
        for i, earlier in named_again.items():
            claims[i] = dataclasses.replace(claims[i], measure=claims[earlier].measure)
            kinds[i] = kinds[earlier]
    kinds = _restated_values(claims, kinds, story_of)
    if same_counts := _restated_counts(claims, kinds, story_of):
        claims = list(claims)
        for i, earlier in same_counts.items():
            claims[i] = dataclasses.replace(claims[i], measure=claims[earlier].measure)
            kinds[i] = kinds[earlier]
    homes = _source_homes(claims, story_of, lang)
    story_homes = _story_homes(claims, story_of, lang)
    adjusted = [_placed_by_source(_counted_since(_shifted(c, x.shift), x),
                                  homes.get((story, c.source_id or c.source or "")), kind)
                for c, x, story, kind in zip(claims, contexts, story_of, kinds, strict=True)]
    for i, whole in whole_of.items():  # `104 zmarłych, w tym 37 w Andaluzji`: the place is the part's
        if _place_is_the_parts(claims[i], claims[whole]):
            adjusted[whole] = dataclasses.replace(adjusted[whole], place=None)
    for i, (whole, region) in _regional_parts(claims, contexts, whole_of, by_article, lang).items():
        whole_of[i] = whole
        adjusted[i] = dataclasses.replace(adjusted[i], place=region)
    for i, region in _regional_places(adjusted, contexts, whole_of, story_of, lang).items():
        adjusted[i] = dataclasses.replace(adjusted[i], place=region)
    claims = [c if c.place == a.place and c.actor == a.actor else dataclasses.replace(c, place=a.place, actor=a.actor)
              for c, a in zip(claims, adjusted, strict=True)]
    # A part that names a place of its own (`z samej Andaluzji`, `w tym 37 w Andaluzji`) counts that
    # place: the place is a sub-area of its story's figure of that measure, never its whole.
    placed_parts = {i for i, whole in whole_of.items()
                    if claims[i].place and claims[i].place != claims[whole].place
                    and kinds[i] in (None, GENERIC_KIND, kinds[whole])}
    sub_areas: dict[str | None, set[tuple[str, str]]] = defaultdict(set)
    for i in placed_parts:
        sub_areas[story_of[i]].add((claims[i].measure, claims[i].place or ""))

    members: dict[str | None, list[int]] = defaultdict(list)
    others: dict[str | None, list[Claim]] = defaultdict(list)
    for i, claim in enumerate(claims):
        if i not in whole_of and claim.modality != "denied":
            members[story_of[i]].append(i)
        elif claim.actor and not ((i in whole_of or claim.modality == "denied") and _of_origin(claim, lang)):
            others[story_of[i]].append(claim)
    within = _within_running(claims, adjusted, contexts, kinds, whole_of, by_article)
    within.update(_containers(claims, contexts, kinds, whole_of, by_article, within))
    keys: list[FigureKey | None] = [None] * len(claims)
    for story, indices in members.items():
        stock_measures = _stock_measures(claims, kinds, indices)
        votes = _votes_apart(adjusted, kinds, indices)
        found = assign_keys([_implied_measure(claims[i], kinds[i], stock_measures) for i in indices], lang,
                            [kinds[i] for i in indices], story,
                            [within.get(i) or votes.get(i) or _restated_period(i, adjusted, contexts, restated_of)
                             for i in indices],
                            others.get(story, ()), sub_areas.get(story, set()), story_homes.get(story))
        for i, key in zip(indices, found, strict=True):
            keys[i] = key
    roles = ["member"] * len(claims)
    figures_of: dict[tuple[str | None, str], _StoryFigures] = {}
    for i, claim in enumerate(claims):
        if claim.modality == "denied" and i not in whole_of:
            found_figures = figures_of.get((story_of[i], claim.measure))
            if found_figures is None:
                found_figures = figures_of[(story_of[i], claim.measure)] = _StoryFigures(
                    claim.measure, claims, keys, members.get(story_of[i], []))
            keys[i] = found_figures.denied(claim, kinds[i] or "", story_of[i])
            roles[i] = "denial"
    for i in sorted(whole_of, key=lambda i: claims[i].span):  # a nested part's whole comes first
        whole = whole_of[i]
        whole_key = keys[whole] or FigureKey(claims[whole].measure, claims[whole].actor, kinds[whole] or "",
                                             claims[whole].place, False, story_of[i])
        if i in placed_parts and whole_key.part_of is None:  # the place's own figure, where it has one
            keys[i] = FigureKey(whole_key.measure, whole_key.actor, whole_key.subject, claims[i].place, True,
                                whole_key.story, period=whole_key.period)
        else:
            # A part at its whole's place, or at none, is placed by its whole: `wśród nich 164 dzieci` after
            # the country's 541 is the same part as another report's 211 children there.
            own_place = claims[i].place or whole_key.place
            keys[i] = FigureKey(claims[i].measure, claims[i].actor, kinds[i] or whole_key.subject, own_place,
                                False, story_of[i], whole_key, _locus(claims[i], contexts[i], kinds[i]))
        roles[i] = "part"
    # A running total leaves its story only under an actor its own claim states, not one it borrowed.
    final = _lift_running_totals(keys, [x if c.actor else dataclasses.replace(x, running=False)
                                        for c, x in zip(claims, contexts, strict=True)])
    return [Membership(final[i], roles[i], adjusted[i], whole_of.get(i), contexts[i].running)
            for i in range(len(claims))]


_CASE_STATUS_DETAILS = {"confirmed": "confirmed", "pending": "under investigation"}


def _case_statuses(claims: Sequence[Claim], contexts: Sequence[ClaimContext], kinds: list[str | None],
                   story_of: Sequence[str | None]) -> list[str | None]:
    """Counts of illness and death narrowed by how far they are established (case_status.tsv): deaths or
    cases still being verified (`980 zgonów jest wyjaśnianych`) are a figure of their own, and so are
    laboratory-confirmed cases (`potwierdzono 610 tys.`) in a story that also counts suspected or probable
    ones (`1,42 mln prawdopodobnych przypadków`). Unmarked counts stay with the suspected ones, the series
    such stories lead with."""
    suspected = {story_of[i] for i, (claim, context) in enumerate(zip(claims, contexts, strict=True))
                 if claim.measure == "cases" and context.case_status == "suspected"}
    found = list(kinds)
    for i, (claim, context) in enumerate(zip(claims, contexts, strict=True)):
        status, kind = context.case_status, kinds[i]
        if status == "confirmed" and (claim.measure != "cases" or story_of[i] not in suspected):
            continue
        if status not in _CASE_STATUS_DETAILS or claim.measure == "other" and kind != "infections":
            continue
        base = kind or GENERIC_KIND
        detail = _CASE_STATUS_DETAILS[status]
        found[i] = f"{base[:-1]}, {detail})" if base.endswith(")") else f"{base} ({detail})"
    return found


def _bargained_purposes(claims: Sequence[Claim], contexts: Sequence[ClaimContext], kinds: list[str | None],
                        story_of: Sequence[str | None]) -> list[str | None]:
    """A sum offered, demanded or agreed that names no purpose (`Zarząd proponuje 500 zł`, `Przestępcy chcą
    5 mln dolarów`) is of the one purpose its story's sums on that side of the bargain name (`podwyżki o
    500 zł`, `okupu`): a bargain is about one thing. Two purposes, or none, leave it unkeyed."""
    purposes: dict[tuple[str | None, str, tuple[str, ...]], set[str]] = defaultdict(set)
    for claim, context, story in zip(claims, contexts, story_of, strict=True):
        if context.money_for and claim.unit and (sides := tuple(d for d in context.share_details if d in NEGOTIATED)):
            purposes[(story, claim.unit, sides)].add(context.money_for)
    if not purposes:
        return kinds
    found = list(kinds)
    for i, (claim, context, story) in enumerate(zip(claims, contexts, story_of, strict=True)):
        if context.money_for is None and context.share_details and claim.unit and claim.unit.isupper() \
                and len(named := purposes.get((story, claim.unit, context.share_details), ())) == 1:
            found[i] = f"money ({claim.unit}) for {next(iter(named))} ({', '.join(context.share_details)})"
    return found


_WAGES = "wages"


def _bargained_shares(claims: Sequence[Claim], contexts: Sequence[ClaimContext], kinds: list[str | None],
                      story_of: Sequence[str | None], lang: str) -> list[str | None]:
    """A rise in per cent demanded, offered or agreed that names no pay (`żądanie podwyżki o 25 proc.`) is of
    the pay its story's bargained shares name (`podniesienia płac o 25 proc.`): in a pay dispute a bare
    rise is a pay rise, not a price rise."""
    disputes = {story for context, story in zip(contexts, story_of, strict=True)
                if context.share_of == _WAGES and NEGOTIATED & set(context.share_details)}
    if not disputes:
        return kinds
    found = list(kinds)
    for i, (claim, context, story) in enumerate(zip(claims, contexts, story_of, strict=True)):
        if story in disputes and context.share_of == PRICE_RISE and NEGOTIATED & set(context.share_details):
            found[i] = _kind(claim, dataclasses.replace(context, share_of=_WAGES), lang)
    return found


# A demonstrative right before a number names a count already given (`Z tych 19 osób sześć...`).
_DEMONSTRATIVE = re.compile(r"(?:^|\s)(?:tych|tymi|ci|te|owych)\s+$", re.IGNORECASE)  # not `w tym`, a part
_NAMED_AGAIN_REACH = 3000  # characters back in the article where the count named again may stand


def _named_again(claims: Sequence[Claim], by_article: Mapping[str, list[int]]) -> dict[int, int]:
    """Claim index -> the earlier claim of its article it names again (`potwierdzono u 19 pacjentów. [...] Z
    tych 19 osób sześć...`): a number after a demonstrative, of no measure of its own, is the last earlier
    count of the same value, and counts what that one counts."""
    found: dict[int, int] = {}
    for indices in by_article.values():
        last_of: dict[float, int] = {}
        for i in indices:  # in text order
            claim = claims[i]
            earlier = last_of.get(claim.value)
            last_of[claim.value] = i
            if claim.measure != "other" or earlier is None or claims[earlier].measure == "other" \
                    or claim.span[0] - claims[earlier].span[1] >= _NAMED_AGAIN_REACH or not claim.sentence:
                continue
            start = claim.sentence.find(claim.mention)
            if start > 0 and _DEMONSTRATIVE.search(claim.sentence[max(0, start - 12):start]):
                found[i] = earlier
    return found


_IN_INSTANCES = re.compile(r"(?:^|\s)w\s+$", re.IGNORECASE)


def _in_instances(claim: Claim) -> bool:
    """`w 14 przypadkach`: the number follows `w`, so it counts the instances of what the sentence says."""
    start = claim.sentence.find(claim.mention) if claim.sentence else -1
    return start > 0 and _IN_INSTANCES.search(claim.sentence[max(0, start - 4):start]) is not None


RESTATED_COUNT_MIN = 10  # smaller counts (`dwóch`, `trzy`) recur in a story without being one quantity


def _restated_counts(claims: Sequence[Claim], kinds: Sequence[str | None],
                     story_of: Sequence[str | None]) -> dict[int, int]:
    """Claim index -> a claim it restates: a head count of no measure and no kind but people (`146 osób`)
    is the count of its story that states the very same value with a measure (`wysłano 146 strażaków`),
    when exactly one measure and kind there does."""
    stated: dict[tuple[str | None, float], dict[tuple[str, str | None], int]] = defaultdict(dict)
    loose: list[int] = []
    for i, (claim, kind, story) in enumerate(zip(claims, kinds, story_of, strict=True)):
        if claim.unit is not None or claim.value < RESTATED_COUNT_MIN or claim.value_max is not None \
                or _one_figure(claim.value):
            continue  # `3 tys.` attempts and `3 tys.` soldiers: a round value recurs by chance
        if claim.measure == "other":
            if kind in (None, GENERIC_KIND) and claim.modality != "denied":
                loose.append(i)
        elif claim.modality != "denied":
            stated[(story, claim.value)].setdefault((claim.measure, kind), i)
    found: dict[int, int] = {}
    for i in loose:
        named = stated.get((story_of[i], claims[i].value), {})
        if len(named) == 1:
            found[i] = next(iter(named.values()))
    return found


def _one_figure(value: float) -> bool:
    """The value has one significant figure (`3 tys.`, `200`)."""
    whole = int(value)
    if whole != value or whole <= 0:
        return False
    while whole % 10 == 0:
        whole //= 10
    return whole < 10


def _restated_values(claims: Sequence[Claim], kinds: list[str | None],
                     story_of: Sequence[str | None]) -> list[str | None]:
    """A sum or a share that says too little to be keyed (`unkeyed`: `Chodzi o 48 mln dolarów`, `36,5 proc.`)
    is the quantity of its story that states the very same value in the same unit, when exactly one kind
    there does (`apel ONZ na 48 mln dolarów`); unkeyed alike, two reports of one value in one story are one
    quantity (money only: shares of one value are many). A value stated for two kinds, or for none, leaves it
    unkeyed, and so does a whole percentage (`o 31 proc.`), too common to say which share it is."""
    stated: dict[tuple[str | None, str, float, float | None], set[str]] = defaultdict(set)
    loose: dict[tuple[str | None, str, float, float | None], list[int]] = defaultdict(list)
    for i, (claim, kind, story) in enumerate(zip(claims, kinds, story_of, strict=True)):
        if not claim.unit or kind is None or claim.unit == "percent" and claim.value == int(claim.value):
            continue  # a whole percentage (`31 proc.`) is too common a value to say which share it is
        value = (story, claim.unit, claim.value, claim.value_max)
        if kind.startswith("unkeyed "):
            loose[value].append(i)
        elif kind.startswith(("money (", "share of ")):
            stated[value].add(kind)
    if not loose:
        return kinds
    found = list(kinds)
    for value, indices in loose.items():
        named = stated.get(value, set())
        if len(named) == 1:
            for i in indices:
                found[i] = next(iter(named))
        elif not named and value[1] != "percent" and len({claims[i].article for i in indices}) > 1:
            for i in indices:
                found[i] = kinds[indices[0]]
    return found


# Kinds that say their measure: infections are cases, whatever verb the text used (`odnotowano 14 tys.
# przypadków` has measure `other`).
_MEASURE_OF_KIND = {"infections": "cases"}


def _stock_measures(claims: Sequence[Claim], kinds: Sequence[str | None], indices: list[int]) -> dict[str, str]:
    """Within one story, a stock narrowed by where it is held (`people (in hospital)`) -> the one measure
    other than `other` its claims state: `18 rannych trafiło do szpitali` and `w szpitalach przebywa
    jeszcze 9 osób` count one stock, whichever verb each used."""
    found: dict[str, set[str]] = defaultdict(set)
    for i in indices:
        kind = kinds[i]
        if kind and (kind.endswith(")") and " (" in kind or kind in _THING_KINDS or _a_thing(kind)
                     or kind.startswith("money (") and " for " in kind) \
                and claims[i].measure != "other":
            found[kind].add(claims[i].measure)
    return {kind: next(iter(measures)) for kind, measures in found.items() if len(measures) == 1}


def _a_thing(kind: str) -> bool:
    """A kind of goods or matter the dictionary names (`litr`, `tonnes`, `kura`), not people, money or shares:
    a story counts it under one event (`wyciekło 200 tys. litrów`, `z zakładu wypłynęło 30 tys. litrów`)."""
    if kind in _THING_KINDS:
        return True
    return kind not in _PERSON_KINDS and not kind.startswith(("money (", "share of ", "unkeyed ", "within ")) \
        and kind not in known_kinds() and not _names_persons(kind)


# Endings of feminine nouns of persons (`pielęgniarka`, `studentka`, `zakładniczka`, `mistrzyni`): morfeusz2
# tags no animacy in the feminine, so a feminine noun with one of these is taken for people, not a thing.
_FEMININE_PERSON_ENDINGS = ("ka", "yni", "ini")


@lru_cache(maxsize=10_000)
def _names_persons(kind: str) -> bool:
    """The kind's head word reads as a noun of persons (`kibic`, `menedżer`, `pielęgniarka`): not a thing."""
    head = kind.split()[0] if kind.split() else ""
    found = readings(head)
    return any(r.has("m1") for r in found) or head.endswith(_FEMININE_PERSON_ENDINGS) and any(
        r.has("f") for r in found)


# Things a story counts under one event (`uszkodzonych 420 dachów`, `zgłoszonych 450 dachów`).
_THING_KINDS = frozenset({"buildings", "roofs", "vehicles", "tonnes", "kilograms"})


def _implied_measure(claim: Claim, kind: str | None, stock_measures: Mapping[str, str] | None = None) -> Claim:
    implied = _MEASURE_OF_KIND.get(kind or "") or (stock_measures or {}).get(kind or "")
    return dataclasses.replace(claim, measure=implied) if implied and claim.measure == "other" else claim


# Measures that befall people only, and the kinds of people (or their households) they can count.
_PERSON_MEASURES = frozenset({"killed", "wounded", "missing", "captured", "released", "displaced"})
_PERSON_KINDS = PEOPLE_KINDS | {GENERIC_KIND, "journalists", "rescuers", "firefighters", "households", "patients",
                                "pensioners", "crew"}


# Parts that say only how they relate to their whole, not what they are: two articles' breakdowns or
# changes of one count are different subsets, never one quantity to compare.
_UNNAMED_LOCI = frozenset({"breakdown", "change"})


def _locus(claim: Claim, context: ClaimContext, kind: str | None) -> str | None:
    locus = context.part_locus or kind
    if locus in _UNNAMED_LOCI:
        return f"{locus} {claim.article}#{claim.span[0]}"
    return locus


DENIAL_RATIO = 10  # a denial joins no figure whose every value is more than this many times its own or less


class _StoryFigures:
    """The figures of one measure in one story, for the denials to find the one they deny: per key, the
    values and actors its claims state (one pass over the story's claims, whatever the denials)."""

    def __init__(self, measure: str, claims: Sequence[Claim], keys: list[FigureKey | None],
                 candidates: list[int]) -> None:
        self.values: dict[FigureKey, set[float]] = {}
        self.actors: dict[FigureKey, set[str | None]] = {}
        self.units: dict[FigureKey, set[str | None]] = {}
        for j in candidates:
            key, other = keys[j], claims[j]
            if key is None or other.measure != measure:
                continue
            self.values.setdefault(key, set()).add(other.value)
            self.actors.setdefault(key, set()).add(other.actor)
            self.units.setdefault(key, set()).add(other.unit)
        self.spans = {key: (min(values), max(values)) for key, values in self.values.items()}  # read per denial

    def denied(self, claim: Claim, kind: str, story: str | None) -> FigureKey:
        """The figure a denial most resembles: same measure, then kind, value, place, actor."""
        best: tuple[int, FigureKey] | None = None
        for key, values in self.values.items():
            # A head count of people (`10 tys. osób`) denies a count of some kind of people, not of things.
            alike = key.subject == kind or (kind in _PERSON_KINDS and key.subject in _PERSON_KINDS)
            if key.subject != kind and claim.value not in values and _specific(kind) and _specific(key.subject):
                continue  # two kinds of their own: `nie 300 dzieci` denies no count of patients
            if claim.unit not in self.units[key]:
                continue  # `zaprzecza, by zapłaciła 5 mln dolarów okupu` denies no head count
            low, high = self.spans[key]
            if claim.value * DENIAL_RATIO < low or claim.value > DENIAL_RATIO * high:
                continue  # `nie 6 punktów` denies no count of 19,6 mln votes: another order of quantity
            score = (2 * (key.subject == kind) + alike + 2 * (claim.value in values) + (key.place == claim.place)
                     + (claim.actor in self.actors[key]))
            if best is None or score > best[0]:
                best = (score, key)
        if best is not None:
            return best[1]
        own = FigureKey(claim.measure, claim.actor, kind, claim.place, False, story)
        if own in self.units and claim.unit not in self.units[own]:
            # a figure of its own, not one of another unit that its key happens to spell (`nie 6 punktów`)
            own = dataclasses.replace(own, subject=f"unkeyed {claim.article}#{claim.span[0]}")
        return own


def _specific(kind: str | None) -> bool:
    """A kind that says what is counted: not a head count of people, nor a sum or thing left unnamed."""
    return kind is not None and kind.split(" (", 1)[0] not in ("", GENERIC_KIND) and not kind.startswith("unkeyed ")


def _lift_running_totals(keys: list[FigureKey | None], contexts: list[ClaimContext]) -> list[FigureKey]:
    running = {key for key, context in zip(keys, contexts, strict=True)
               if key is not None and context.running and key.actor and key.part_of is None}
    lifted: dict[FigureKey, FigureKey] = {}

    def lift(key: FigureKey) -> FigureKey:
        if key in lifted:
            return lifted[key]
        new = key
        if key.part_of is not None:
            new = dataclasses.replace(key, part_of=lift(key.part_of))
        elif key in running:
            new = dataclasses.replace(key, story=None)
        lifted[key] = new
        return new

    return [lift(key) for key in keys if key is not None]
