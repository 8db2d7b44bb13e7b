"""Who speaks an utterance: the quotation's or dialogue paragraph's speaker, for every figure inside it
however many sentences it spans.

    „Mamy 300 zgłoszeń. Kolejne napływają” – powiedział rzecznik.     post-posed narration
    Rzecznik powiedział: „Mamy 300 zgłoszeń. Kolejne napływają”.      preceding `X powiedział:`
    - Mamy 300 zgłoszeń. Kolejne napływają - mówi rzecznik.           the dialogue's narration
    Rzecznik wojewody tłumaczył:                                      the paragraph before, ending in `:`
    - Mamy 300 zgłoszeń.

The speaker is looked up once per utterance, and only for utterances that hold a figure.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from kronika.assemble.attribution import Attribution
from kronika.assemble.context import DocumentContext
from kronika.assemble.quotes import Quote

SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")


class Speakers:
    """Speakers of a document's utterances, each found once."""

    def __init__(self, context: DocumentContext) -> None:
        self._context = context
        self._found: dict[Quote, Attribution | None] = {}

    def of(self, quote: Quote) -> Attribution | None:
        if quote not in self._found:
            self._found[quote] = _carried(self._speaker(quote))
        return self._found[quote]

    def _speaker(self, quote: Quote) -> Attribution | None:
        if quote.kind == "dialogue":
            if quote.narration is None:
                return self._introduced(quote)
            narration_start, narration_end = quote.narration
            # A narration without a subject (`– mówił w rozmowie z radiem.`) continues the speaker
            # named in the sentence before the utterance (`Rzecznik Jan Nowak podkreślał, że...`).
            return self._framing(narration_start, lambda offset: narration_start <= offset < narration_end) \
                or self._preceding(quote)
        after = self._framing(quote.end, lambda offset: offset >= quote.end, first=True)
        return after or self._framing(max(quote.start - 1, 0), lambda offset: offset < quote.start) \
            or self._introduced(quote) or (self._preceding(quote) if self._spoken(quote) else None)

    def _framing(self, offset: int, where: Callable[[int], bool], first: bool = False) -> Attribution | None:
        """The reporting frame of the sentence holding `offset` whose verb lies where `where` says: the
        first such frame after a quotation, the last one before it."""
        context = self._context
        index = context.document.sentence_at(offset)
        sentence = context.sentence(index)
        framing = [a for a in context.attributions(index) if where(sentence.tokens[a.cue].start)]
        if not framing:
            return None
        return framing[0] if first else framing[-1]

    def _spoken(self, quote: Quote) -> bool:
        """Is the quotation an utterance of whole sentences, not a quoted title (`„Rodzina 800 plus”`)?"""
        return bool(SENTENCE_END.search(self._context.text, quote.start, quote.end))

    def _preceding(self, quote: Quote) -> Attribution | None:
        """The last reporting frame of the sentence before the one the utterance opens in."""
        index = self._context.document.sentence_at(quote.start) - 1
        if index < 0:
            return None
        found = self._context.attributions(index)
        return found[-1] if found else None

    def _introduced(self, quote: Quote) -> Attribution | None:
        """`Rzecznik wojewody tłumaczył:` closing the paragraph before the utterance's own."""
        context = self._context
        paragraphs = context.quotes.paragraphs
        if quote.paragraph == 0 or quote.start > paragraphs[quote.paragraph][0] + 2:
            return None
        previous_start, previous_end = paragraphs[quote.paragraph - 1]
        if not context.text[previous_start:previous_end].rstrip().endswith(":"):
            return None
        index = context.document.sentence_at(previous_end - 1)
        found = context.attributions(index)
        return found[-1] if found else None


def _carried(found: Attribution | None) -> Attribution | None:
    """Only the source carries into the utterance; its token positions belong to the narration."""
    return Attribution(found.source, found.source_kind, -1, -1, -1, "sentence") if found else None
