"""Reading a text as a string of token kinds, one character per token (see grammar.py).

The work per token is one dictionary look-up inside a list comprehension: no per-token Python
branching, so the whole text is read at C speed but for that look-up.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from itertools import accumulate
from typing import overload

from kronika.timex.grammar import KINDS, OTHER_PUNCTUATION, PUNCTUATION
from kronika.timex.lexicon import SIDE_CATEGORIES, Lexicon, fold

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
    kinds.update({c: KINDS["word"] for c in string.ascii_letters + "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"})
    kinds.update({c: c for c in PUNCTUATION})
    kinds.update({c: "-" for c in "–—‑−"})
    kinds.update({c: "'" for c in "’‘`´"})
    kinds.update({c: KINDS["nl"] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})
    for c in " \t\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
        kinds[c] = KINDS["sp"]
    return kinds


class Folded:
    """Tokens folded (lower case, no diacritics) on demand: rules look at few of them."""

    def __init__(self, words: list[str]):
        self.words = words

    @overload
    def __getitem__(self, key: int) -> str: ...
    @overload
    def __getitem__(self, key: slice) -> list[str]: ...
    def __getitem__(self, key: int | slice) -> str | list[str]:
        if isinstance(key, slice):
            return [fold(word) for word in self.words[key]]
        return fold(self.words[key])

    def __len__(self) -> int:
        return len(self.words)


@dataclass(slots=True)
class Tokens:
    """A text cut into tokens: the token strings, their start offsets and the kind string."""

    text: str
    words: list[str]
    starts: list[int]  # starts[i] is where token i begins; starts[-1] == len(text)
    kinds: str
    folded: Folded

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets of tokens first..last-1."""
        return self.starts[first], self.starts[last]


def _spellings(form: str) -> set[str]:
    """The ways a lexicon form may be written: as is, capitalised, in capitals, and each without
    diacritics (a text typed without them); other spellings of a known form are other words
    (`mają` is not `maja`)."""
    variants: set[str] = set()
    for base in (form, fold(form)):
        variants.update((base, base.capitalize(), base.upper()))
    return variants


class Tokenizer:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._word_kinds = _digit_kinds()
        for form, form_entries in lexicon.entries.items():
            kind = lexicon.token_kind.get(form)
            if kind is None:
                continue
            for entry in form_entries:
                if entry.category in SIDE_CATEGORIES:
                    continue  # `mają` is listed as an age cue, not as a spelling of `maja`
                for spelling in _spellings(entry.form):
                    self._word_kinds[spelling] = kind
        self._first_kinds = _first_char_kinds()
        for char, kind in self._first_kinds.items():  # a one-character token (a space, a comma) in one look-up
            self._word_kinds.setdefault(char, kind)

    def __call__(self, text: str) -> Tokens:
        words = TOKEN.findall(text)
        known = self._word_kinds.get
        first = self._first_kinds.get
        other = OTHER_PUNCTUATION
        word = KINDS["word"]
        kinds = "".join([known(t) or first(t[0]) or (word if t[0].isalpha() else other) for t in words])
        starts = list(accumulate(map(len, words), initial=0))
        return Tokens(text, words, starts, kinds, Folded(words))
