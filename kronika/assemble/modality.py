"""How the article holds the figure: asserted, reported (`miało dotrzeć`, `podobno`), planned
(`planuje wysłać`), possible (`mogła przekazać`) or denied (`zaprzeczył`, `nie wysłała`)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from kronika.assemble.lexicon import ClaimLexicon, ModalityCue
from kronika.assemble.morph import Token
from kronika.assemble.sentence import Sentence

SKIPPABLE = frozenset({"już", "się", "nie", "też", "także", "również", "jeszcze", "ponownie", "dopiero", "tam"})


@dataclass
class SentenceModality:
    """The modality cues of one sentence in token order, found once; those that govern a complement
    clause (`zaprzeczył, jakoby...`) also listed apart, as they reach across clauses."""
    positions: list[int]
    modalities: list[str]
    reaching: list[int]
    reaching_modalities: list[str]

    @classmethod
    def of(cls, sentence: Sentence, lexicon: ClaimLexicon) -> SentenceModality:
        cues = [(k, cue) for k in range(len(sentence.tokens)) for cue in modality_cues_at(sentence.tokens, k, lexicon)]
        reaching = [(k, cue) for k, cue in cues if cue.reaches_sentence]
        return cls([k for k, _ in cues], [cue.modality for _, cue in cues],
                   [k for k, _ in reaching], [cue.modality for _, cue in reaching])

    @property
    def reported(self) -> bool:
        """`miało już dotrzeć`, `podobno`: the sentence passes on someone else's report."""
        return "reported" in self.modalities


def modality_of(sentence: Sentence, cues: SentenceModality, number: int, cue: int | None) -> str:
    """Modality for the number at token `number` whose measure cue is at token `cue`: the last cue
    before both, within their clauses unless it reaches across them."""
    tokens = sentence.tokens
    reach = max(number, cue if cue is not None else number)
    clause_start, _ = sentence.clause_range(number)
    if cue is not None:
        clause_start = min(clause_start, sentence.clause_range(cue)[0])
    if cue is not None and cue > 0 and tokens[cue - 1].text.lower() == "nie":
        return "denied"
    near = _last_cue_before(cues.positions, cues.modalities, reach)
    if near is not None and near[0] < clause_start:
        near = None
    far = _last_cue_before(cues.reaching, cues.reaching_modalities, reach)
    if far is not None and (near is None or far[0] > near[0]):
        return far[1]
    return near[1] if near else "asserted"


def _last_cue_before(positions: list[int], modalities: list[str], end: int) -> tuple[int, str] | None:
    """The cue at the last position before `end` that has one (the first cue there)."""
    k = bisect.bisect_left(positions, end) - 1
    if k < 0:
        return None
    first = bisect.bisect_left(positions, positions[k])
    return positions[first], modalities[first]


def modality_cues_at(tokens: list[Token], k: int, lexicon: ClaimLexicon) -> list[ModalityCue]:
    token = tokens[k]
    if not token.is_word:
        return []
    found = []
    for lemma in token.lemmas:
        for cue in lexicon.modality_cues.get(lemma, ()):
            if cue.form != "any" and not any(r.pos == cue.form for r in token.readings if r.lemma.lower() == lemma):
                continue
            if cue.needs_infinitive and not _infinitive_follows(tokens, k):
                continue
            found.append(cue)
    return found


def _infinitive_follows(tokens: list[Token], k: int) -> bool:
    for token in tokens[k + 1 : k + 4]:
        if token.text.lower() in SKIPPABLE:
            continue
        return any(r.pos == "inf" for r in token.readings)
    return False
