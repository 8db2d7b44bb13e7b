"""What happened to what is counted: the nearest measure cue to the number, strong cues (events)
before weak ones (the usual role of the counted noun), the clause before the whole sentence."""
from __future__ import annotations

from dataclasses import dataclass

from kronika.assemble.lexicon import ClaimLexicon, MeasureCue
from kronika.assemble.morph import readings
from kronika.assemble.sentence import Sentence
from kronika.reconcile.subject_kinds import subject_kind

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


# Counted things that are sent as supplies, not deployed: `wysłał miliony pocisków` is a delivery.
EQUIPMENT_KINDS = frozenset({
    "missiles", "artillery shells", "drones", "artillery pieces", "armoured vehicles", "aircraft", "vehicles",
    "ships", "launchers", "helicopters", "bombs", "ammunition", "weapons", "tanks", "small arms",
    "projectiles", "mines", "air defence systems",
})
# Kinds of counted people: who can be deployed, and who are people at all.
DEPLOYABLE_KINDS = frozenset({"soldiers", "police officers", "border guards", "rescuers", "medics"})
PEOPLE_KINDS = DEPLOYABLE_KINDS | {"people", "civilians", "children", "women", "workers", "journalists"}
# Money is supplied (`przekazał`, `trafi do`) or it is no event of the taxonomy.
CURRENCY_MEASURES = frozenset({"supplied", "deployed"})


def measure_of(sentence: Sentence, hits: list[CueHit], number: range, counted: range, unit: str | None,
             subject: str | None) -> tuple[CueHit | None, str]:
    """The measure from the nearest cue, checked against what is counted: percentages are shares, not
    events; money is supplied or nothing; things that are sent are supplied, things lost destroyed;
    people handed over are released; civilians are not deployed."""
    if unit in ("percent", "share") or partitive_total(sentence, number):
        return None, "other"
    currency = unit is not None
    cue = choose_measure(sentence, hits, number, counted, CURRENCY_MEASURES if currency else None)
    kind = subject_kind(subject)
    if cue is None:
        return None, "deployed" if kind in DEPLOYABLE_KINDS else "other"
    measure = cue.measure
    thing = currency or kind in EQUIPMENT_KINDS or (kind not in PEOPLE_KINDS and _inanimate(subject))
    if measure == "deployed" and thing:
        measure = "supplied"
    elif measure == "casualties" and thing:
        measure = "destroyed"
    elif measure == "supplied" and kind in PEOPLE_KINDS:
        measure = "released"
    elif measure == "deployed" and kind in PEOPLE_KINDS and kind not in DEPLOYABLE_KINDS:
        other = choose_measure(sentence, [h for h in hits if h.measure != "deployed"], number, counted)
        return (other, other.measure) if other else (None, "other")
    return cue, measure


def partitive_total(sentence: Sentence, number: range) -> bool:
    """`52 z 70 dronów`: the 70 is the total the first number is part of."""
    tokens = sentence.tokens
    k = number.start
    return k >= 2 and tokens[k - 1].text.lower() in ("z", "ze") and tokens[k - 2].text[:1].isdigit()


def _inanimate(subject: str | None) -> bool:
    """Masculine inanimate or neuter nouns count things (`system`, `pocisk`), not people."""
    if not subject:
        return False
    nouns = [r for r in readings(subject.split()[0]) if r.pos == "subst"]
    return bool(nouns) and all(r.has("m3") or r.has("n") for r in nouns)
