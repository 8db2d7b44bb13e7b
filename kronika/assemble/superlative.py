"""A figure given after a superlative names its noun before it: `najwięcej przypadków odnotowano na
Mazowszu – 4 tys. 120`, `najmniej wniosków złożono w Opolu – 310`. One pass over the sentence."""
from __future__ import annotations

from kronika.assemble.sentence import Sentence

SUPERLATIVES = frozenset({"najwięcej", "najmniej"})
NOUN_POS = frozenset({"subst", "depr", "ger"})


def superlative_noun(sentence: Sentence) -> tuple[int, str] | None:
    """The token index and lemma of the plural genitive noun right after the sentence's first
    `najwięcej`/`najmniej`, if there is one."""
    tokens = sentence.tokens
    for k, token in enumerate(tokens[:-1]):
        if token.text.lower() in SUPERLATIVES:
            reading = next((r for r in tokens[k + 1].readings
                            if r.pos in NOUN_POS and r.has("pl") and r.has("gen")), None)
            return (k + 1, reading.lemma.lower()) if reading else None
    return None
