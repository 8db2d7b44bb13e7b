"""How the article holds the figure: asserted, reported (`miało dotrzeć`, `podobno`), planned
(`planuje wysłać`, `trafi`, `będzie kosztować`), possible (`mogła przekazać`, `zdobyłaby`) or denied
(`zaprzeczył`, `nieprawdą jest, że`).

Two layers, read once per sentence. Lexical cues (kronika/lang/<lang>/claims/modality_cues.tsv) are
words: the last one before the figure in its clause sets the modality (or, when the figure opens its
clause, the one at the predicate after it: `Kolejne 6 mld euro może wpłynąć`), and a verb that governs a
complement (`zapowiedział, że...`, `zaprzeczył, jakoby...`) reaches over the clauses of its complement,
up to a coordinated clause, a coordinated reporting verb or a relative clause on its object
(modality_scope_ends.tsv); a denial holds every figure of its complement. A participle cue speaks only
for its own noun phrase (`z obiecanych 300 czołgów`). When no word speaks, the grammar does: the tense
of the figure's predicate, read from morfeusz2 tags (the perfective present is a future, `-by` a
conditional), mapped to a modality by the data file's `*` rows; a clause without a verb of its own
(`PiS – 149, a Konfederacja – 78`) takes the tense of the clause it continues.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kronika.assemble.lexicon import ClaimLexicon, ModalityCue
from kronika.assemble.morph import Token, ordered_lemmas
from kronika.assemble.morph import lemmas as morph_lemmas
from kronika.assemble.morph import readings as morph_readings
from kronika.assemble.sentence import Sentence

# Parts of speech of a verb form that can head a clause (morfeusz2 tags).
PREDICATE_POS = frozenset({"fin", "praet", "bedzie", "imps", "impt", "pred", "winien"})
# Parts of speech that never head a clause nor stop an auxiliary from reaching its infinitive.
_NON_VERBAL = frozenset({"subst", "depr", "adj", "adja", "adjp", "adjc", "adv", "num", "numcol", "prep", "conj",
                         "comp", "part", "qub", "interj", "ppron12", "ppron3", "siebie", "brev", "dig", "romandig",
                         "ign", "burk", "xxx"})
# A word with one of these readings may stand between an auxiliary and its infinitive (`miało to być`).
_PASSABLE = frozenset({"part", "qub", "adv", "conj"})
INFINITIVE_WINDOW = 5  # tokens an auxiliary (`mogą w tym roku przekroczyć`) may stand before its infinitive
ATTRIBUTIVE_WINDOW = 4  # tokens from a participle cue to the figure of its noun phrase
_NOMINAL = frozenset({"subst", "depr", "ger"})  # readings that make a verb form a weaker predicate


@dataclass(frozen=True)
class _Cue:
    position: int
    modality: str
    scope_end: int  # for cues that reach over their complement: the first token past it


@dataclass
class SentenceModality:
    """The modality cues of one sentence in token order, found once: lexical cues, those among them that
    govern a complement (with the complement's end), and the tense of every predicate."""
    positions: list[int]
    modalities: list[str]
    following: list[int]  # positions of the cues that speak for a figure before them, predicatives included
    following_modalities: list[str]
    reaching: list[_Cue]
    predicates: list[int]  # token positions of verb forms that can head a clause
    tenses: list[str]  # their tense: future, conditional, past, present
    nominal: list[bool]  # the form may be a noun and follows a verb (`weźmie udział`): a weaker predicate
    tense_modality: dict[str, str]
    clause_has_predicate: list[bool]
    predicate_set: frozenset[int]
    origins: dict[int, str]  # token right after a word that marks the start of a change -> its modality
    attributive: dict[int, str]  # participles (`obiecanych`, `planowanych`): they speak for their own phrase
    predicatives: frozenset[int]  # cues that speak only as a predicative after a copula (`są nieprawdziwe`)
    relative_start: list[int]  # for every token, the start of the relative clause it stands in, else -1
    # (empty when the sentence has no cue that reaches over clauses)
    verb_breaks: list[int]  # verbs after a comma that open a clause of their own (`, jest ich 40`)
    outstanding: frozenset[int]  # `wciąż`, `jeszcze`: beside a negated verb, an amount still missing

    @classmethod
    def of(cls, sentence: Sentence, lexicon: ClaimLexicon) -> SentenceModality:
        tokens = sentence.tokens
        may_cue = _cue_words(lexicon)  # most words are no cue: one look-up each, per word form
        found = [(k, cue) for k, token in enumerate(tokens) if may_cue(token.text)
                 for cue in modality_cues_at(tokens, k, lexicon)]
        attributive = {k: cue.modality for k, cue in found if _participle(tokens[k], cue)}
        outstanding = frozenset(k for k, cue in found if cue.outstanding)
        cues = [(k, cue) for k, cue in found if not cue.origin and not cue.outstanding and k not in attributive]
        origins = {k + 1: cue.modality for k, cue in found if cue.origin and _change_ends(sentence, k + 1, cue)}
        reaching: list[_Cue] = []
        relative_start: list[int] = []
        if any(cue.reaches_sentence for _, cue in cues):  # most sentences have no complement to scope
            ends, relative_start = _scope_ends(sentence, lexicon)
            reaching = [_Cue(k, cue.modality, ends[k]) for k, cue in cues if cue.reaches_sentence]
        predicates, tenses, nominal = [], [], []
        for k, token in enumerate(tokens):
            text = token.text
            if _word_tense(text)[0] is None and (len(text) != 2 or text.lower() != "by"):
                continue  # what tense_at says first: no verb form, nor a standalone `by`
            tense = tense_at(tokens, k)
            if tense is not None:
                predicates.append(k)
                tenses.append(tense)
                # A form that may be a noun right after a verb is its object: `weźmie udział`.
                nominal.append(any(r.pos in _NOMINAL for r in token.readings)
                               and bool(predicates[:-1]) and predicates[-2] == k - 1)
        clauses = sentence.clause_of[-1] + 1 if tokens else 0
        has_predicate = [False] * clauses
        for k in predicates:
            has_predicate[sentence.clause_of[k]] = True
        grammar = {cue.form: cue.modality for cue in lexicon.modality_cues.get("*", ())}
        before = [(k, cue) for k, cue in cues if not cue.after_only]
        predicatives = frozenset(k for k, cue in cues if cue.after_only)
        return cls([k for k, _ in before], [cue.modality for _, cue in before],
                   [k for k, _ in cues], [cue.modality for _, cue in cues], reaching, predicates, tenses, nominal,
                   grammar, has_predicate, frozenset(predicates), origins, attributive, predicatives,
                   relative_start, _verb_breaks(sentence, predicates, nominal), outstanding)

    @property
    def reported(self) -> bool:
        """`miało już dotrzeć`, `podobno`: the sentence passes on someone else's report."""
        return "reported" in self.modalities


def modality_of(sentence: Sentence, cues: SentenceModality, number: int, cue: int | None) -> str:
    """Modality for the number at token `number` whose measure cue is at token `cue`."""
    tokens = sentence.tokens
    clause_of = sentence.clause_of
    if cue is not None and clause_of[cue] > clause_of[number]:
        cue = None  # a measure verb of a later clause does not carry this clause's modality
    if cue is not None and cue > 0 and tokens[cue - 1].text.lower() == "nie" and not any(
        k in cues.outstanding for k in range(cue - 3, cue + 3)
    ):
        return "denied"  # `nie wysłała 10 tys. żołnierzy`; not `wciąż nie wypłaciła 60 mld euro`, still owed
    if number > 0 and tokens[number - 1].text.lower() == "nie":
        return "denied"  # the value set against the stated one: `12, a nie 40`, `nie pięć, lecz siedem`,
        # also `a nie kilkuset, jak sugerują media`: the speaker denies what others said
    reach = max(number, cue if cue is not None else number)
    clause_start = _elliptic_start(sentence, cues, number)
    k = bisect.bisect_right(cues.verb_breaks, number) - 1
    if k >= 0 and cues.verb_breaks[k] > clause_start:
        clause_start = cues.verb_breaks[k]  # `nie ma mowy o 300 ewakuowanych, jest ich 40`
    near = _last_cue_before(cues.positions, cues.modalities, reach)
    if near is not None and near[0] < clause_start:
        near = None
    governing = [c for c in cues.reaching if c.position < reach and number < c.scope_end
                 and cues.relative_start[number] < c.position]
    if any(c.modality == "denied" for c in governing):
        return "denied"  # `zaprzeczył, jakoby obiecał pięć resortów`: the denial holds its whole complement
    phrase = _attributive_before(cues, number)
    if phrase is not None:
        return phrase  # `z obiecanych 300 tys. pocisków`, not `trafiło dotąd poniżej 100 tys.`
    if number in cues.origins:
        return cues.origins[number]  # `spadnie z 238,90 zł do 217,40 zł`: where the change starts holds now
    far = governing[-1] if governing else None
    if far is not None and (near is None or far.position > near[0]):
        return far.modality
    _, clause_end = sentence.clause_range(number)
    if k + 1 < len(cues.verb_breaks):
        clause_end = min(clause_end, cues.verb_breaks[k + 1])
    if near is not None and near[1] != "asserted":
        return near[1]
    if near is None:
        after = _cue_after(sentence, cues, clause_start, number, clause_end)
        if after is not None and after != "asserted":
            return after
    # No word speaks, or one that only rules out a possibility (`mogło skorzystać`, ability): the tense
    # decides (`będą mogli skorzystać` is a future).
    return _tense_modality(cues, clause_start, number, clause_end)


def _attributive_before(cues: SentenceModality, number: int) -> str | None:
    """A participle cue just before the figure, in its noun phrase (no verb form between them)."""
    for k in range(number - 1, max(-1, number - 1 - ATTRIBUTIVE_WINDOW), -1):
        if k in cues.attributive:
            return cues.attributive[k]
        if k in cues.predicate_set:
            return None
    return None


def _change_ends(sentence: Sentence, start: int, cue: ModalityCue) -> bool:
    """After the figure that starts a change (`z 238,90 zł`), the word of its end follows in the clause
    (`do 217,40 zł`): `złożoną z 6 tys. osób` is no change."""
    clause = sentence.clause_of[start] if start < len(sentence.tokens) else -1
    for k in range(start + 1, min(len(sentence.tokens), start + 1 + ATTRIBUTIVE_WINDOW + 2)):
        if sentence.clause_of[k] != clause:
            return False
        if sentence.tokens[k].text.lower() in cue.infinitives:
            return True
    return False


def _participle(token: Token, cue: ModalityCue) -> bool:
    """The cue word is here a verb's participle (`obiecanych`, `planowanej`), not its finite form."""
    if cue.form != "any" or cue.lemma == "*":
        return False
    own = [r for r in token.readings if r.lemma.lower() == cue.lemma]
    return bool(own) and all(r.pos in ("ppas", "pact") for r in own)


def _verb_breaks(sentence: Sentence, predicates: list[int], nominal: list[bool]) -> list[int]:
    """Verbs right after a comma that open a clause of their own: the words before them in their clause
    already have a verb (`nie ma mowy o 300, jest ich 40`; not `Część kwoty, ok. 47 mld zł, będzie`)."""
    breaks: list[int] = []
    for i, k in enumerate(predicates):
        if nominal[i] or k == 0 or sentence.tokens[k - 1].text != ",":
            continue
        start = max(breaks[-1] if breaks else 0, bisect.bisect_left(sentence.clause_of, sentence.clause_of[k]))
        if bisect.bisect_left(predicates, start) < i:
            breaks.append(k)
    return breaks


def _elliptic_start(sentence: Sentence, cues: SentenceModality, number: int) -> int:
    """Start of the number's clause; a clause without a verb of its own (`PiS – 149, a Konfederacja –
    78`, `– z 238,90 zł do 217,40 zł`) continues the nearest earlier clause that has one."""
    clause = sentence.clause_of[number]
    while clause > 0 and not cues.clause_has_predicate[clause]:
        clause -= 1
    return bisect.bisect_left(sentence.clause_of, clause)


def _cue_after(sentence: Sentence, cues: SentenceModality, start: int, number: int, end: int) -> str | None:
    """A figure that opens its clause takes the cue of the predicate after it (`Kolejne 6 mld euro może
    wpłynąć`, `ok. 35 mln zł ma trafić`, `Oskarżenia o 31 zabitych są nieprawdziwe`): the first cue up to
    the first verb form (and its complement after a copula)."""
    k = bisect.bisect_left(cues.predicates, start)
    if k < len(cues.predicates) and cues.predicates[k] < number:
        return None  # the clause's predicate stands before the figure
    last, copula = end, False
    if k < len(cues.predicates) and cues.predicates[k] < end:
        verb = cues.predicates[k]
        copula = "być" in sentence.tokens[verb].lemmas
        last = min(end, verb + (3 if copula else 1))
    i = bisect.bisect_right(cues.following, number)
    if i < len(cues.following) and cues.following[i] < last:
        position = cues.following[i]
        if position in cues.predicatives and not copula:
            return None  # `300 fałszywych banknotów`: a predicative speaks only after `jest`, `są`
        return cues.following_modalities[i]
    return None


def _tense_modality(cues: SentenceModality, start: int, number: int, end: int) -> str:
    """The modality the grammar gives: the tense of the last predicate before the figure in its clause
    (passing over a noun-like form right after a verb: `weźmie udział`), else of the first after it."""
    first = bisect.bisect_left(cues.predicates, start)
    before = bisect.bisect_left(cues.predicates, number)
    chosen = next((k for k in range(before - 1, first - 1, -1) if not cues.nominal[k]), before - 1)
    if chosen >= first:
        tense = cues.tenses[chosen]
    else:
        # After the figure, a noun-like form right after a verb is its object, not the predicate.
        after = next((k for k in range(before, len(cues.predicates)) if cues.predicates[k] >= end
                      or not cues.nominal[k]), None)
        if after is None or cues.predicates[after] >= end:
            return "asserted"
        tense = cues.tenses[after]
    return cues.tense_modality.get(tense, "asserted")


def tense_at(tokens: list[Token], k: int) -> str | None:
    """The tense of the verb form at token `k` if it can head a clause: `future` (`będzie`, `będą`, a
    perfective present `trafi`, `przekaże`; `będzie kosztować` and `będzie kosztował` as one),
    `conditional` (`zdobyłaby`, `mogłoby`, `można by`), `past` (`wydał`, `wywieziono`), `present`."""
    text = tokens[k].text
    tense, also_other, _ = _word_tense(text)  # punctuation and digits have no tense either
    if tense is None:
        return "conditional" if text.lower() == "by" and k > 0 and _word_tense(tokens[k - 1].text)[2] else None
    if tense in ("conditional", "future-auxiliary"):
        return "future" if tense == "future-auxiliary" else tense
    if also_other and k > 0 and _is_preposition(tokens[k - 1].text):
        return None  # `w stanie`, `na obejmie`: a noun after its preposition
    if tense == "praet":
        return "future" if _after_future_auxiliary(tokens, k) else "past"
    return tense


@lru_cache(maxsize=100_000)
def _word_tense(word: str) -> tuple[str | None, bool, bool]:
    """What a word form's readings say, without context: its tense (`conditional`, `future-auxiliary`,
    `praet`, `future`, `present`, `past`, or None), whether it has readings that are no verb, and
    whether a standalone `by` after it makes a conditional (`można by`, `mogło by`)."""
    readings = morph_readings(word)
    pos = {r.pos for r in readings}
    takes_by = bool(pos & {"praet", "pred", "inf"})
    if "praet" in pos and any(r.lemma == "by" and r.pos in ("part", "qub") for r in readings):
        return "conditional", False, takes_by
    if "bedzie" in pos:
        return "future-auxiliary", False, takes_by
    if not pos & PREDICATE_POS:
        return None, True, takes_by
    also_other = bool(pos - PREDICATE_POS)
    if "praet" in pos:  # `wydali`: the past of `wydać` before the future of `wydalić`
        return "praet", also_other, takes_by
    if "fin" in pos:
        finite = [r for r in readings if r.pos == "fin"]
        # An aspect homograph (`podaje`, `wynosi`: morfeusz2 offers a rare perfective too) is a present.
        return ("future" if all(r.has("perf") for r in finite) else "present"), also_other, takes_by
    if "imps" in pos:
        return "past", also_other, takes_by
    if pos & {"pred", "winien"} and not pos - {"pred", "winien", "part", "conj", "comp"}:
        return "present", also_other, takes_by
    return None, also_other, takes_by


@lru_cache(maxsize=100_000)
def _is_preposition(word: str) -> bool:
    return any(r.pos == "prep" for r in morph_readings(word))


def _after_future_auxiliary(tokens: list[Token], k: int) -> bool:
    """`będzie kosztował`: the past participle after `będzie` is a compound future."""
    for token in tokens[max(0, k - 3) : k]:
        if _word_tense(token.text)[0] == "future-auxiliary":
            return True
    return False


def _scope_ends(sentence: Sentence, lexicon: ClaimLexicon) -> tuple[list[int], list[int]]:
    """For every token, the first token after it that ends a complement: a coordinated clause (`, a`,
    `, i podaje`, `, ale`), a coordinated reporting verb (`i podał, że`), or a colon after which the
    speaker's own words follow (`Ministerstwo dementuje: liczba ofiar wynosi 18`), else the sentence's end; and
    the start of the relative clause it stands in (`wpisom, według których...`), -1 outside one: a
    relative clause on the complement's noun is not the complement, which resumes at a complementizer
    after it (`informacjom, które pojawiły się w sieci, jakoby zginęło siedem osób`)."""
    tokens = sentence.tokens
    coordinators, relatives, complementizers = lexicon.modality_scope_ends
    ends = [len(tokens)] * len(tokens)
    following = len(tokens)
    for k in range(len(tokens) - 1, -1, -1):
        ends[k] = following
        after_comma = k > 0 and tokens[k - 1].text == ","
        word = tokens[k].text.lower()
        if word == ":" or word in coordinators and (
            after_comma or (k + 1 < len(tokens) and tokens[k + 1].text.lower() in lexicon.speech_forms)
        ):
            following = k
    relative_start = [-1] * len(tokens)
    current = -1
    for k, token in enumerate(tokens):
        if k > 0 and tokens[k - 1].text == ",":
            if token.text.lower() in complementizers or token.text.lower() in coordinators:
                current = -1
            elif any(t.lemmas & relatives for t in tokens[k : k + 2]):
                current = k
        relative_start[k] = current
    return ends, relative_start


def _last_cue_before(positions: list[int], modalities: list[str], end: int) -> tuple[int, str] | None:
    """The cue at the last position before `end` that has one (the first cue there)."""
    k = bisect.bisect_left(positions, end) - 1
    if k < 0:
        return None
    first = bisect.bisect_left(positions, positions[k])
    return positions[first], modalities[first]


_CUE_WORDS: dict[int, tuple[object, Callable[[str], bool]]] = {}


def _cue_words(lexicon: ClaimLexicon) -> Callable[[str], bool]:
    """Whether a word form (a token's text) has a lemma among the lexicon's modality cues: a word, and
    its lemmas not disjoint from the cues'. Answered once per form (lemmas depend on the form only)."""
    cues = lexicon.modality_cues
    known = _CUE_WORDS.get(id(cues))
    if known is not None and known[0] is cues:
        return known[1]
    cue_lemmas = cues.keys()

    @lru_cache(maxsize=200_000)
    def may_cue(word: str) -> bool:
        return word[0].isalnum() and not cue_lemmas.isdisjoint(morph_lemmas(word))

    _CUE_WORDS[id(cues)] = (cues, may_cue)
    return may_cue


def modality_cues_at(tokens: list[Token], k: int, lexicon: ClaimLexicon) -> list[ModalityCue]:
    """The lexical cues at token `k`, most specific first (the data file's order)."""
    token = tokens[k]
    if not token.is_word:
        return []
    found = []
    for lemma in ordered_lemmas(token.lemmas):  # a set's order changes with the hash seed: results must not
        for cue in lexicon.modality_cues.get(lemma, ()):
            if cue.form != "any" and not any(_form_matches(r.tag, cue.form) for r in token.readings
                                             if r.lemma.lower() == lemma):
                continue
            if cue.needs_infinitive and not _infinitive_follows(tokens, k, cue.infinitives):
                continue
            if cue.needs_negation and not any(t.text.lower() == "nie" for t in tokens[max(0, k - 2) : k]):
                continue
            found.append(cue)
    return sorted(found, key=lambda cue: cue.order)  # a word's lemmas come as a set: keep the file's order


def _form_matches(tag: str, form: str) -> bool:
    """`fin` matches any finite tag, `fin:perf` a perfective one: the part of speech, then tag fields."""
    wanted = form.split(":")
    fields = tag.split(":")
    if fields[0] != wanted[0]:
        return False
    present = {part for field in fields[1:] for part in field.split(".")}
    return all(value in present for value in wanted[1:])


def _infinitive_follows(tokens: list[Token], k: int, lemmas: frozenset[str]) -> bool:
    """An infinitive goes with the auxiliary at `k`: after it (`miało dotrzeć`, `miało to być`, `mogą w
    tym roku przekroczyć`, `chce do 2030 r. posadzić`, `miała "wyrzucić"`), before any other verb, a
    figure or a comma, or right before it (`zginąć mogło`); of one of `lemmas` if given."""
    if k > 0 and any(r.pos == "inf" for r in tokens[k - 1].readings):
        return not lemmas or bool(tokens[k - 1].lemmas & lemmas)
    for i in range(k + 1, min(len(tokens), k + 1 + INFINITIVE_WINDOW)):
        token = tokens[i]
        if token.text in {",", ";", ":", "–", "—"}:
            return False
        if token.text[:1].isdigit():
            if _is_preposition(tokens[i - 1].text):
                continue  # a date or time in between: `do 2030 r.`
            return False
        if not token.is_word:
            continue
        pos = {r.pos for r in token.readings}
        if "inf" in pos:
            return not lemmas or bool(token.lemmas & lemmas)
        if pos - _NON_VERBAL and not pos & _PASSABLE:
            return False
    return False
