"""The document context: sentences, entities, times and quotations indexed by offset once, so that
every later question (what lies in this sentence, which time came last before it, which quotation
holds this figure) is a bisection, never a walk over the whole document."""
from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from kronika.assemble.attribution import Attribution, find_attributions
from kronika.assemble.lexicon import ClaimLexicon
from kronika.assemble.quotes import QuoteIndex, index_quotes
from kronika.assemble.sentence import Sentence
from kronika.assemble.timing import POINT_TYPES
from kronika.mentions import EntityMention, TimeMention
from kronika.prepare.document import Document


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


V = TypeVar("V")

# Sentences are read in order and looked back at only a few at a time (the previous report, a
# quotation's frame), so the tokenised ones are kept for the most recent few: memory stays bounded
# on a long article, and one evicted is simply tokenised again, with the same result.
RECENT_SENTENCES = 256


class RecentCache(Generic[V]):
    """The last `size` values put, by key (least recently used dropped first)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[int, V] = OrderedDict()

    def get(self, key: int) -> V | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: int, value: V) -> V:
        self._items[key] = value
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return value


class SpanIndex(Generic[S]):
    """Mentions sorted by start offset."""

    def __init__(self, items: Sequence[S]) -> None:
        self.items = sorted(items, key=lambda item: item.start)
        self._starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list[S]:
        """The mentions starting in [start, end)."""
        return self.items[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)]

    def before(self, end: int, count: int) -> list[S]:
        """The last `count` mentions starting before `end`."""
        k = bisect.bisect_left(self._starts, end)
        return self.items[max(k - count, 0):k]

    def last_within(self, start: int, end: int) -> S | None:
        """The last mention starting in [start, end)."""
        k = bisect.bisect_left(self._starts, end) - 1
        return self.items[k] if k >= 0 and self._starts[k] >= start else None


@dataclass
class DocumentContext:
    document: Document
    lexicon: ClaimLexicon
    entities: SpanIndex[EntityMention]
    times: SpanIndex[TimeMention]
    quotes: QuoteIndex
    point_times: SpanIndex[TimeMention] = field(init=False)
    _sentences: RecentCache[Sentence] = field(default_factory=lambda: RecentCache(RECENT_SENTENCES))
    _attributions: RecentCache[list[Attribution]] = field(default_factory=lambda: RecentCache(RECENT_SENTENCES))

    def __post_init__(self) -> None:
        self.point_times = SpanIndex([t for t in self.times.items if t.type in POINT_TYPES and t.value])

    @classmethod
    def of(cls, document: Document, lexicon: ClaimLexicon, entities: list[EntityMention],
           times: list[TimeMention]) -> DocumentContext:
        return cls(document, lexicon, SpanIndex(entities), SpanIndex(times),
                   index_quotes(document.text, lexicon.speech_forms))

    @property
    def text(self) -> str:
        return self.document.text

    def sentence(self, index: int) -> Sentence:
        """Sentence `index` tokenised (kept while it is among the recent ones)."""
        found = self._sentences.get(index)
        if found is None:
            start, end = self.document.sentences[index]
            found = self._sentences.put(index, Sentence.of(self.text, start, end))
        return found

    def attributions(self, index: int) -> list[Attribution]:
        """The reporting frames of sentence `index`; a source phrase never takes in a time."""
        found = self._attributions.get(index)
        if found is None:
            sentence = self.sentence(index)
            found = self._attributions.put(index, find_attributions(
                sentence, self.text, self.entities_in(index), self.lexicon, self.time_tokens(index)))
        return found

    def time_tokens(self, index: int) -> frozenset[int]:
        sentence = self.sentence(index)
        return frozenset(k for t in self.times_in(index)
                         for k in range(sentence.index_at(t.start), sentence.index_at(t.end)))

    def entities_in(self, index: int) -> list[EntityMention]:
        return self.entities.within(*self.document.sentences[index])

    def times_in(self, index: int) -> list[TimeMention]:
        return self.times.within(*self.document.sentences[index])

    def carried_time(self, index: int, published: str | None, continues: bool) -> TimeMention | None:
        """The time sentence `index` inherits: the previous sentence's, when it continues that report; in
        an article without a publication date, the latest one named earlier in the paragraph."""
        start = self.document.sentences[index][0]
        if continues:
            window_start = self.document.sentences[index - 1][0] if index > 0 else start
        elif published is None:
            window_start = self.quotes.paragraphs[self.quotes.paragraph_at(start)][0] if self.quotes.paragraphs else 0
        else:
            return None
        return self.point_times.last_within(window_start, start)
