"""What happened to what is counted: the nearest measure cue to the number, strong cues (events)
before weak ones (the usual role of the counted noun), the clause before the whole sentence."""
from __future__ import annotations

from dataclasses import dataclass

from kronika.assemble.lexicon import ClaimLexicon, MeasureCue
from kronika.assemble.sentence import Sentence

MULTIWORD_WINDOW = 3
# Where to look, in order: (strong cue?, in the number's own clause?).
SEARCH_ORDER = ((True, True), (False, True), (True, False), (False, False))


@dataclass(frozen=True)
class CueHit:
    index: int  # token index of the cue's first word
    measure: str
    strong: bool


def cue_hits(sentence: Sentence, lexicon: ClaimLexicon) -> list[CueHit]:
    """Every measure cue in the sentence; a speech verb followed by `, że` is attribution, not a cue."""
    hits = []
    tokens = sentence.tokens
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        for lemma in token.lemmas:
            for cue in lexicon.measure_cues.get(lemma, ()):
                if _rest_matches(sentence, i, cue) and not _introduces_speech(sentence, i, lexicon):
                    hits.append(CueHit(i, cue.measure, cue.strong))
                    break
            else:
                continue
            break
    return hits


def choose_measure(sentence: Sentence, hits: list[CueHit], number: range,
                   allowed: frozenset[str] | None = None) -> CueHit | None:
    """The cue nearest to the number's tokens `number` (cues inside it do not count); `allowed`
    limits the measures (money is only ever supplied)."""
    clause = range(*sentence.clause_range(number.start))
    usable = [h for h in hits if h.index not in number and (allowed is None or h.measure in allowed)]

    def distance(hit: CueHit) -> tuple[int, bool]:
        after = hit.index >= number.stop
        return (hit.index - number.stop + 1 if after else number.start - hit.index), after

    for strong, in_clause in SEARCH_ORDER:
        candidates = [h for h in usable if h.strong == strong and (h.index in clause or not in_clause)]
        if candidates:
            return min(candidates, key=distance)
    return None


def _rest_matches(sentence: Sentence, i: int, cue: MeasureCue) -> bool:
    position = i
    for lemma in cue.lemmas[1:]:
        window = sentence.tokens[position + 1 : position + 1 + MULTIWORD_WINDOW]
        found = next((k for k, t in enumerate(window) if lemma in t.lemmas), None)
        if found is None:
            return False
        position += found + 1
    return True


def _introduces_speech(sentence: Sentence, i: int, lexicon: ClaimLexicon) -> bool:
    if not (sentence.tokens[i].lemmas & lexicon.speech_verbs):
        return False
    if i and sentence.tokens[i - 1].text.lower() in ("jak", "-", "–", "—", ","):
        return True  # `Jak przekazał...`, `... – przekazał komendant`
    following = [t.text.lower() for t in sentence.tokens[i + 1 : i + 5]]
    return "że" in following or "iż" in following or ":" in following
