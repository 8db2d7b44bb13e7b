"""What happened to what is counted: the nearest measure cue to the number, strong cues (events)
before weak ones (the usual role of the counted noun), the clause before the whole sentence."""
from __future__ import annotations

from dataclasses import dataclass

from kronika.assemble.lexicon import ClaimLexicon, MeasureCue
from kronika.assemble.sentence import Sentence

MULTIWORD_WINDOW = 4
# Where to look, in order: (strong cue?, in the number's own clause?).
SEARCH_ORDER = ((True, True), (False, True), (True, False), (False, False))


@dataclass(frozen=True)
class CueHit:
    index: int  # token index of the cue's first word
    measure: str
    strong: bool
    subject_is_actor: bool = True  # False: the verb's subject is the perpetrator or the recipient


def cue_hits(sentence: Sentence, lexicon: ClaimLexicon) -> list[CueHit]:
    """Every measure cue in the sentence; a speech verb followed by `, że` is attribution, not a cue."""
    hits = []
    tokens = sentence.tokens
    covered_until = 0
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        # The longest cue starting here wins: `zabitych i rannych` is casualties, not killed.
        matching = [(cue, end) for lemma in token.lemmas for cue in lexicon.measure_cues.get(lemma, ())
                     if (end := _match_end(sentence, i, cue)) is not None]
        if matching and i >= covered_until and not _introduces_speech(sentence, i, lexicon):
            best, end = max(matching, key=lambda match: (len(match[0].lemmas), match[0].strong))
            hits.append(CueHit(i, best.measure, best.strong, best.subject_is_actor))
            covered_until = end  # `z walki wyeliminowano`: the words of a longer cue make no cue of their own
    return hits


def choose_measure(sentence: Sentence, hits: list[CueHit], number: range, counted: range = range(0),
                   allowed: frozenset[str] | None = None) -> CueHit | None:
    """The cue nearest to the number's tokens `number` (cues inside it do not count); the counted noun
    itself (`zakładników`) is only a weak cue, the verb decides; `allowed` limits the measures."""
    clause = range(*sentence.clause_range(number.start))
    usable = [
        CueHit(h.index, h.measure, False, h.subject_is_actor) if h.index in counted else h
        for h in hits if h.index not in number and (allowed is None or h.measure in allowed)
    ]

    def distance(hit: CueHit) -> tuple[int, bool]:
        after = hit.index >= number.stop
        return (hit.index - number.stop + 1 if after else number.start - hit.index), after

    for strong, in_clause in SEARCH_ORDER:
        candidates = [h for h in usable if h.strong == strong and (h.index in clause or not in_clause)]
        if candidates:
            return min(candidates, key=distance)
    return None


def _match_end(sentence: Sentence, i: int, cue: MeasureCue) -> int | None:
    """Token index after the cue's last word if the cue's other lemmas follow in order, else None."""
    position = i
    for lemma in cue.lemmas[1:]:
        window = sentence.tokens[position + 1 : position + 1 + MULTIWORD_WINDOW]
        found = None
        for k, token in enumerate(window):
            if not token.is_word:
                return None  # a cue does not reach across punctuation: `23 zabitych; rannych jest 50`
            if lemma in token.lemmas:
                found = k
                break
        if found is None:
            return None
        position += found + 1
    return position + 1


def _introduces_speech(sentence: Sentence, i: int, lexicon: ClaimLexicon) -> bool:
    if not (sentence.tokens[i].lemmas & lexicon.speech_verbs):
        return False
    if i and sentence.tokens[i - 1].text.lower() in ("jak", "-", "–", "—", ","):
        return True  # `Jak przekazał...`, `... – przekazał komendant`
    following = [t.text.lower() for t in sentence.tokens[i + 1 : i + 5]]
    return "że" in following or "iż" in following or ":" in following
