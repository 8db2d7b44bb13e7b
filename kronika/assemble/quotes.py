"""Utterances that span sentences: quotations („...”, "...") and dialogue paragraphs opened with a dash.

    - Mamy już ponad 300 zgłoszeń. Kolejne napływają - powiedział rzecznik. - Pracujemy całą noc.

is two utterances of one speaker: the narration (`powiedział rzecznik`) names him for both, however
many sentences each has. The index is built in one pass over the text; who the speaker is gets
decided later, and only for the utterances that hold a figure.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass

# A dash standing between spaces (or opening a line) separates an utterance from its narration.
DASH = re.compile(r"(?:^|(?<=\s))[-–—](?=\s)")
EMBEDDED_DASH = re.compile(r"(?<=[.!?…] )[-–—](?=\s)")
WORD = re.compile(r"\w+")
OPENERS = {"„": "”\"“", "“": "”", "«": "»", '"': '"'}
OPENING_MARK = re.compile("[" + "".join(OPENERS) + "]")
CLOSING_MARKS = {opener: re.compile("[" + closers + "]") for opener, closers in OPENERS.items()}
NARRATION_VERB_WORDS = 4  # `– podkreśla w rozmowie z nami rzecznik`: the verb comes early
MAX_QUOTE_CHARS = 6000  # an unclosed quotation ends with its paragraph, never runs on for pages


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # the utterance's text, without its quotation marks or dash
    end: int
    kind: str  # "quoted" or "dialogue"
    paragraph: int  # index of the paragraph (line) it opens in
    narration: tuple[int, int] | None = None  # where a dialogue paragraph names its speaker


@dataclass
class QuoteIndex:
    quotes: list[Quote]
    paragraphs: list[tuple[int, int]]  # (start, end) of each non-empty line

    def __post_init__(self) -> None:
        self._starts = [q.start for q in self.quotes]
        self._paragraph_starts = [start for start, _ in self.paragraphs]

    def at(self, offset: int) -> Quote | None:
        """The utterance holding `offset`, if any (quotations do not nest here: the outer one wins)."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.quotes[k].start <= offset < self.quotes[k].end:
            return self.quotes[k]
        return None

    def quotes_between(self, start: int, end: int) -> list[Quote]:
        """The utterances that open in [start, end), and the one that holds `start`."""
        k = max(bisect.bisect_right(self._starts, start) - 1, 0)
        return [q for q in self.quotes[k:bisect.bisect_left(self._starts, end)] if q.end > start]

    def paragraph_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)

    def in_paragraph(self, paragraph: int) -> list[Quote]:
        start, end = self.paragraphs[paragraph]
        return self.quotes[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)]


# A line with something on it, whole. Anchored at the line's start: `[^\n]*\S[^\n]*` finds the same lines
# but tries again at every position of a blank one (a header line the preparation blanked), at a cost
# that grows with the square of its length.
_PARAGRAPH = re.compile(r"^[^\S\n]*\S[^\n]*", re.MULTILINE)


def index_quotes(text: str, speech_forms: Mapping[str, object]) -> QuoteIndex:
    """Every utterance of the text, in order; `speech_forms` tells a narration's reporting verb."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    quotes: list[Quote] = []
    covered = 0
    for number, (start, end) in enumerate(paragraphs):
        if start < covered:
            continue  # inside a quotation that runs across paragraphs
        body = start + len(text[start:end]) - len(text[start:end].lstrip())
        if text[body] in "-–—" and body + 1 < end and text[body + 1].isspace():
            quotes.extend(_dialogue(text, body + 1, end, number, speech_forms))
            covered = end
        else:
            found = _quotations(text, start, end, number, paragraphs) or _embedded_dialogue(
                text, start, end, number, speech_forms)
            quotes.extend(found)
            covered = max([covered, *(q.end for q in found)])
    return QuoteIndex(quotes, paragraphs)


def _dialogue(text: str, start: int, end: int, paragraph: int,
              speech_forms: Mapping[str, object]) -> list[Quote]:
    """`- Utterance - narration. - Utterance`: a dash opens a narration only when a reporting verb
    follows it closely; other dashes are the speaker's own (`300 – a może więcej – zgłoszeń`)."""
    utterances: list[tuple[int, int]] = []
    narration: tuple[int, int] | None = None
    utterance_start = start
    dashes = [m.start() for m in DASH.finditer(text, start, end)]
    k = 0
    while k < len(dashes):
        dash = dashes[k]
        next_dash = dashes[k + 1] if k + 1 < len(dashes) else end
        if narration is None and _reporting_verb_follows(text, dash + 1, next_dash, speech_forms):
            utterances.append((utterance_start, dash))
            # The narration runs to the dash that reopens the utterance after a finished sentence, not to a
            # dash of its own (`Każda rodzina dostanie 10 tys. zł, a właściciele domów – nawet 200 tys.`).
            following = next((d for d in dashes[k + 1:] if _after_sentence_end(text, d)), end)
            narration = (dash + 1, following)
            utterance_start = following + 1
            k = dashes.index(following) + 1 if following != end else len(dashes)
            continue
        k += 1
    if utterance_start < end:
        utterances.append((utterance_start, end))
    return [Quote(*_trimmed(text, a, b), "dialogue", paragraph, narration)
            for a, b in utterances if text[a:b].strip()]


def _after_sentence_end(text: str, dash: int) -> bool:
    before = text[:dash].rstrip()
    return bool(before) and before[-1] in ".!?…:"


def _embedded_dialogue(text: str, start: int, end: int, paragraph: int,
                       speech_forms: Mapping[str, object]) -> list[Quote]:
    """`Rzecznik podkreślał, że... – Mamy 300 zgłoszeń – mówił.`: a dash after a finished sentence opens
    dialogue inside a paragraph of narration, when a later dash brings a reporting verb."""
    opening = EMBEDDED_DASH.search(text, start, end)
    if opening is None:
        return []
    found = _dialogue(text, opening.end(), end, paragraph, speech_forms)
    return found if any(q.narration for q in found) else []


def _reporting_verb_follows(text: str, start: int, end: int, speech_forms: Mapping[str, object]) -> bool:
    for match, _ in zip(WORD.finditer(text, start, end), range(NARRATION_VERB_WORDS), strict=False):
        if match.group().lower() in speech_forms:
            return True
    return False


def _quotations(text: str, start: int, end: int, paragraph: int,
                paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Quotations opening in this paragraph; one left open runs on into the next paragraphs that
    open with a quotation mark again (the Polish way of quoting several paragraphs)."""
    found = []
    k = start
    while (opening := OPENING_MARK.search(text, k, end)) is not None:
        k = opening.start()
        char = text[k]
        if char == '"' and not _opens(text, k):
            k += 1
            continue
        closers = CLOSING_MARKS[char]
        close = _closing(text, k + 1, end, closers)
        last, following = end, paragraph + 1
        while close is None and following < len(paragraphs):
            next_start, next_end = paragraphs[following]
            if text[next_start] not in OPENERS or next_end - k > MAX_QUOTE_CHARS:
                break
            close, last = _closing(text, next_start + 1, next_end, closers), next_end
            following += 1
        stop = close if close is not None else last
        found.append(Quote(*_trimmed(text, k + 1, stop), "quoted", paragraph))
        if close is None or close >= end:
            break
        k = close + 1
    return found


def _closing(text: str, start: int, end: int, closers: re.Pattern[str]) -> int | None:
    for match in closers.finditer(text, start, end):
        if match.group() != '"' or not _opens(text, match.start()):
            return match.start()
    return None


def _opens(text: str, k: int) -> bool:
    """A straight quote opens when a space (or the line start) is before it and a word after it."""
    before = text[k - 1] if k else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    return (before.isspace() or before in "(:-–—") and not after.isspace()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
