"""Who the article says gave a number: `według X`, `zdaniem X`, `jak podał X`, `X poinformował, że`,
post-posed `– poinformował X`, `wynika z raportu X`, `powołując się na X`.

The agent of an action is not a source: only these reporting frames make one. The outlet that
published the article is never the source either.
"""
from __future__ import annotations

from dataclasses import dataclass

from kronika.assemble.lexicon import SOURCE_KIND_ORDER, ClaimLexicon
from kronika.assemble.morph import Token
from kronika.assemble.nominative import nominative_phrase
from kronika.assemble.sentence import Sentence
from kronika.mentions import EntityMention

PHRASE_POS = frozenset({"subst", "adj", "ppas", "pact", "ger", "depr", "brev", "ign"})
COORDINATORS = frozenset({"i", "oraz", ","})
MAX_PHRASE_TOKENS = 12
ENTITY_SOURCE_KINDS = {
    "intelligence": "intelligence", "government": "government", "media": "media",
    "organisation": "organisation", "person": "person", "group": "organisation",
}


@dataclass(frozen=True)
class Attribution:
    source: str
    source_kind: str
    first: int  # token range of the source phrase
    last: int
    cue: int  # token index of the reporting word
    scope: str  # "sentence", "after" (numbers after the cue), "before" (numbers before the cue)

    def covers(self, number_index: int) -> bool:
        if self.first <= number_index < self.last:
            return False
        if self.scope == "after":
            return number_index > self.cue
        if self.scope == "before":
            return number_index < self.cue
        return True


def find_attributions(sentence: Sentence, text: str, entities: list[EntityMention],
                      lexicon: ClaimLexicon, stops: frozenset[int] = frozenset()) -> list[Attribution]:
    """Reporting frames in the sentence; `stops` are token indexes a source phrase cannot include
    (time expressions: `We wtorek ministerstwo podało, że...`)."""
    found = []
    tokens = sentence.tokens
    lowered = [t.text.lower() for t in tokens]
    i = 0
    while i < len(tokens):
        preposed = _preposed_at(lowered, i, lexicon)
        if preposed:
            length, case = preposed
            last = _phrase_end(tokens, i + length, case)
            if last > i + length:
                found.append(_make(sentence, text, entities, lexicon, i + length, last, case, i, "sentence"))
                i = last
                continue
        if tokens[i].lemmas & lexicon.speech_verbs and _is_finite_verb(tokens[i]):
            attribution = _around_speech_verb(sentence, text, entities, lexicon, i, stops)
            if attribution:
                found.append(attribution)
        i += 1
    return found


def attribution_for(attributions: list[Attribution], number_index: int) -> Attribution | None:
    covering = [a for a in attributions if a.covers(number_index)]
    return min(covering, key=lambda a: abs(a.cue - number_index)) if covering else None


def opens_continuation(text: str, start: int, lexicon: ClaimLexicon) -> bool:
    """Does the sentence starting at `start` continue the previous one's report (`To zarówno...`)?"""
    head = text[start : start + 40]
    return any(head.startswith(opener) and not head[len(opener) : len(opener) + 1].isalpha()
               for opener in lexicon.continuation_openers)


def _preposed_at(lowered: list[str], i: int, lexicon: ClaimLexicon) -> tuple[int, str] | None:
    for length in range(lexicon.preposed_max_words, 0, -1):
        key = tuple(lowered[i : i + length])
        if len(key) == length and key in lexicon.preposed:
            return length, lexicon.preposed[key]
    return None


def _is_finite_verb(token: Token) -> bool:
    return any(r.pos in ("praet", "fin", "pcon", "impt") for r in token.readings)


def _phrase_end(tokens: list[Token], first: int, case: str | None) -> int:
    """End of the noun phrase starting at `first`: words that can stand in `case`, names and acronyms,
    coordination between them, an acronym in brackets."""
    k = first
    while k < len(tokens) and k - first < MAX_PHRASE_TOKENS:
        token = tokens[k]
        if token.text == "(" and k + 2 < len(tokens) and tokens[k + 2].text == ")" and tokens[k + 1].text.isupper():
            k += 3
            continue
        if token.text in COORDINATORS and k > first:
            if k + 1 < len(tokens) and tokens[k + 1].is_word and _phrase_word(tokens[k + 1], case):
                k += 1
                continue
            break
        if not token.is_word or not _phrase_word(token, case):
            break
        k += 1
    return k


def _phrase_word(token: Token, case: str | None) -> bool:
    if token.text.isupper() and len(token.text) > 1:
        return True  # an acronym: NIS, ONZ, ISW
    for reading in token.readings:
        if reading.pos in ("ign", "brev"):
            return token.text[:1].isupper()
        if reading.pos in PHRASE_POS and (case is None or reading.has(case)):
            return True
    return False


def _around_speech_verb(sentence: Sentence, text: str, entities: list[EntityMention],
                        lexicon: ClaimLexicon, verb: int, stops: frozenset[int]) -> Attribution | None:
    tokens = sentence.tokens
    previous = tokens[verb - 1].text if verb else ""
    if previous.lower() == "jak" or previous in ("-", "–", "—", ","):
        # `Jak podało ministerstwo, ...` and post-posed `... – poinformował rzecznik X.`
        last = _phrase_end(tokens, verb + 1, "nom")
        if last == verb + 1:
            return None
        scope = "sentence" if previous.lower() == "jak" else "before"
        return _make(sentence, text, entities, lexicon, verb + 1, last, "nom", verb, scope)
    # `X poinformował (we wtorek), że ...`: X ends right before the verb.
    following = [t.text.lower() for t in tokens[verb + 1 : verb + 6]]
    if not ({"że", "iż", ":"} & set(following)):
        return None
    first = verb
    while first > 0 and first - 1 not in stops:
        if first >= 3 and tokens[first - 1].text == ")" and tokens[first - 3].text == "(":
            first -= 3
        elif tokens[first - 1].is_word and _phrase_word(tokens[first - 1], None):
            first -= 1
        else:
            break
    while first < verb and not any(r.has("nom") or r.pos in ("ign", "brev") for r in tokens[first].readings):
        first += 1  # the phrase starts at its nominative head or a name: drop a leading complement
    if first == verb:
        return None
    return _make(sentence, text, entities, lexicon, first, verb, "nom", verb, "after")


def _make(sentence: Sentence, text: str, entities: list[EntityMention], lexicon: ClaimLexicon,
          first: int, last: int, case: str, cue: int, scope: str) -> Attribution:
    tokens = sentence.tokens
    # `według danych ONZ`: the report is a wrapper, the source is what follows it.
    if last - first > 1 and tokens[first].lemmas & lexicon.source_wrappers and tokens[first + 1].text[:1].isupper():
        first += 1
    phrase = tokens[first:last]
    source = nominative_phrase(phrase, text, case)
    return Attribution(source, _source_kind(phrase, entities, lexicon), first, last, cue, scope)


def _source_kind(phrase: list[Token], entities: list[EntityMention], lexicon: ClaimLexicon) -> str:
    start, end = phrase[0].start, phrase[-1].end
    kinds = set()
    for entity in entities:
        if entity.start >= start and entity.end <= end and entity.form != "adjective":
            if entity.kind == "country" or entity.form == "capital":
                kinds.add("government")
            elif entity.kind in ENTITY_SOURCE_KINDS:
                kinds.add(ENTITY_SOURCE_KINDS[entity.kind])
    for token in phrase:
        kinds.update(lexicon.source_kinds[lemma] for lemma in token.lemmas if lemma in lexicon.source_kinds)
    for kind in SOURCE_KIND_ORDER:
        if kind in kinds:
            return kind
    return "person" if any(t.text[:1].isupper() for t in phrase) else "unnamed"
