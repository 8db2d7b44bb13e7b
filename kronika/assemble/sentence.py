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
# Words that open a relative clause: one embedded in its main clause ends at the next comma (`W gminie
# Kłecko, gdzie wybierany jest wójt, do godz. 17 głosowało 30 proc.`), and the main clause goes on.
RELATIVE_OPENERS = frozenset({
    "który", "która", "które", "którzy", "których", "którym", "którymi", "której", "którego", "gdzie", "kiedy",
    "gdy",
})
# Parts of speech of a predicate: what the words after such a comma need to be a main clause going on
# rather than an enumeration inside the relative clause (`którzy mieli 3 kg kokainy, 2 kg heroiny`).
_PREDICATE_POS = frozenset({"fin", "praet", "imps", "bedzie", "pred", "winien"})
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
    # clause -> the earlier clause it goes on with, past an embedded relative clause (`W gminie Kłecko,
    # gdzie ..., głosowało 30 proc.`: the third clause goes on with the first)
    resumes: dict[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Sentence:
        tokens = tokenize(text, start, end)
        clause_of, clause, reported = [], 0, []
        relative_of: int | None = None  # the clause an open relative clause is embedded in
        resumes: dict[int, int] = {}
        for i, token in enumerate(tokens):
            if token.text in HARD_BREAKS or (token.text == "-" and _spaced(text, token)):
                clause += 1
                relative_of = None
            elif token.text == "," and i + 1 < len(tokens) and tokens[i + 1].text.lower() in CLAUSE_OPENERS:
                clause += 1
                opener = tokens[i + 1].text.lower()
                relative_of = clause - 1 if opener in RELATIVE_OPENERS else None
                if opener in COMPLEMENTIZERS:
                    reported.append(i + 2)
            elif token.text == "," and relative_of is not None and _goes_on(tokens, i + 1):
                clause += 1
                resumes[clause] = relative_of
                relative_of = None
            clause_of.append(clause)
        return cls(start, end, tokens, clause_of, [t.start for t in tokens], reported, resumes=resumes)

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

    def resumed_range(self, index: int) -> tuple[int, int] | None:
        """Token index range of the clause that the clause holding `index` goes on with past an embedded
        relative clause, or None."""
        earlier = self.resumes.get(self.clause_of[min(index, len(self.tokens) - 1)])
        if earlier is None:
            return None
        return bisect.bisect_left(self.clause_of, earlier), bisect.bisect_right(self.clause_of, earlier)


def _goes_on(tokens: list[Token], first: int) -> bool:
    """Whether the words from `first` to the next break hold a predicate: a main clause going on after
    a relative clause closed by a comma, not one more item of a list inside it."""
    for index in range(first, len(tokens)):
        token = tokens[index]
        if token.text in HARD_BREAKS or token.text == ",":
            return False
        if any(reading.pos in _PREDICATE_POS for reading in token.readings):
            return True
    return False


def _spaced(text: str, token: Token) -> bool:
    """A hyphen between spaces is a dash (`Moskwa - podał...`), not part of a word."""
    return (token.start == 0 or text[token.start - 1].isspace()) and (
        token.end >= len(text) or text[token.end].isspace()
    )
