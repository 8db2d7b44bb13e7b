"""Stories: articles about one event or ongoing situation (a flood, a war front, an election).

Two articles belong to one story when their wording is alike and they are close in time, or when they
share specific named entities (a town, a person, an armed group; not a country, which many stories
share) and are close in time; within a week, short reports that share two or three names (in any
inflected form: names are compared by their first letters without diacritics) and a little wording.
Stories are the connected groups of such pairs.

Wording is compared as sets of word stems (the first letters of every longer word, a cheap stand-in for
Polish lemmas) through MinHash signatures (datasketch's affine32 values, made without its import by
kronika.scale.minhash). Candidate pairs are blocked, never all pairs: banded LSH over the signatures (48
bands of 2 hash values, bucketed with numpy over all articles at once) and shared specific entities; in
each band bucket and for each entity an article meets only its few nearest predecessors in time, and
candidates further apart in time than any rule allows are dropped before a similarity is computed.
Grouping n articles therefore costs O(n log n) array work and O(n) pair tests, whatever the size of a
story or of a bucket shared by chance.

Signatures are kept (`ArticleFeatures.signature`) so that a later ingest tests only pairs that involve
its new articles (`group_stories(..., known=...)`).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

import numpy as np

from kronika.assemble.canonical import HOME_COUNTRY
from kronika.entities import entity_info, find_entities
from kronika.prepare.markers import markers
from kronika.reconcile.bulk import no_cycle_collection
from kronika.reconcile.keys import slug
from kronika.scale.minhash import minhash

NUM_PERM = 96
SCHEME = "affine32"  # datasketch's scheme that made the stored signatures (kronika.scale.minhash makes them now)
WORDING_SAME_STORY = 0.16  # stem-set Jaccard at which two articles sharing a name read as one story
# ... and with no name in common: a MinHash of 96 values estimates 0.16 within about ±0.04, and two
# unrelated reports in one newsroom's style reach 0.17.
WORDING_ALONE = 0.22
BROAD_CONTEXT = 3  # ... or countries and bodies: `Ukraina`, `Czechy`, `Polska` of one aid programme
WORDING_WITH_ENTITY = 0.07  # enough when they also share a specific entity
WORDING_ONGOING = 0.10
WORDING_WITH_NAMES = 0.09  # ... or several capitalised names the gazetteer does not know
SHARED_NAMES = 3
# Short reports of one event a few days apart share few words but its names (the town, the firm, the
# square): within a week, two shared specific names with some shared wording link them, and three with
# a little.
WEEK = 7
WORDING_TWO_NAMES_WEEK = 0.05
WORDING_THREE_NAMES_WEEK = 0.03
# Within a week, two headlines that share two words (`Zderzenie tramwajów przy rondzie`, `Tydzień po zderzeniu
# tramwajów`) with a little shared wording: one story. Measured over the 13 story corpora, pairs within a
# week whose headlines shared one such word were one story in 316 of 318, two words in 131 of 131.
WORDING_HEADLINES = 0.05
SHARED_HEADLINE_WORDS = 2
MAX_DAYS_APART = 45  # a story's reports cluster in time
ENTITY_DAYS_APART = 14  # a shared entity with little shared wording links only reports this close
RECURRING_DAYS_APART = 120  # months apart, wording this alike is one ongoing situation on its own
WORDING_RECURRING = 0.25  # (unrelated articles of the stories corpus reach 0.17)
ONGOING_DAYS_APART = 400  # an ongoing situation (a war front) links over months through its own cast
ONGOING_ENTITIES = 2  # ... when two articles share at least this many specific entities
UNDATED_NAMES = 4  # an undated article joins on alike wording only with this many shared names
STEM_LENGTH = 6
MIN_WORD = 5
_WORD = re.compile(rf"[^\W\d_]{{{MIN_WORD},}}")
# A capitalised word inside a sentence is a name (a town, a river, an event) even when the gazetteer
# does not know it: `Nysa`, `Marsz Niepodległości`. A word that opens a line or a sentence is not
# (`Źródło:`, `Czytaj też:` and headings open lines).
_NAME = re.compile(r"(?<![.!?:\n–-] )(?<=[^\S\n])(?:[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]{3,}|[A-ZĄĆĘŁŃÓŚŹŻ]{2,6}(?!\w))")
# A name is compared by its first letters without diacritics: `Poznań`, `Poznaniu`, `Poznańska` are one
# name, and so are `Kaponiera` and `Kaponierze`. An acronym (`JSW`, `MPK`) is a name too.
NAME_STEM = 5
_FOLD = str.maketrans("ąćęłńóśźż", "acelnoszz")


def name_stem(word: str) -> str:
    return word.casefold().translate(_FOLD)[:NAME_STEM]
# Countries are shared by too many unrelated stories to say "same story"; media are who reports, not what.
_BROAD_KINDS = frozenset({"country"})


@dataclass(slots=True)
class ArticleFeatures:
    article: str
    published: str | None
    entities: list[str]  # specific canonical entities, most mentioned first
    signature: np.ndarray  # MinHash hash values (uint64)
    title: str = ""
    all_entities: list[str] = field(default_factory=list)  # with countries, for labels


@dataclass(slots=True)
class Story:
    id: str
    label: str
    articles: list[str]
    first_published: str | None
    last_published: str | None
    top_entities: list[str]


@lru_cache(maxsize=4)
def broad_entities(lang: str = "pl") -> frozenset[str]:
    path = resources.files("kronika") / "lang" / lang / "reconcile" / "broad_entities.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=4)
def common_names(lang: str = "pl") -> frozenset[str]:
    path = resources.files("kronika") / "lang" / lang / "reconcile" / "common_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(name_stem(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def stems(text: str) -> set[str]:
    return {word[:STEM_LENGTH] for word in _WORD.findall(text.casefold())}


HEADLINE_MAX = 200  # a first line longer than this is a paragraph, not a headline


def headline(text: str, title: str | None = None) -> str:
    """The article's headline: its title, or else the first line of a plain text when it is short (after
    the ` date YYYY-MM-DD` header)."""
    if title:
        return title
    start = 0
    if (header := markers().date_header.match(text)) is not None:
        start = header.end()
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)].strip()
    return line if len(line) <= HEADLINE_MAX else ""


@lru_cache(maxsize=1 << 16)  # asked per candidate pair: each article's headline is read once
def headline_stems(title: str) -> frozenset[str]:
    """The headline's words of five letters or more, as `stems` cuts them, without portal labels and bylines
    (common_names.txt: `PILNE`, `ZOBACZ WIDEO`, `PAP`)."""
    common = common_names()
    return frozenset(stem for stem in stems(title) if name_stem(stem) not in common)


def article_features(article: str, text: str, published: str | None, title: str | None = None) -> ArticleFeatures:
    """The signature and entities of one article (one pass over its text)."""
    title = headline(text, title)
    signature = minhash([s.encode("utf-8") for s in stems(f"{title}\n{text}")], NUM_PERM)
    counts: Counter[str] = Counter()
    broad: Counter[str] = Counter()
    known_at = set()  # where the gazetteer found an entity: its words are not unknown names
    for mention in find_entities(text):
        known_at.add(mention.start)
        if mention.kind != "media":
            is_broad = mention.kind in _BROAD_KINDS or mention.canonical in broad_entities()
            (broad if is_broad else counts)[mention.canonical] += 1
    common = common_names()
    for match in _NAME.finditer(text):
        if match.start() not in known_at and (stem := name_stem(match.group(0))) not in common:
            counts[f"~{stem}"] += 1
    every = [name for name, _ in (counts + broad).most_common() if not name.startswith("~")]
    return ArticleFeatures(article, published, [name for name, _ in counts.most_common()], signature,
                           title, every)


@lru_cache(maxsize=1 << 16)  # many articles share a day: parse each date once
def _day(published: str | None) -> int | None:
    if not published or len(published) < 4:
        return None
    try:
        parts = [int(p) for p in published[:10].split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 1).toordinal()
    except (ValueError, IndexError):
        return None


def _days_apart(a: ArticleFeatures, b: ArticleFeatures) -> int:
    """Days between two dated articles (0 when either is undated; `same_story` tests that first)."""
    first, second = _day(a.published), _day(b.published)
    return 0 if first is None or second is None else abs(first - second)


DOMINANT_REACH = 2  # the country an article is about is among its two most named entities
HOME_COUNTRIES = frozenset(HOME_COUNTRY.values())


def _foreign_country(f: ArticleFeatures) -> str | None:
    """The foreign country the article is most about (`Nepal` in a report on its earthquake), if one of its
    most named entities is one: a country is too broad to link stories alone, but two reports alike in
    wording that are both about one foreign country are of one story (the home country says nothing)."""
    return _first_foreign_country(tuple(f.all_entities[:DOMINANT_REACH]))


@lru_cache(maxsize=1 << 14)  # asked per candidate pair: articles share their few most named entities
def _first_foreign_country(names: tuple[str, ...]) -> str | None:
    for name in names:
        info = entity_info(name)
        if info is not None and info.get("kind") == "country" and name not in HOME_COUNTRIES:
            return name
    return None


def _jaccard(a: ArticleFeatures, b: ArticleFeatures) -> float:
    return float(np.count_nonzero(a.signature == b.signature)) / NUM_PERM


def same_story(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    """The pair test: close in time with alike wording, or with a shared specific entity and some shared
    wording; or months apart, with much alike wording (a recurring report) or with several specific
    entities and alike wording (an ongoing situation)."""
    days, wording = _days_apart(a, b), _jaccard(a, b)
    common = set(a.entities) & set(b.entities)
    if _day(a.published) is None or _day(b.published) is None:
        # Undated, time cannot narrow the candidates: only much alike wording, with several shared names
        # or by itself, says one story (a wire copy without its dateline).
        return (wording >= WORDING_SAME_STORY and len(common) >= UNDATED_NAMES) or wording >= WORDING_RECURRING
    if days <= MAX_DAYS_APART:
        # A minister or an agency turns up in many stories: with little shared wording, one shared entity
        # links only reports a fortnight apart; further apart it takes several.
        return (wording >= WORDING_ALONE or (wording >= WORDING_SAME_STORY and (
                    len(common) >= 1 or len(set(a.all_entities) & set(b.all_entities)) >= BROAD_CONTEXT
                    or _foreign_country(a) is not None and _foreign_country(a) == _foreign_country(b)))
                or (wording >= WORDING_WITH_ENTITY and len(common) >= 2 and days <= ENTITY_DAYS_APART)
                or (wording >= WORDING_ONGOING and len(common) >= 1 and days <= ENTITY_DAYS_APART)
                or (wording >= WORDING_WITH_NAMES and len(common) >= SHARED_NAMES)
                or (days <= WEEK and wording >= WORDING_WITH_ENTITY and len(common) >= 1)
                or (days <= WEEK and wording >= WORDING_TWO_NAMES_WEEK and len(common) >= 2)
                or (days <= WEEK and wording >= WORDING_THREE_NAMES_WEEK and len(common) >= SHARED_NAMES)
                or (days <= WEEK and wording >= WORDING_HEADLINES
                    and len(headline_stems(a.title) & headline_stems(b.title)) >= SHARED_HEADLINE_WORDS))
    if days <= RECURRING_DAYS_APART and wording >= WORDING_RECURRING:
        return True  # a recurring report of one situation (a monthly reading of inflation), in its own words
    shared = sum(1 for e in common if not e.startswith("~"))
    return days <= ONGOING_DAYS_APART and shared >= ONGOING_ENTITIES and wording >= WORDING_ONGOING


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# Blocking. Candidate pairs come from two indexes, both over the articles in time order, and in both an
# article meets only its nearest predecessors in time, so a story of thousands of reports, or a bucket
# that unrelated articles share by chance, costs a bounded number of pair tests per article:
# - wording: MinHash LSH, BANDS bands of ROWS hash values (96 = 48 x 2: two articles with stem-set Jaccard
#   0.16 meet in some band with probability 0.71, at 0.25 with 0.95); in each band an article meets the
#   BAND_NEIGHBOURS articles before it in its bucket;
# - specific entities (a town, a person, an armed group): an article meets the ENTITY_NEIGHBOURS articles
#   before it that name the same entity, however many name it.
# A candidate more than ONGOING_DAYS_APART away is dropped before any similarity is computed.
ROWS = 2
BANDS = NUM_PERM // ROWS
BAND_NEIGHBOURS = 2
ENTITY_NEIGHBOURS = 6
_PAIR_CHUNK = 1 << 18  # pairs whose signatures are compared at once (bounded memory)
_ROW_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                     0x85EBCA77C2B2AE63, 0xFF51AFD7ED558CCD][:ROWS], dtype=np.uint64)


def _band_keys(signatures: np.ndarray) -> np.ndarray:
    """(articles, BANDS) keys: each band's ROWS hash values mixed into one 64-bit number."""
    rows = signatures[:, :BANDS * ROWS].reshape(len(signatures), BANDS, ROWS)
    with np.errstate(over="ignore"):
        return (rows * _ROW_MIX).sum(axis=2, dtype=np.uint64)


def _neighbour_pairs(groups: np.ndarray, positions: np.ndarray, neighbours: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (earlier, later) of positions that share a group, each later one with up to `neighbours`
    nearest earlier ones. `positions` ascend within each group once sorted stably by group."""
    order = np.argsort(groups, kind="stable")
    groups, positions = groups[order], positions[order]
    firsts, seconds = [], []
    for offset in range(1, neighbours + 1):
        same = groups[offset:] == groups[:-offset]
        firsts.append(positions[:-offset][same])
        seconds.append(positions[offset:][same])
    return np.concatenate(firsts), np.concatenate(seconds)


def _candidates(features: Sequence[ArticleFeatures], days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (i < j, positions in `features`, which are in time order), once each."""
    n = len(features)
    firsts, seconds = [], []
    signatures = np.vstack([np.asarray(f.signature, dtype=np.uint64) for f in features])
    keys = _band_keys(signatures)
    del signatures
    positions = np.arange(n, dtype=np.int64)
    for band in range(BANDS):
        a, b = _neighbour_pairs(keys[:, band], positions, BAND_NEIGHBOURS)
        firsts.append(a)
        seconds.append(b)
    del keys
    entity_ids: dict[str, int] = {}
    holder_entities, holder_positions = [], []
    for position, f in enumerate(features):
        for entity in f.entities:
            holder_entities.append(entity_ids.setdefault(entity, len(entity_ids)))
            holder_positions.append(position)
        for word in headline_stems(f.title):  # a headline's words: `same_story` reads them within a week
            holder_entities.append(entity_ids.setdefault(f"headline:{word}", len(entity_ids)))
            holder_positions.append(position)
        if (country := _foreign_country(f)) is not None:  # the foreign country it is about: `same_story` reads it
            holder_entities.append(entity_ids.setdefault(f"country:{country}", len(entity_ids)))
            holder_positions.append(position)
    if holder_entities:
        a, b = _neighbour_pairs(np.array(holder_entities, dtype=np.int64), np.array(holder_positions, dtype=np.int64),
                                ENTITY_NEIGHBOURS)
        firsts.append(a)
        seconds.append(b)
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    del firsts, seconds
    codes = first * n + second
    del first, second
    codes.sort()  # one sort, then drop repeats: a pair met in many bands is tested once
    if len(codes):
        codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))]
    first, second = codes // n, codes % n
    close = _apart(days, first, second) <= ONGOING_DAYS_APART
    return first[close], second[close]


def _apart(days: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Days between the pairs' publications; 0 when either is undated (as `_days_apart`)."""
    a, b = days[first], days[second]
    return np.where((a < 0) | (b < 0), 0, np.abs(a - b))


def _link(features: Sequence[ArticleFeatures], days: np.ndarray, first: np.ndarray, second: np.ndarray,
          union: _UnionFind) -> None:
    """Join the candidate pairs that pass `same_story`, decided on arrays: wording and days for all pairs
    at once, shared entities only for the pairs whose wording leaves the verdict to them (and that are
    not one story already)."""
    signatures = np.vstack([np.asarray(f.signature, dtype=np.uint64) for f in features])
    for start in range(0, len(first), _PAIR_CHUNK):
        a, b = first[start:start + _PAIR_CHUNK], second[start:start + _PAIR_CHUNK]
        wording = np.count_nonzero(signatures[a] == signatures[b], axis=1) / NUM_PERM
        apart = _apart(days, a, b)
        near = apart <= MAX_DAYS_APART
        dated = (days[a] >= 0) & (days[b] >= 0)
        sure = near & dated & (wording >= WORDING_ALONE)
        for i, j in zip(a[sure].tolist(), b[sure].tolist(), strict=True):
            union.union(i, j)
        # The other clauses of `same_story` need shared entities: test only the pairs that can pass.
        lowest = np.where(near, min(WORDING_WITH_ENTITY, WORDING_WITH_NAMES, WORDING_ONGOING), WORDING_ONGOING)
        lowest = np.where(apart <= WEEK, WORDING_THREE_NAMES_WEEK, lowest)
        maybe = ~sure & (wording >= lowest)
        for i, j in zip(a[maybe].tolist(), b[maybe].tolist(), strict=True):
            if union.find(i) != union.find(j) and same_story(features[i], features[j]):
                union.union(i, j)


def group_stories(features: Sequence[ArticleFeatures], known: dict[str, str] | None = None) -> list[Story]:
    """Stories over `features`. `known` (article -> story id) keeps earlier stories' ids: only pairs
    that involve an article not in `known` are tested, so an ingest costs what its new articles cost
    (plus the array work of blocking, linear in the ledger). Candidate pairs come from the blocking
    indexes above; the pair test is `same_story`."""
    with no_cycle_collection():
        return _group_stories(features, known or {})


def _group_stories(features: Sequence[ArticleFeatures], known: dict[str, str]) -> list[Story]:
    ordered = sorted({f.article: f for f in features}.values(), key=lambda f: (_day(f.published) or 0, f.article))
    by_id = {f.article: f for f in ordered}
    position = {f.article: k for k, f in enumerate(ordered)}
    union = _UnionFind(len(ordered))
    first_of_story: dict[str, int] = {}
    for article, story in known.items():
        if article in position:
            union.union(first_of_story.setdefault(story, position[article]), position[article])
    if len(ordered) > 1:
        days = np.array([_day(f.published) or -1 for f in ordered], dtype=np.int64)
        first, second = _candidates(ordered, days)
        if known:
            fresh = np.array([f.article not in known for f in ordered], dtype=bool)
            keep = fresh[first] | fresh[second]
            first, second = first[keep], second[keep]
        _link(ordered, days, first, second, union)
    members: dict[int, list[str]] = defaultdict(list)
    for k, f in enumerate(ordered):
        members[union.find(k)].append(f.article)
    return [_story(sorted(group, key=lambda a: (by_id[a].published or "", a)), by_id, known)
            for group in members.values()]


def _story(articles: list[str], by_id: dict[str, ArticleFeatures], known: dict[str, str]) -> Story:
    earlier = sorted({known[a] for a in articles if a in known})
    story_id = earlier[0] if earlier else f"story:{slug(articles[0])}"
    entities: Counter[str] = Counter()
    for article in articles:
        entities.update(by_id[article].all_entities[:5])
    top = [name for name, _ in entities.most_common(5)]
    dates = sorted(p for a in articles if (p := by_id[a].published))
    first_title = next((by_id[a].title for a in articles if by_id[a].title), "")
    label = " · ".join(top[:3]) or first_title[:60] or articles[0]
    if first_title and top:
        label = f"{label}: {first_title[:60]}"
    return Story(story_id, label, articles, dates[0] if dates else None, dates[-1] if dates else None, top)


def story_map(stories: Iterable[Story]) -> dict[str, str]:
    """article -> story id."""
    return {article: story.id for story in stories for article in story.articles}
