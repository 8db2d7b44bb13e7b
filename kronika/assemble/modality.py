"""How the article holds the figure: asserted, reported (`miało dotrzeć`, `podobno`), planned
(`planuje wysłać`), possible (`mogła przekazać`) or denied (`zaprzeczył`, `nie wysłała`)."""
from __future__ import annotations

from kronika.assemble.lexicon import ClaimLexicon, ModalityCue
from kronika.assemble.morph import Token
from kronika.assemble.sentence import Sentence

SKIPPABLE = frozenset({"już", "się", "nie", "też", "także", "również", "jeszcze", "ponownie", "dopiero", "tam"})


def modality_of(sentence: Sentence, number: int, cue: int | None, lexicon: ClaimLexicon) -> str:
    """Modality for the number at token `number` whose measure cue is at token `cue`."""
    tokens = sentence.tokens
    reach = max(number, cue if cue is not None else number)
    clause_start, _ = sentence.clause_range(number)
    if cue is not None:
        clause_start = min(clause_start, sentence.clause_range(cue)[0])
    if cue is not None and cue > 0 and tokens[cue - 1].text.lower() == "nie":
        return "denied"
    best: tuple[int, str] | None = None
    for k in range(0, reach):
        for match in modality_cues_at(tokens, k, lexicon):
            # Verbs governing a complement clause reach across it (`zaprzeczył, jakoby wysłał...`).
            if not match.reaches_sentence and k < clause_start:
                continue
            if best is None or k > best[0]:
                best = (k, match.modality)
    return best[1] if best else "asserted"


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
