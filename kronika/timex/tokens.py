"""Reading a text as a string of token kinds, one character per token (see grammar.py).

The work per token is one dictionary look-up inside a list comprehension: no per-token Python
branching, so the whole text is read at C speed but for that look-up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from kronika.timex.grammar import KINDS, OTHER_PUNCTUATION, PUNCTUATION, WORD_KINDS
from kronika.timex.lexicon import Lexicon, fold

_KNOWN_WORD = re.compile("[" + re.escape("".join(WORD_KINDS.values())) + "]")

# Runs of digits, runs of letters, spaces within a line, whitespace with a line break, one other char.
TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\S\n\r]+|\s+|.", re.DOTALL)


def _digit_kinds() -> dict[str, str]:
    kinds = {}
    for n in range(100):
        kinds[str(n)] = kinds[f"{n:02d}"] = KINDS["day"]
    for n in range(1000):
        kinds[f"{n:03d}"] = KINDS["num3"]
    for n in range(10000):
        kinds[f"{n:04d}"] = KINDS["year"] if 1000 <= n <= 2099 else KINDS["number"]
    return kinds


def _first_char_kinds() -> dict[str, str]:
    """The kind of a token that the lexicon does not know, from its first character."""
    kinds = {c: KINDS["number"] for c in "0123456789"}
    kinds.update({c: c for c in PUNCTUATION})
    kinds.update({c: KINDS["nl"] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})
    for c in " \t\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
        kinds[c] = KINDS["sp"]
    return kinds


@dataclass(slots=True)
class Tokens:
    """A text cut into tokens: folded token strings, their start offsets and the kind string."""

    text: str
    folded: list[str]
    starts: list[int]  # starts[i] is where token i begins; starts[-1] == len(text)
    kinds: str

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets of tokens first..last-1."""
        return self.starts[first], self.starts[last]


class Tokenizer:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._word_kinds = {**_digit_kinds(), **lexicon.token_kind}
        self._first_kinds = _first_char_kinds()

    def __call__(self, text: str) -> Tokens:
        folded = TOKEN.findall(fold(text))
        words = self._word_kinds.get
        first = self._first_kinds.get
        word, other = KINDS["word"], OTHER_PUNCTUATION
        kinds = "".join(
            [words(t) or first(t[0]) or (word if t[0].isalpha() else other) for t in folded]
        )
        kinds = self._drop_collisions(text, folded, kinds)
        starts = list(accumulate(map(len, folded), initial=0))
        return Tokens(text, folded, starts, kinds)

    def _drop_collisions(self, text: str, folded: list[str], kinds: str) -> str:
        """Known tokens spelled with diacritics the lexicon does not have are other words: `że`, `mają`."""
        originals = TOKEN.findall(text)  # folding keeps every boundary, so tokens line up
        spellings = self.lexicon.spellings
        dropped = [
            m.start() for m in _KNOWN_WORD.finditer(kinds)
            if (o := originals[m.start()].lower()) != folded[m.start()] and o not in spellings
        ]
        if not dropped:
            return kinds
        chars = list(kinds)
        for i in dropped:
            chars[i] = KINDS["word"]
        return "".join(chars)
