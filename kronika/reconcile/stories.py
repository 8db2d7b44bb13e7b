"""Stories: articles about one event or ongoing situation (a flood, a war front, an election).

Two articles belong to one story when their wording is alike and they are close in time, or when they
share specific named entities (a town, a person, an armed group; not a country, which many stories
share) and are close in time. Stories are the connected groups of such pairs.

Wording is compared as sets of word stems (the first letters of every longer word, a cheap stand-in
for Polish lemmas) through MinHash signatures; `datasketch`'s MinHashLSH (a maintained library,
banded locality-sensitive hashing) proposes candidate pairs, and specific entities are blocked on
through an inverted index that skips entities shared by too many articles. Neither step compares all
pairs, so grouping n articles costs about O(n) signatures and index look-ups.

Signatures are kept (`ArticleFeatures.signature`) so that a later ingest compares its new articles
with the stored ones only (`group_stories(..., known=...)`).
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
from datasketch import LeanMinHash, MinHash, MinHashLSH

from kronika.entities import find_entities
from kronika.reconcile.keys import slug

NUM_PERM = 96
SCHEME = "affine32"  # stored signatures must be read back with the scheme that made them
LSH_THRESHOLD = 0.12  # candidates only; the pair test below decides
WORDING_SAME_STORY = 0.16  # stem-set Jaccard at which two articles read as one story
WORDING_WITH_ENTITY = 0.07  # enough when they also share a specific entity
WORDING_ONGOING = 0.10
WORDING_WITH_NAMES = 0.09  # ... or several capitalised names the gazetteer does not know
SHARED_NAMES = 3
MAX_DAYS_APART = 45  # a story's reports cluster in time
ENTITY_DAYS_APART = 14  # a shared entity with little shared wording links only reports this close
ONGOING_DAYS_APART = 400  # an ongoing situation (a war front) links over months through its own cast
ONGOING_ENTITIES = 2  # ... when two articles share at least this many specific entities
MAX_ENTITY_ARTICLES = 50  # an entity in more articles than this is too common to block on
STEM_LENGTH = 6
MIN_WORD = 5
_WORD = re.compile(rf"[^\W\d_]{{{MIN_WORD},}}")
# A capitalised word inside a sentence is a name (a town, a river, an event) even when the gazetteer
# does not know it: `Nysa`, `Marsz Niepodległości`. A word that opens a line or a sentence is not
# (`Źródło:`, `Czytaj też:` and headings open lines).
_NAME = re.compile(r"(?<![.!?:\n–-] )(?<=[^\S\n])[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]{3,}")
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


@lru_cache(maxsize=1)
def common_names(lang: str = "pl") -> frozenset[str]:
    path = resources.files("kronika") / "lang" / lang / "reconcile" / "common_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def stems(text: str) -> set[str]:
    return {word[:STEM_LENGTH] for word in _WORD.findall(text.casefold())}


def article_features(article: str, text: str, published: str | None, title: str | None = None) -> ArticleFeatures:
    """The signature and entities of one article (one pass over its text)."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in stems(f"{title or ''}\n{text}")])
    counts: Counter[str] = Counter()
    broad: Counter[str] = Counter()
    known_at = set()  # where the gazetteer found an entity: its words are not unknown names
    for mention in find_entities(text):
        known_at.add(mention.start)
        if mention.kind != "media":
            (broad if mention.kind in _BROAD_KINDS else counts)[mention.canonical] += 1
    common = common_names()
    for match in _NAME.finditer(text):
        if match.start() not in known_at and (stem := match.group(0)[:STEM_LENGTH].casefold()) not in common:
            counts[f"~{stem}"] += 1
    every = [name for name, _ in (counts + broad).most_common() if not name.startswith("~")]
    return ArticleFeatures(article, published, [name for name, _ in counts.most_common()], minhash.hashvalues,
                           title or "", every)


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
    first, second = _day(a.published), _day(b.published)
    return 0 if first is None or second is None else abs(first - second)


def _jaccard(a: ArticleFeatures, b: ArticleFeatures) -> float:
    return float(np.count_nonzero(a.signature == b.signature)) / NUM_PERM


def same_story(a: ArticleFeatures, b: ArticleFeatures) -> bool:
    """The pair test: close in time with alike wording, or with a shared specific entity and some shared
    wording; or months apart, with several specific entities and alike wording (an ongoing situation)."""
    days, wording = _days_apart(a, b), _jaccard(a, b)
    common = set(a.entities) & set(b.entities)
    if days <= MAX_DAYS_APART:
        # A minister or an agency turns up in many stories: with little shared wording, one shared entity
        # links only reports a fortnight apart; further apart it takes several.
        return (wording >= WORDING_SAME_STORY
                or (wording >= WORDING_WITH_ENTITY and len(common) >= 2 and days <= ENTITY_DAYS_APART)
                or (wording >= WORDING_ONGOING and len(common) >= 1 and days <= ENTITY_DAYS_APART)
                or (wording >= WORDING_WITH_NAMES and len(common) >= SHARED_NAMES))
    shared = sum(1 for e in common if not e.startswith("~"))
    return days <= ONGOING_DAYS_APART and shared >= ONGOING_ENTITIES and wording >= WORDING_ONGOING


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _minhash(signature: np.ndarray) -> LeanMinHash:
    # Lean: built from stored hash values without drawing the permutations again (a MinHash would).
    return LeanMinHash(seed=1, hashvalues=signature, scheme=SCHEME)


STORY_SAMPLE = 32  # a story's newest articles kept in the wording index


class _WordingIndex:
    """MinHash LSH over the newest `STORY_SAMPLE` articles of each story so far. A new article is compared
    with those, not with every article of a big story: in a war's thousands of reports every article is in
    every band's bucket, and querying them all would make grouping quadratic in the story's size."""

    def __init__(self, union: _UnionFind, order: dict[str, tuple[int, str]]) -> None:
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.union = union
        self.order = order  # article -> its place in time
        self.kept: dict[str, list[str]] = {}  # story root -> its articles in the index, oldest first

    def query(self, sketch: LeanMinHash) -> list[str]:
        return list(self.lsh.query(sketch))

    def add(self, article: str, sketch: LeanMinHash) -> None:
        self.lsh.insert(article, sketch, check_duplication=False)
        self.kept.setdefault(self.union.find(article), []).append(article)
        self._trim(self.union.find(article))

    def link(self, a: str, b: str) -> None:
        ra, rb = self.union.find(a), self.union.find(b)
        if ra == rb:
            return
        self.union.union(a, b)
        root = self.union.find(a)
        merged = self.kept.pop(ra, []) + self.kept.pop(rb, [])
        if merged:
            self.kept[root] = merged
            self._trim(root)

    def _trim(self, root: str) -> None:
        kept = self.kept[root]
        if len(kept) > STORY_SAMPLE:
            kept.sort(key=self.order.__getitem__)
            for article in kept[:-STORY_SAMPLE]:
                self.lsh.remove(article)
            del kept[:-STORY_SAMPLE]


def group_stories(features: Sequence[ArticleFeatures], known: dict[str, str] | None = None) -> list[Story]:
    """Stories over `features`. `known` (article -> story id) keeps earlier stories' ids: only pairs
    that involve an article not in `known` are tested, so an ingest costs what its new articles cost.
    Articles are taken in time order; each new one is compared (through the wording index) with the
    newest articles of the stories so far and (through shared specific entities) with any article."""
    known = known or {}
    by_id = {f.article: f for f in features}
    union = _UnionFind(by_id)
    first_of_story: dict[str, str] = {}
    for article, story in known.items():
        if article in by_id:
            union.union(first_of_story.setdefault(story, article), article)
    order = {f.article: (_day(f.published) or 0, f.article) for f in features}
    index = _WordingIndex(union, order)
    holders: dict[str, list[str]] = defaultdict(list)
    for f in features:
        for entity in f.entities:
            holders[entity].append(f.article)
    seen_fresh = False
    for f in sorted(features, key=lambda f: order[f.article]):
        fresh = f.article not in known
        sketch = _minhash(f.signature)
        if fresh or seen_fresh:  # a stored article meets only new ones; before any new one, nothing
            candidates = set(index.query(sketch))
            if fresh:
                for entity in f.entities:
                    if len(holders[entity]) <= MAX_ENTITY_ARTICLES:
                        candidates.update(holders[entity])
            for other in candidates:
                # Already one story: no pair test. A stored article is tested against new ones only.
                if other == f.article or (not fresh and other in known):
                    continue
                if union.find(other) != union.find(f.article) and same_story(f, by_id[other]):
                    index.link(f.article, other)
        seen_fresh = seen_fresh or fresh
        index.add(f.article, sketch)
    members: dict[str, list[str]] = defaultdict(list)
    for article in by_id:
        members[union.find(article)].append(article)
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
