"""The document context: sentences, entities, times and quotations indexed by offset once, so that
every later question (what lies in this sentence, which time came last before it, which quotation
holds this figure) is a bisection, never a walk over the whole document."""
from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Generic, Protocol, TypeVar

from kronika.assemble.attribution import (
    Attribution,
    attribution_data,
    find_attributions,
    may_attribute,
    sentence_topic,
)
from kronika.assemble.lexicon import ClaimLexicon
from kronika.assemble.quotes import QuoteIndex, index_quotes
from kronika.assemble.roles import names_many_places
from kronika.assemble.sentence import Sentence
from kronika.assemble.timing import POINT_TYPES
from kronika.entities import find_entities
from kronika.mentions import EntityMention, TimeMention
from kronika.prepare.document import Document


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...


S = TypeVar("S", bound=_Spanned)

# How many sentences back a frame without a named speaker (`Jak podkreślił, ...`) looks for him.
ANTECEDENT_SENTENCES = 3
# How many sentences back a sentence without a frame of its own takes its paragraph's attribution.
PARAGRAPH_CARRY_SENTENCES = 3


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
        """The reporting frames of sentence `index`; a source phrase never takes in a time. A frame without
        a named speaker (`Jak podkreślił`, `Według niego`, `– mówiła.`) takes the speaker named last before
        it; without one it is dropped."""
        found = self._attributions.get(index)
        if found is not None:
            return found
        self._attributions.put(index, [])  # a frame never resolves to itself
        if not may_attribute(self.text[slice(*self.document.sentences[index])], self.lexicon):
            return []
        sentence = self.sentence(index)
        found = find_attributions(sentence, self.text, self.entities_in(index), self.lexicon,
                                  self.time_tokens(index), keep_elided=True)
        if any(a.elided for a in found):
            antecedent = self._antecedent(index)
            found = [a for a in found if not a.elided] if antecedent is None else [
                replace(a, source=antecedent.source, source_kind=antecedent.source_kind, elided=False)
                if a.elided else a for a in found]
        return self._attributions.put(index, found)

    def _antecedent(self, index: int) -> Attribution | None:
        """The speaker named last before sentence `index`: the last frame, or the subject that opens a
        sentence, of the few sentences before it in its paragraph (the paragraph before, for a dialogue
        paragraph); spoken sentences name nobody."""
        quotes = self.quotes
        start = self.document.sentences[index][0]
        paragraph = quotes.paragraph_at(start)
        floor = quotes.paragraphs[paragraph][0] if quotes.paragraphs else 0
        if paragraph > 0 and self.text[floor] in "-–—„\"":
            floor = quotes.paragraphs[paragraph - 1][0]
        for j in range(index - 1, max(index - 1 - ANTECEDENT_SENTENCES, -1), -1):
            sentence_start, sentence_end = self.document.sentences[j]
            if sentence_end <= floor:
                break
            sentence = self.sentence(j)
            found = [a for a in self.attributions(j) if a.cue < 0 or not quotes.at(sentence.tokens[a.cue].start)]
            if found:
                return found[-1]
            if quotes.at(sentence_start) or quotes.at(min(sentence_start + 2, sentence_end - 1)):
                continue  # spoken
            topic = sentence_topic(self.sentence(j), self.text, self.entities_in(j), self.lexicon, self.time_tokens(j))
            if topic is not None:
                return topic
        return None

    def paragraph_attribution(self, index: int) -> Attribution | None:
        """The attribution a sentence without a frame of its own takes from its paragraph: the last frame
        of the sentences just before it (`Jak ustaliła prokuratura, grupa działała od 2019 roku. Jej
        członkowie oszukali 312 osób.`), else the post-posed frame of the next one (`Cztery osoby
        zginęły. Autokar przewrócił się – poinformowała policja.`). Only the source carries."""
        sentences = self.document.sentences
        start = sentences[index][0]
        paragraph = self.quotes.paragraphs[self.quotes.paragraph_at(start)] if self.quotes.paragraphs else (0, 0)
        if self._speaks_for_itself(index):
            return None
        for j in range(index - 1, max(index - 1 - PARAGRAPH_CARRY_SENTENCES, -1), -1):
            if sentences[j][1] <= paragraph[0]:
                break
            found = self.attributions(j)
            if found:
                last = found[-1]
                if last.scope == "before" and self._narrates_quote(j, last):
                    return None  # `„Sytuacja jest opanowana” – zapewnił wojewoda.`: he said only that
                return _carried(last)
        return None

    def _narrates_quote(self, index: int, frame: Attribution) -> bool:
        cue = self.sentence(index).tokens[frame.cue].start
        start = self.document.sentences[index][0]
        return any(q.end <= cue for q in self.quotes.quotes_between(start, cue))

    def _speaks_for_itself(self, index: int) -> bool:
        """Does the sentence open with another time (`Wcześniej`, `W 2023 roku`) or with an actor as its
        subject (`Rosja wysłała`)? Then it is the article's own voice, not the paragraph's source."""
        start, end = self.document.sentences[index]
        head = self.text[start:start + 40]
        if any(head.startswith(opener) and not head[len(opener):len(opener) + 1].isalpha()
               for opener in _background_openers()):
            return True
        sentence = self.sentence(index)
        first_time = self.times.within(start, end)[:1]
        if first_time and sentence.index_at(first_time[0].start) <= 1 and first_time[0].type == "DATE" and (
                first_time[0].value or "")[:4].isdigit() and len(first_time[0].value or "") == 4:
            return True  # `W 2023 roku zarejestrowano...`
        if names_many_places(self.text[start:end]):
            return True  # `Łącznie w obu krajach zginęło więc 125 osób`: its own sum of several places' reports
        opening = self.entities.within(start, sentence.tokens[0].end if sentence.tokens else start)
        return any(e.kind == "country" and e.form != "adjective" and e.form != "capital" for e in opening)

    def time_tokens(self, index: int) -> frozenset[int]:
        sentence = self.sentence(index)
        return frozenset(k for t in self.times_in(index)
                         for k in range(sentence.index_at(t.start), sentence.index_at(t.end)))

    def entities_in(self, index: int) -> list[EntityMention]:
        return self.entities.within(*self.document.sentences[index])

    def times_in(self, index: int) -> list[TimeMention]:
        return self.times.within(*self.document.sentences[index])

    def carried_place(self, index: int) -> EntityMention | None:
        """The one place the previous sentence of the paragraph names (`Rosja ostrzelała Charków. Zginęło
        pięć osób`; `W Portugalii spór trwa. DGS podała 63 zgony`): a region or city, or a country after
        a preposition of place (not a capital: `ministerstwo w Bukareszcie` is the government's seat).
        None when it names none, or several, or one in a list (`w Kłodzku i Nysie`), or starts another
        paragraph."""
        if index == 0:
            return None
        start, previous = self.document.sentences[index][0], self.document.sentences[index - 1]
        if self.quotes.paragraphs and self.quotes.paragraph_at(previous[0]) != self.quotes.paragraph_at(start):
            return None
        found: dict[str, EntityMention] = {}
        for entity in self.entities.within(*previous):
            before = self.text[max(previous[0], entity.start - 24):entity.start].casefold().split()[-2:]
            after = self.text[entity.end:entity.end + 5].casefold().split()
            if before[-1:] in (["i"], ["oraz"]) or after[:1] in (["i"], ["oraz"]) \
                    or self.text[entity.end:entity.end + 1] == ",":
                return None  # one of several places, not all of which the gazetteer may know
            if entity.kind == "place" or entity.kind == "country" and entity.form in ("name", "adjective") \
                    and before and (before[-1] in _PLACE_WORDS or len(before) > 1 and before[-2] in _PLACE_WORDS
                                    and _place_adjective(before[-1])):
                # a capital is as often its government's seat (`w niemieckim Duisburgu`: the country of a town
                # the gazetteer does not know; `we wschodnim Czadzie`: an adjective may stand between)
                found[entity.canonical] = entity
        return next(iter(found.values())) if len(found) == 1 else None

    def paragraph_label(self, index: int) -> EntityMention | None:
        """The country a label in capitals opens the paragraph of sentence `index` with (`CZAD. We
        wschodnim Czadzie...`, `CZECHY: nawałnica...`): a side paragraph of a roundup, about that country.
        None when the paragraph opens otherwise."""
        if not self.quotes.paragraphs:
            return None
        start = self.quotes.paragraphs[self.quotes.paragraph_at(self.document.sentences[index][0])][0]
        label = _CAPITALS_LABEL.match(self.text, start)
        if label is None:
            return None
        country = _country_named(label.group(1).title())
        if country is None:
            return None
        return EntityMention(label.start(1), label.end(1), label.group(1), country, "country", "name")

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


_PLACE_WORDS = frozenset({"w", "we", "na", "do"})
# A paragraph's label in capitals: one or two words, then a full stop or a colon (`CZAD.`, `KOREA POŁUDNIOWA:`).
_CAPITALS_LABEL = re.compile(r"[^\S\n]*([A-ZĄĆĘŁŃÓŚŹŻ]{3,}(?: [A-ZĄĆĘŁŃÓŚŹŻ]{3,})?)[.:](?:\s|$)")


def _place_adjective(word: str) -> bool:
    """A lower-case adjective in the locative between a preposition and a place (`we wschodnim Czadzie`)."""
    return word.isalpha() and word.islower() and word.endswith(("ej", "ym", "im"))


@cache
def _country_named(label: str) -> str | None:
    """The country `label` (title-cased: `Czad`, `Korea Południowa`) names, or None."""
    found = [e for e in find_entities(label) if e.kind == "country" and e.form == "name"
             and e.start == 0 and e.end == len(label)]
    return found[0].canonical if found else None


@cache
def _background_openers(lang: str = "pl") -> tuple[str, ...]:
    return tuple(o for o in attribution_data(lang).get("background_openers", ()) if not o.startswith("_"))


def _carried(found: Attribution) -> Attribution:
    """Only the source carries; its token positions belong to the other sentence."""
    return Attribution(found.source, found.source_kind, -1, -1, -1, "sentence")
