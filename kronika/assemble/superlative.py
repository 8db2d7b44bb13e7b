"""A figure given after a superlative names its noun before it: `najwięcej przypadków odnotowano na
Mazowszu – 4 tys. 120`, `najmniej wniosków złożono w Opolu – 310`. One pass over the sentence."""
from __future__ import annotations

from kronika.assemble.morph import Reading, Token
from kronika.assemble.sentence import Sentence

SUPERLATIVES = frozenset({"najwięcej", "najmniej"})
NOUN_POS = frozenset({"subst", "depr", "ger"})


def superlative_noun(sentence: Sentence) -> tuple[int, str] | None:
    """The token index and lemma of the plural genitive noun right after the sentence's first
    `najwięcej`/`najmniej`, if there is one."""
    tokens = sentence.tokens
    for k, token in enumerate(tokens[:-1]):
        if token.text.lower() in SUPERLATIVES:
            reading = _plural_genitive_noun(tokens[k + 1])
            return (k + 1, reading.lemma.lower()) if reading else None
    return None


def bare_superlative(sentence: Sentence) -> int | None:
    """The token index of a `najwięcej`/`najmniej` that opens the sentence with no noun after it (`Najwięcej w
    Mazowieckiem, 310 tys.`): the sentence goes on counting what the one before it counted."""
    tokens = sentence.tokens
    k = next((i for i, t in enumerate(tokens[:3]) if t.text.lower() in SUPERLATIVES), None)
    if k is None or k + 1 >= len(tokens):
        return None
    following = tokens[k + 1]
    if following.text[:1].isdigit() or _plural_genitive_noun(following) is not None:
        return None
    return k


def _plural_genitive_noun(token: Token) -> Reading | None:
    return next((r for r in token.readings if r.pos in NOUN_POS and r.has("pl") and r.has("gen")), None)
