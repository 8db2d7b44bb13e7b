"""A sentence seen as tokens split into clauses: the window in which a number's cues are looked for."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from kronika.assemble.morph import Token, tokenize

# Words that open a subordinate or coordinate clause after a comma.
CLAUSE_OPENERS = frozenset({
    "że", "iż", "który", "która", "które", "którzy", "których", "którym", "którymi", "której", "którego",
    "aby", "by", "żeby", "gdy", "kiedy", "ponieważ", "bo", "choć", "chociaż", "jednak", "a", "ale", "lecz",
    "jak", "gdzie", "dokąd", "skąd", "co", "czy", "jeśli", "jeżeli", "natomiast", "zaś", "podczas", "zanim",
    "jakoby",
})
# Words that open reported speech after a comma (`poinformował w Seulu, że ...`).
COMPLEMENTIZERS = frozenset({"że", "iż"})
# Brackets do not break a clause: `zabici i zmarli (ok. tysiąca żołnierzy)` counts the killed.
HARD_BREAKS = frozenset({";", ":", "–", "—"})


@dataclass
class Sentence:
    start: int
    end: int
    tokens: list[Token]
    clause_of: list[int] = field(default_factory=list)  # clause number of each token
    _starts: list[int] = field(default_factory=list)
    reported_starts: list[int] = field(default_factory=list)  # token index after each `, że` / `, iż`
    # Filled on first use by kronika.assemble.roles: (token index, place name) of the dictionary's place
    # names, and the token indices of part openers (`w tym`), so each number only looks them up.
    toponyms: list[tuple[int, str]] | None = None
    part_openers: list[int] | None = None

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Sentence:
        tokens = tokenize(text, start, end)
        clause_of, clause, reported = [], 0, []
        for i, token in enumerate(tokens):
            if token.text in HARD_BREAKS or (token.text == "-" and _spaced(text, token)):
                clause += 1
            elif token.text == "," and i + 1 < len(tokens) and tokens[i + 1].text.lower() in CLAUSE_OPENERS:
                clause += 1
                if tokens[i + 1].text.lower() in COMPLEMENTIZERS:
                    reported.append(i + 2)
            clause_of.append(clause)
        return cls(start, end, tokens, clause_of, [t.start for t in tokens], reported)

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self._starts, offset)

    def index_before(self, offset: int) -> int:
        """Index of the last token ending at or before `offset` (-1 if none)."""
        return bisect.bisect_left(self._starts, offset) - 1

    def clause_range(self, index: int) -> tuple[int, int]:
        """Token index range [first, last+1) of the clause holding token `index`."""
        clause = self.clause_of[min(index, len(self.tokens) - 1)]
        first = bisect.bisect_left(self.clause_of, clause)
        last = bisect.bisect_right(self.clause_of, clause)
        return first, last


def _spaced(text: str, token: Token) -> bool:
    """A hyphen between spaces is a dash (`Moskwa - podał...`), not part of a word."""
    return (token.start == 0 or text[token.start - 1].isspace()) and (
        token.end >= len(text) or text[token.end].isspace()
    )
