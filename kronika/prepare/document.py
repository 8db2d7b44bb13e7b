"""Prepare: from an article's text as read to the text to analyse, with a map back.

Parts that are not the article's own text (date header, section labels, related-article teasers,
source and credit lines) are blanked with spaces of the same length, so offsets are unchanged;
words glued by scraping (`przywódcaWładimir`) get a space inserted, the only change of length,
recorded so that every span maps back to the text as read.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from kronika.prepare.markers import markers
from kronika.prepare.sentences import split_sentences

# Three or more lowercase letters straight before a capitalised word: a scraping artefact. Shorter
# runs are names such as `McDonald` or `YouTube`.
_GLUED = re.compile(r"(?<=[a-ząćęłńóśźż]{3})(?=[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż])")
# The same positions, found faster: the pattern opens with the capital, so only capitals are tried (two
# such positions are never adjacent, as the first is a capital and the second needs lowercase before it).
_GLUED_CAPITAL = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ](?<=[a-ząćęłńóśźż]{3}.)(?=[a-ząćęłńóśźż])")


_LONGEST_WORD = 40


@dataclass(frozen=True, slots=True)
class SetAside:
    start: int
    end: int
    reason: str  # date-header, section-label, teaser, source-line, credit-line


@dataclass
class Document:
    article_text: str
    text: str
    sentences: list[tuple[int, int]]
    set_aside: list[SetAside]
    # Positions in `text` of the spaces inserted into glued words, in increasing order.
    inserted: list[int] = field(default_factory=list)
    _sentence_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [start for start, _ in self.sentences]

    def to_article(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the analysed text to the article text as read."""
        return (start - bisect.bisect_left(self.inserted, start),
                end - bisect.bisect_left(self.inserted, end))

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding `offset` of the analysed text (or the one before it)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)


def prepare(text: str, lang: str = "pl") -> Document:
    set_aside = _find_set_aside(text, lang)
    masked = _blank(text, set_aside)
    analysed, inserted = _split_glued(masked)
    return Document(text, analysed, split_sentences(analysed, lang), set_aside, inserted)


def _blank(text: str, parts: list[SetAside]) -> str:
    """`text` with the set-aside parts turned to spaces (line breaks kept), built from slices: memory
    stays a small multiple of the text (no list of its characters)."""
    pieces, previous = [], 0
    for part in parts:
        start = max(part.start, previous)
        if part.end <= start:
            continue
        pieces.append(text[previous:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:part.end]))
        previous = part.end
    pieces.append(text[previous:])
    return "".join(pieces)


def _starts_lowercase(text: str, position: int) -> bool:
    """Only a word that starts in lowercase is glued (`przywódcaWładimir`); a capitalised one is a
    brand written in camel case (`AccuWeather`)."""
    start = position
    while start > 0 and text[start - 1].isalpha():
        start -= 1
        if position - start > _LONGEST_WORD:
            return False  # a run of letters this long is no glued pair of words; bounded, so linear
    return text[start].islower()


def _find_set_aside(text: str, lang: str) -> list[SetAside]:
    found: list[SetAside] = []
    marks = markers(lang)
    header = marks.date_header.match(text)
    body_start = header.end() if header else 0
    if header:
        found.append(SetAside(header.start(), header.end(), "date-header"))
    for line in re.finditer(r"[^\n]+", text):
        line_start = max(line.start(), body_start)
        if line.end() <= line_start:
            continue
        if marks.teaser.match(text, line_start):
            found.append(SetAside(line_start, line.end(), "teaser"))
            continue
        label = marks.section_label.match(text, line_start)
        if label:
            found.append(SetAside(label.start(), label.end(), "section-label"))
    for pattern, reason in ((marks.source_line, "source-line"), (marks.credit_line, "credit-line")):
        found.extend(SetAside(m.start(), m.end(), reason) for m in pattern.finditer(text))
    return sorted(found, key=lambda part: part.start)


def _split_glued(text: str) -> tuple[str, list[int]]:
    positions = [m.start() for m in _GLUED_CAPITAL.finditer(text) if _starts_lowercase(text, m.start())]
    if not positions:
        return text, []
    pieces, inserted, previous = [], [], 0
    for shift, position in enumerate(positions):
        pieces.append(text[previous:position])
        inserted.append(position + shift)
        pieces.append(" ")
        previous = position
    pieces.append(text[previous:])
    return "".join(pieces), inserted
