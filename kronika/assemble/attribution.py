"""Who the article says gave a number: `według X`, `zdaniem X`, `jak podał X`, `X poinformował, że`,
post-posed `– poinformował X`, `wynika z raportu X`, `powołując się na X`.

The agent of an action is not a source: only these reporting frames make one. The outlet that
published the article is never the source either.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any, cast

from kronika.assemble.canonical import _name_readings, _surname_like
from kronika.assemble.lexicon import SOURCE_KIND_ORDER, ClaimLexicon
from kronika.assemble.morph import Token, analyses, lemmas, readings
from kronika.assemble.nominative import nominative_phrase
from kronika.assemble.sentence import Sentence
from kronika.mentions import EntityMention
from kronika.prepare.sentences import abbreviations

PHRASE_POS = frozenset({"subst", "adj", "ppas", "pact", "ger", "depr", "brev", "ign"})
COORDINATORS = frozenset({"i", "oraz", ","})
MAX_PHRASE_TOKENS = 12
OPENING_QUOTES = frozenset({"„", '"', "“", "«", "'"})
CLOSING_QUOTES = frozenset({"”", '"', "“", "»", "'"})

@cache
def attribution_data(lang: str = "pl") -> dict[str, Any]:
    """kronika/lang/<lang>/claims/attribution.json, for the keys the claim lexicon does not read."""
    path = resources.files("kronika.lang").joinpath(lang, "claims", "attribution.json")
    return cast(dict[str, Any], json.loads(path.read_text("utf-8")))


def _listed(key: str) -> frozenset[str]:
    return frozenset(w for w in attribution_data("pl").get(key, ()) if not w.startswith("_"))


NAME_PREPOSITIONS = _listed("name_inner_words")
RANKS = _listed("ranks")
REFLEXIVE_SPEECH_VERBS = _listed("reflexive_speech_verbs")
POSSESSIVES = frozenset({"jej", "jego", "ich"})
COMPLEMENTIZERS = frozenset({"że", "iż", ":", "by", "aby", "żeby", "jakoby", "o"})
CLAUSE_COMPLEMENTIZERS = frozenset({"że", "iż", "jakoby", "by", "aby", "żeby"})
COMPLEMENT_REACH = 14  # tokens between a reporting verb and its `, że`
FUNCTION_NOUNS = frozenset({"jak", "co", "to", "tak", "nic", "coś", "kto", "ktoś"})
POLL_WORDS = frozenset({"sondażu", "sondażem", "badaniu", "badania", "ankiecie", "ankiety", "sondaż"})
PASSIVE_AUXILIARIES = frozenset({"zostać", "być", "bywać"})
SKIPPED_BEFORE_VERB = frozenset({"nie", "też", "także", "również", "już", "jednak", "zaś", "natomiast", "wciąż",
                                 "nadal", "jeszcze", "się", "teraz", "dziś", "wcześniej", "ponownie"})
TIME_PREPOSITIONS = frozenset({"w", "we", "od", "do", "po", "przed", "na", "z", "ze"})
INSERTED_CLAUSE_TOKENS = 16
COMPLEMENT_PREPOSITIONS = frozenset({"z", "ze", "w", "we"})
SKIPPED_AFTER_VERB = frozenset({"się", "też", "także", "również", "już", "dziś", "wcześniej", "zgodnie"})
RELATIVE_PRONOUNS = frozenset({"który", "co", "kto", "jaki"})
NOMINATIVE_RELATIVES = frozenset({"który", "która", "którzy"})
# A verbless clause after a frame repeats its preposition: `..., organizatorzy o 80 tys.`
GAPPED_PREPOSITIONS = frozenset({"o", "na"})
GAP_CONJUNCTIONS = frozenset({"a", "zaś", "natomiast"})
GAP_COMPLEMENT_TOKENS = 9
DENIED_REPORT_MARKERS = frozenset({"czym", "jak", "których", "którym", "którymi", "która", "który", "które", "którzy"})
SPEAKERS_OWN = frozenset({"nasz", "wasz", "mój", "twój"})  # `nasze dane pokazują`: the speaker, named elsewhere
DASHES = frozenset({"-", "–", "—"})
CLAUSE_BOUNDARIES = frozenset({",", ";", ":", "-", "–", "—"})
# Entities that speak for themselves in a headline label (countries and places are what news is about).
SPEAKING_ENTITY_KINDS = frozenset({"organisation", "intelligence", "government", "media", "person", "group"})
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
    pledge: bool = False  # the figure is what the source announced or promised (`zapowiedział zakup 48...`)
    elided: bool = False  # a frame whose speaker the sentence does not name (`Jak podkreślił, ...`, `Według
    # niego...`, `– mówiła.`): the speaker named before it, resolved by the document context
    since: int = 0  # the first token it can cover (a post-posed `, jak podaje X` beside an earlier frame)

    def covers(self, number_index: int) -> bool:
        if self.first <= number_index < self.last or number_index < self.since:
            return False
        if self.scope == "after":
            return number_index > self.cue
        if self.scope == "before":
            return number_index < self.cue
        return True


def find_attributions(sentence: Sentence, text: str, entities: list[EntityMention],
                      lexicon: ClaimLexicon, stops: frozenset[int] = frozenset(),
                      keep_elided: bool = False) -> list[Attribution]:
    """Reporting frames in the sentence; `stops` are token indexes a source phrase cannot include
    (time expressions: `We wtorek ministerstwo podało, że...`). Frames without a named speaker are
    kept, marked `elided`, when `keep_elided` (the document context resolves them)."""
    found = []
    tokens = sentence.tokens
    lowered = [t.text.lower() for t in tokens]
    headline = _headline_source(sentence, text, entities, lexicon)
    if headline:
        found.append(headline)
    i = 0
    openers = _frame_openers(lexicon)
    verb_flags = _verb_flags(lexicon)  # per word form: (`wynikać` among its lemmas, a reporting verb's lemma)
    while i < len(tokens):
        opens = lowered[i] in openers
        at = _preposed_at(lowered, i, lexicon) if opens else None  # looked up once for both uses below
        pronoun = _pronoun_frame_at(tokens, lowered, i, lexicon, at) if opens or lowered[i] in POSSESSIVES else None
        if pronoun is not None:
            found.append(Attribution("", "", i, i, i, "sentence", elided=True))
            i = pronoun
            continue
        preposed = None if not opens else max(filter(None, [
            at, _preposed_with_adjective(tokens, lowered, i, lexicon)]), default=None)
        if preposed:
            length, case = preposed
            first, last, case, reach = _agent_of_participle(
                tokens, i + length, _phrase_end(tokens, i + length, case, stops), case, stops)
            if set(lowered[i:i + length]) & POLL_WORDS:
                # A poll's client is not its author: `według sondażu Opinii24 dla RMF FM`.
                last = next((j for j in range(first + 1, last) if lowered[j] == "dla"), last)
            if last > first:
                found.append(_make(sentence, text, entities, lexicon, first, last, case, i, "sentence"))
                # A later verb's subject never reaches back into this source (`W sondażu United Surveys
                # KO zanotowała 30 proc.`: KO is counted, the pollster speaks).
                stops = stops | frozenset(range(i, reach))
                i = last
                continue
        results_from, reports = verb_flags(tokens[i].text)
        if results_from and (source_start := _from_phrase_before(tokens, i)) is not None:
            # `Z policyjnych statystyk wynika, że...`
            found.append(_make(sentence, text, entities, lexicon, source_start, i, "gen", i, "sentence"))
        elif reports and _is_finite_verb(tokens[i]):
            attribution = _around_speech_verb(sentence, text, entities, lexicon, i, stops)
            if attribution:
                found.append(attribution)
        i += 1
    found.extend(_gapped(sentence, text, entities, lexicon, found))
    found = _denied_reports_dropped(tokens, found, lexicon)
    if any(a.scope == "sentence" for a in found):
        # A named frame says who counted; a counting verb's subject is then what was counted
        # (`W sondażu CBOS Lewica zanotowała 9 proc.`).
        found = [a for a in found if a.scope == "sentence" or not _counts(tokens[a.cue], lexicon)]
    # A post-posed report names who gave the figures a counting clause before it holds (`Straż Graniczna
    # odnotowała 3 tys. prób – przekazała rzeczniczka SG`).
    found = [a for a in found if not (a.cue >= 0 and _counts(tokens[a.cue], lexicon) and any(
        b.scope == "before" and b.cue > a.cue and not _counts(tokens[b.cue], lexicon) for b in found))]
    found = _postposed_as_clauses(tokens, lowered, found)
    return [a for a in found if (a.source or keep_elided and a.elided)
            and not (tokens[a.first].lemmas & (RELATIVE_PRONOUNS | SPEAKERS_OWN))]


def _postposed_as_clauses(tokens: list[Token], lowered: list[str], found: list[Attribution]) -> list[Attribution]:
    """A `, jak podaje X` after a clause, in a sentence another frame opens or closes, speaks for its own
    clause only (`Według OKE zdało 82 proc. maturzystów, w Kaliszu 79, jak podaje kuratorium`); alone in
    its sentence it speaks for the whole (`Zginęło 5 osób, jak podała policja`). After a number set aside
    (`a nie 74, jak napisały portale – sprostował rzecznik`) it names whose figure the speaker denies,
    and speaks for nothing: the denial is the speaker's."""
    kept = []
    for a in found:
        if a.scope == "sentence" and a.cue >= 2 and lowered[a.cue - 1] == "jak" and tokens[a.cue - 2].text == ",":
            since = next((k + 1 for k in range(a.cue - 3, -1, -1) if tokens[k].text in CLAUSE_BOUNDARIES), 0)
            if any(lowered[k] == "nie" and _numeric(tokens[k + 1]) for k in range(since, a.cue - 3)):
                continue
            if since and any(b is not a and (b.cue < since and b.scope in ("sentence", "after")
                                             or b.cue > a.cue and b.scope == "before") for b in found):
                a = replace(a, since=since)
        kept.append(a)
    return kept


def _numeric(token: Token) -> bool:
    """A number's first word: digits or a numeral (`74`, `kilkuset`), not a comparative (`nie mniej niż`)."""
    poses = {r.pos for r in token.readings}
    return token.text[:1].isdigit() or "num" in poses and "adv" not in poses


def _pronoun_frame_at(tokens: list[Token], lowered: list[str], i: int, lexicon: ClaimLexicon,
                      preposed: tuple[int, str] | None) -> int | None:
    """`Według niego`, `Jego zdaniem`, `W jej ocenie`: a frame whose source is a pronoun (`preposed` is
    `_preposed_at(lowered, i, lexicon)`). Returns the index after the frame."""
    if i + 1 < len(tokens) and preposed == (1, "gen") and any(
            r.pos == "ppron3" for r in tokens[i + 1].readings) and lowered[i + 1] not in POSSESSIVES:
        return i + 2  # `według niego`
    if lowered[i] in POSSESSIVES and i + 1 < len(tokens) and (lowered[i + 1],) in lexicon.preposed:
        return i + 2  # `jego zdaniem`
    if (i + 2 < len(tokens) and lowered[i + 1] in POSSESSIVES
            and (lowered[i], lowered[i + 2]) in lexicon.preposed):
        return i + 3  # `w jej ocenie`
    return None


def may_attribute(text: str, lexicon: ClaimLexicon) -> bool:
    """Can the text hold a reporting frame at all: a reporting verb's form, a frame's first word, a
    possessive (`jego zdaniem`), a colon (`Kijów:`)? A cheap test before tokenising it."""
    if ":" in text:
        return True
    openers = _frame_openers(lexicon)
    return any((w := m.group().lower()) in lexicon.speech_forms or w in openers or w in POSSESSIVES
               for m in _WORD.finditer(text))


_WORD = re.compile(r"\w+")


def sentence_topic(sentence: Sentence, text: str, entities: list[EntityMention], lexicon: ClaimLexicon,
                   stops: frozenset[int] = frozenset()) -> Attribution | None:
    """The speaker a sentence is about when it opens with one as its subject (`Prezes NBP Adam Glapiński
    studzi oczekiwania.`, `W poniedziałek premier wystąpił w telewizji.`): whom a later frame without a
    named speaker (`Mówił: „...”`, `Jego zdaniem...`) refers to."""
    tokens = sentence.tokens
    start = 0
    while start < len(tokens) and (start in stops or tokens[start].text.lower() in TIME_PREPOSITIONS
                                   and start + 1 in stops):
        start += 1
    last = _phrase_end(tokens, start, "nom", stops)
    if last == start or not _nominative_or_name(tokens[start]):
        return None
    verb = last
    while verb < len(tokens) and (verb in stops or tokens[verb].text.lower() in SKIPPED_BEFORE_VERB):
        verb += 1
    if verb >= len(tokens) or not _is_finite_verb(tokens[verb]) or _speaker_is_first_or_second_person(tokens[verb]):
        return None
    if not _names_a_source(tokens[start:last], entities, lexicon):
        return None
    return _make(sentence, text, entities, lexicon, start, last, "nom", verb, "sentence")


def _denied_reports_dropped(tokens: list[Token], found: list[Attribution], lexicon: ClaimLexicon) -> list[Attribution]:
    """`X zaprzeczył, jakoby zginęło 12 osób, o czym pisały media` / `..., jak twierdzi prokuratura`: the
    report a denial answers is not the figure's source, the one who denies it is."""
    denials = [a.cue for a in found if a.cue >= 0 and any(
        form.verb_class == "deny" for form in lexicon.speech_forms.get(tokens[a.cue].text.lower(), ()))]
    if not denials:
        return found
    return [a for a in found if not (a.cue > min(denials) and {t.text.lower() for t in tokens[max(a.cue - 2, 0):a.cue]}
                                     & DENIED_REPORT_MARKERS)]


def _counts(verb: Token, lexicon: ClaimLexicon) -> bool:
    return bool(verb.lemmas & lexicon.counting_verbs) and not verb.lemmas & lexicon.speech_verbs


def attribution_for(attributions: list[Attribution], number_index: int) -> Attribution | None:
    covering = [a for a in attributions if a.covers(number_index)]
    return min(covering, key=lambda a: abs(a.cue - number_index)) if covering else None


def opens_continuation(text: str, start: int, lexicon: ClaimLexicon) -> bool:
    """Does the sentence starting at `start` continue the previous one's report (`To zarówno...`)?"""
    head = text[start : start + 40]
    openers = lexicon.continuation_openers
    return head.startswith(openers) and any(  # most sentences open with none of them: one C-level test
        head.startswith(opener) and not head[len(opener) : len(opener) + 1].isalpha() for opener in openers)


_OPENERS: dict[int, frozenset[str]] = {}


_VERB_FLAGS: dict[int, tuple[ClaimLexicon, Callable[[str], tuple[bool, bool]]]] = {}


def _verb_flags(lexicon: ClaimLexicon) -> Callable[[str], tuple[bool, bool]]:
    """For a word form: whether `wynikać` is among its lemmas, and whether a reporting (speech or
    counting) verb is; answered once per form."""
    known = _VERB_FLAGS.get(id(lexicon))
    if known is not None and known[0] is lexicon:
        return known[1]
    reporting = lexicon.speech_verbs | lexicon.counting_verbs

    @lru_cache(maxsize=200_000)
    def flags(word: str) -> tuple[bool, bool]:
        found = lemmas(word)
        return "wynikać" in found, not reporting.isdisjoint(found)

    _VERB_FLAGS[id(lexicon)] = (lexicon, flags)
    return flags


def _frame_openers(lexicon: ClaimLexicon) -> frozenset[str]:
    """First words of the preposed frames, to skip the other words at once."""
    if id(lexicon) not in _OPENERS:
        _OPENERS[id(lexicon)] = frozenset(key[0] for key in lexicon.preposed)
    return _OPENERS[id(lexicon)]


def _preposed_at(lowered: list[str], i: int, lexicon: ClaimLexicon) -> tuple[int, str] | None:
    if lowered[i] not in _frame_openers(lexicon):
        return None
    for length in range(lexicon.preposed_max_words, 0, -1):
        key = tuple(lowered[i : i + length])
        if len(key) == length and key in lexicon.preposed:
            return length, lexicon.preposed[key]
    return None


def _preposed_with_adjective(tokens: list[Token], lowered: list[str], i: int,
                             lexicon: ClaimLexicon) -> tuple[int, str] | None:
    """A frame with an adjective inside it: `w ostatnim badaniu`, `według najnowszego raportu`."""
    if lowered[i] not in _frame_openers(lexicon) or i + 2 >= len(tokens) or not tokens[i + 1].is_word:
        return None
    if not _adjective(tokens[i + 1], None):
        return None
    if any(r.pos in ("prep", "conj", "fin", "praet", "num") for r in tokens[i + 1].readings):
        return None
    found = _preposed_at([lowered[i], *lowered[i + 2:]], 0, lexicon)
    if found is None or found[0] < 2:
        return None
    return found[0] + 1, found[1]


def _is_finite_verb(token: Token) -> bool:
    return _finite_verb_form(token.text)


@lru_cache(maxsize=100_000)
def _finite_verb_form(word: str) -> bool:
    return any(r.pos in ("praet", "fin", "pcon", "impt") for r in readings(word))


def _title_period(tokens: list[Token], k: int) -> bool:
    """Is the period at `k` that of a rank or title always followed by a name (`kom.`, `dr`, `gen.`)?"""
    return (k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper()
            and abbreviations().get(tokens[k - 1].text.lower()) == "never")


# Abbreviations that stand inside a body's name (`pełnomocnik rządu ds. uchodźców`, `szpital im. Kopernika`).
_NAME_ABBREVIATIONS = frozenset({"ds", "im"})


def _phrase_end(tokens: list[Token], first: int, case: str | None, stops: frozenset[int] = frozenset()) -> int:
    """End of the noun phrase starting at `first`: words that can stand in `case`, names and acronyms,
    coordination between them, an acronym in brackets."""
    k = first
    head_case: str | None = None
    head = -1
    while k < len(tokens) and k - first < MAX_PHRASE_TOKENS and k not in stops:
        token = tokens[k]
        if token.text == "(" and k + 2 < len(tokens) and tokens[k + 2].text == ")" and tokens[k + 1].text.isupper():
            k += 3
            continue
        if token.text in OPENING_QUOTES:
            closing = next((j for j in range(k + 1, min(k + 8, len(tokens))) if tokens[j].text in CLOSING_QUOTES), None)
            if closing is None:
                break
            k = closing + 1  # a quoted title: `„Wall Street Journal”`
            continue
        if (token.text.lower() in NAME_PREPOSITIONS and k > first and tokens[k - 1].text[:1].isupper()
                and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper()):
            k += 1  # inside a name: `Lekarze bez Granic`
            continue
        if k + 1 < len(tokens) and any(r.pos in ("ppas", "adj") for r in token.readings) and (
                tokens[k + 1].lemmas & PASSIVE_AUXILIARIES):
            break  # the next clause: `według ministerstwa zniszczonych zostało 91`, `według spółki rannych było 29`
        if k + 2 < len(tokens) and tokens[k + 1].text == "." and tokens[k + 2].text[:1].isdigit():
            break  # an abbreviated qualifier before the figure: `według szacunków ekonomistów ok. 3,2 proc.`
        if (token.text.lower() in RANKS and k > first and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper()
                and tokens[k + 1].text != "."):
            k += 1  # a rank without its period: `rzeczniczka komendanta SG ppłk Anna Michalska`
            continue
        if k > first and token.text.lower() in _NAME_ABBREVIATIONS and k + 1 < len(tokens) \
                and tokens[k + 1].text == ".":
            k += 2  # inside a body's name, whatever the case after it: `agencja ONZ ds. uchodźców`
            continue
        if token.text == "." and k > first and _title_period(tokens, k):
            k += 1  # a rank inside the phrase: `rzecznik CBŚP kom. Krzysztof Wrześniowski`
            continue
        if k + 1 < len(tokens) and tokens[k + 1].text == "." and _title_period(tokens, k + 1):
            k += 2  # the rank or degree itself, known or not to the dictionary: `dr hab. Jan Nowak`
            continue
        if token.text in COORDINATORS and k > first:
            # `południowokoreańskich, ukraińskich i zachodnich źródeł`; a comma joins only adjectives.
            joined = tokens[k + 1] if k + 1 < len(tokens) else None
            if joined is not None and joined.is_word and _phrase_word(joined, case) and (
                token.text != "," or _adjective(joined, case)
            ):
                k += 1
                continue
            break
        if (head_case is None and token.is_word and token.text[:1].isupper() and k > first
                and all(_adjective(t, case) for t in tokens[first:k])):
            # a name after its adjective: `waszyngtoński Center`
            head_case, case, head = case or "nom", "gen", k
            k += 1
            continue
        if (token.is_word and token.text[:1].isupper() and k - 1 > first
                and tokens[k - 1].text.lower() in NAME_PREPOSITIONS):
            k += 1  # the rest of a name after its inner word, whatever its case: `Informacji o Pożarach Lasów`
            continue
        word_fits = _phrase_word(token, case) and not (head_case is not None and _nominative_name_only(tokens, k, case))
        if not word_fits and k == first and k > 0 and token.text[:1].isupper() and _surname_like(token.text):
            word_fits = True  # a surname read only as an adjective: `według Pieskowa`
        if not token.is_word or not (word_fits or _after_head(tokens, k, head, head_case)
                                     or (k == first and token.text.lower() in POSSESSIVES)):
            break
        if head_case is None and _head_noun(token, case):
            # After the head noun come agreeing adjectives (`siły powietrzne`), genitive complements
            # (`szef obwodowej administracji`) and the rest of a name (`rzecznik Kremla Dmitrij Pieskow`),
            # not the next clause's subject (`według zachodnich źródeł armia straciła`).
            head_case, case, head = case or "nom", "gen", k
        k += 1
    while k > first + 1 and tokens[k - 1].text in COORDINATORS:
        k -= 1  # the next clause stopped the phrase at what it joined: `Jak podała policja, rannych zostało`
    return k


def _nominative_name_only(tokens: list[Token], k: int, case: str | None) -> bool:
    """A capitalised word that stands in the complement's case only as an indeclinable name, and in the
    nominative besides (`Straż` in `według danych ministerstwa Straż Graniczna zatrzymała`): the next
    clause's subject, not a complement."""
    token = tokens[k]
    if case != "gen" or not token.text[:1].isupper() or token.text.isupper():
        return False
    readings = [r for r in token.readings if r.pos in PHRASE_POS]
    if not any(r.has("nom") for r in readings) or any(
            r.has("gen") and not r.has("nom") or r.pos in ("ign", "brev") for r in readings):
        return False
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    return following is not None and following.text[:1].isupper() and not any(
        r.has("gen") for r in following.readings) and any(r.pos in ("adj", "ppas") for r in following.readings)


def _head_noun(token: Token, case: str | None) -> bool:
    """A noun that is not also an adjective (`polski` is also the Polish language, `rosyjskie` is not
    a head): the word a phrase's complements follow."""
    readings = token.readings
    noun = any(r.pos in ("subst", "ger", "depr") and (case is None or r.has(case)) for r in readings)
    return noun and not any(r.pos == "adj" for r in readings)


def _after_head(tokens: list[Token], k: int, head: int, head_case: str | None) -> bool:
    if head_case is None:
        return False
    token = tokens[k]
    # A name agrees with its title (`premiera Donalda Tuska`); one in another case starts the next clause
    # (`według danych ministerstwa Straż Graniczna zatrzymała`).
    # A word of a name run (`Atlantic Defence Institute`, `Grupy Granica`) agrees whatever its case, but not a
    # Polish noun with no reading in the head's case right after an acronym: the next clause's subject
    # (`według instytutu ISW Rosja mogła wysłać`).
    other_case = tokens[k - 1].text.isupper() and len(tokens[k - 1].text) > 1 and any(
        r.pos == "subst" and r.has("nom") for r in token.readings) and not any(
        r.pos in ("ign", "brev") or r.has(head_case) for r in token.readings)
    agrees = not token.readings or (k - 1 > head and tokens[k - 1].text[:1].isupper() and not other_case) or any(
        r.pos in ("ign", "brev") or r.has(head_case) and (head_case == "nom" or not r.has("nom"))
        for r in token.readings)
    if token.text[:1].isupper() and agrees and (k - 1 == head or tokens[k - 1].text[:1].isupper()
                                                or tokens[k - 1].text == "." and _title_period(tokens, k - 1)):
        return True  # a name after its title or rank: `premier Donald Tusk`, `podkom. Ewa Nowicka`
    if (token.text[:1].isupper() and agrees and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper()
            and _first_name(token.text)):
        return True  # after the title's complement: `minister zdrowia Anna Kowalczyk`
    return any(r.pos in ("adj", "ppas", "pact") and r.has(head_case) for r in token.readings)


@lru_cache(maxsize=50_000)
def _first_name(word: str) -> bool:
    return any(qualifier == "imię" for _, _, (_, _, tag, qualifiers, _) in analyses(word)
               if tag.startswith("subst") for qualifier in qualifiers)


def _phrase_word(token: Token, case: str | None) -> bool:
    if token.text.isupper() and len(token.text) > 1:
        return True  # an acronym: NIS, ONZ, ISW
    if any(r.pos in ("prep", "conj", "comp", "fin", "praet", "inf", "adv", "qub", "ppron3", "ppron12")
           for r in token.readings):
        return False  # `do` is also a musical note, `ok` also a noun: a function-word reading wins
    for reading in token.readings:
        if reading.pos in ("ign", "brev"):
            return token.text[:1].isupper()
        if reading.pos in PHRASE_POS and (case is None or reading.has(case)):
            return True
    return False


def _adjective(token: Token, case: str | None) -> bool:
    return any(r.pos == "adj" and (case is None or r.has(case)) for r in token.readings)


def _headline_source(sentence: Sentence, text: str, entities: list[EntityMention],
                     lexicon: ClaimLexicon) -> Attribution | None:
    """`Kijów: w obwodzie jest już 11 tys. żołnierzy` – a name and a colon open the sentence."""
    tokens = sentence.tokens
    colon = next((k for k, t in enumerate(tokens[:6]) if t.text == ":"), None)
    if not colon or _phrase_end(tokens, 0, "nom") != colon or not tokens[0].text[:1].isupper():
        return None
    quoted = colon + 1 < len(tokens) and tokens[colon + 1].text in OPENING_QUOTES
    if not quoted and not _names_a_source(tokens[:colon], entities, lexicon):
        return None  # a label: `Powódź:`, `USA:`, `PILNE:`
    return _make(sentence, text, entities, lexicon, 0, colon, "nom", colon, "after")


def _names_a_source(phrase: list[Token], entities: list[EntityMention], lexicon: ClaimLexicon) -> bool:
    """Does a headline label name who speaks (`Sanepid:`, `Kreml:`, `Kijów:` for its government,
    `Tusk:`) rather than what or where the news is about (`Powódź:`, `USA:`, `Ukraina:`, `PILNE:`)?"""
    start, end = phrase[0].start, phrase[-1].end
    for entity in entities:
        if start <= entity.start and entity.end <= end and entity.form != "adjective":
            if entity.form == "capital" or entity.kind in SPEAKING_ENTITY_KINDS:
                return True
            if entity.kind in ("country", "place"):
                return False
    if any(lemma in lexicon.source_kinds for token in phrase for lemma in token.lemmas):
        return True
    head = phrase[0]
    if len(phrase) == 1 and any(r.pos == "subst" and r.lemma[:1].islower() and not r.has("m1") for r in head.readings):
        return False  # a common noun, capitalised as a label: `Wrzesień:`, `Powódź:`
    return all(r.pos in ("ign", "brev") for r in head.readings) or _names_person(head)


def _around_speech_verb(sentence: Sentence, text: str, entities: list[EntityMention],
                        lexicon: ClaimLexicon, verb: int, stops: frozenset[int]) -> Attribution | None:
    tokens = sentence.tokens
    if _speaker_is_first_or_second_person(tokens[verb]):
        return None  # `Szkody wyceniamy na 40 mln zł`, `jak podaliśmy`: no named source stands beside it
    previous = tokens[verb - 1].text if verb else ""
    counting = not (tokens[verb].lemmas & lexicon.speech_verbs)
    if verb + 1 < len(tokens) and tokens[verb + 1].text.lower() == "się" and not (
            tokens[verb].lemmas & REFLEXIVE_SPEECH_VERBS):
        return None  # impersonal: `szacuje się, że...`, `za spóźniony uznaje się pociąg`
    # The source after the verb: `Jak podała w poniedziałek PKW, ...`, `... – szacują zgodnie źródła X.`
    after = verb + 1
    while after < len(tokens):
        if (medium := _after_medium(tokens, after, lexicon)) > after:
            after = medium  # `– mówił na antenie TVN24 rzecznik`: the medium is not the source
        elif _skippable_after_verb(tokens, after, stops):
            after += 1
        elif (addressee := _addressee_end(tokens, after)) > after:
            after = addressee  # `– mówił reporterowi IAR rolnik spod Konina`: whom he told is not the source
        elif (outlet := _outlet_addressee_end(tokens, after, entities, lexicon)) > after:
            after = outlet  # `– powiedział PAP rzecznik policji`: the outlet told is not the source
        else:
            break
    if not counting and (previous.lower() == "jak" or previous in ("-", "–", "—", ",")):
        last = _phrase_end(tokens, after, "nom", stops)
        scope = "sentence" if previous.lower() == "jak" else "before"
        if last > after:
            return _make(sentence, text, entities, lexicon, after, last, "nom", verb, scope)
        if previous != ",":
            return _elided(tokens, verb, scope)  # `– wyliczał.`, `Jak podkreślił, ...`
        # `Lekarze bez Granic, którzy prowadzą tam ośrodek, mówią o...`: the subject stands before the clause
    # `X poinformował (we wtorek), że ...`, `X mówił o ...`, `Kreml zaprzecza, by ...`; counting verbs
    # (`Straż Graniczna odnotowała 30 tys. prób`) take the figure as their object.
    following = {t.text.lower() for t in tokens[verb + 1 : verb + 6]}
    if not following & COMPLEMENTIZERS and _complement_clause_follows(tokens, verb + 1):
        following.add("że")  # `zaprzeczyła informacjom krążącym w sieci, jakoby...`
    relative = verb > 0 and bool(tokens[verb - 1].lemmas & RELATIVE_PRONOUNS)
    if relative:
        if tokens[verb - 1].text.lower() in NOMINATIVE_RELATIVES:
            # `grupa analityków Oryx, która potwierdziła zniszczenie 9 czołgów`: the pronoun's antecedent
            if verb >= 3 and tokens[verb - 2].text == ",":
                first, _ = _subject_start(tokens, verb - 2, stops)
                if first < verb - 2:
                    return _make(sentence, text, entities, lexicon, first, verb - 2, "nom", verb, "after")
            return None
        return _subject_after(sentence, text, entities, lexicon, verb, after, stops)
    verb_lemmas = tokens[verb].lemmas
    # Promising verbs (`obiecała Ukrainie milion pocisków`) make their subject a donor, not a source.
    promising = any(form.verb_class == "promise" for form in lexicon.speech_forms.get(tokens[verb].text.lower(), ()))
    as_object = not (following & COMPLEMENTIZERS) and bool(verb_lemmas & lexicon.object_verbs) and not promising
    if not counting and not as_object and not (following & COMPLEMENTIZERS):
        return None
    end = _subject_end(tokens, verb, stops)
    first, inserted = _subject_start(tokens, end, stops)
    if first < inserted:
        end = inserted  # `Lekarze bez Granic, którzy prowadzą tam ośrodek, mówią`: the source is the name
    before_agreement = first
    first = _agreeing_subject(tokens, first, end, verb)
    if first == end and before_agreement < end and not counting:
        # The phrase before is the object (`Sojusznicze wsparcie zadeklarowały Niemcy`): the subject follows.
        found_after = _subject_after(sentence, text, entities, lexicon, verb, after, stops)
        if found_after is not None:
            return replace(found_after, scope="after")
    if end - first == 1 and tokens[first].lemmas & lexicon.source_wrappers:
        return None  # `Szacunki, na które powołują się źródła, mówią o...`: a report is not who gave it
    if first < end:
        made = _make(sentence, text, entities, lexicon, first, end, "nom", verb, "after")
        return replace(made, pledge=as_object and bool(verb_lemmas & lexicon.pledge_verbs))
    # Without a subject before it, an object verb's next noun is its object (`Zapowiedział zakup`).
    found = None if as_object else _subject_after(sentence, text, entities, lexicon, verb, after, stops)
    if found is None and not counting:
        elided = _elided(tokens, verb, "after")
        return replace(elided, pledge=as_object and bool(verb_lemmas & lexicon.pledge_verbs)) if elided else None
    return found


def _elided(tokens: list[Token], verb: int, scope: str) -> Attribution | None:
    """A frame whose subject the sentence leaves out (`Dodał, że...`), not an impersonal one (`mówi się`,
    `podano`)."""
    if verb + 1 < len(tokens) and tokens[verb + 1].text.lower() == "się":
        return None
    if not any(r.pos == "praet" or r.pos == "fin" and r.has("ter") for r in tokens[verb].readings):
        return None
    return Attribution("", "", verb, verb, verb, scope, elided=True)


def _agreeing_subject(tokens: list[Token], first: int, end: int, verb: int) -> int:
    """Where the subject starts once it agrees with the verb in number: a topicalised object before it
    is left out (`Łączne straty pokrzywdzonych prokuratura oszacowała`); `end` when nothing agrees.
    Coordinated subjects and words without readings (acronyms, names) are taken as they are."""
    numbers = {n for r in tokens[verb].readings if r.pos in ("fin", "praet") for n in ("sg", "pl") if r.has(n)}
    if len(numbers) != 1 or first >= end or any(t.text.lower() in COORDINATORS for t in tokens[first:end]):
        return first
    number = next(iter(numbers))
    head = True
    for k in range(first, end):
        token = tokens[k]
        if not token.readings or any(r.pos in ("ign", "brev") for r in token.readings) or (
                k > 0 and token.text[:1].isupper()):
            return first  # a name or an acronym: taken as it is
        nouns = [r for r in token.readings if r.pos in ("subst", "depr", "ger") and r.has("nom")]
        if not nouns:
            continue
        if any(r.has(number) for r in nouns):
            return first if head else _with_adjectives(tokens, first, k)
        head = False
    return first if head else end


def _with_adjectives(tokens: list[Token], first: int, k: int) -> int:
    """The noun at `k` with the adjectives agreeing with it just before it."""
    while k > first and tokens[k - 1].is_word and all(r.pos in ("adj", "ppas") for r in tokens[k - 1].readings) and (
            _adjective(tokens[k - 1], "nom")):
        k -= 1
    return k


def _subject_end(tokens: list[Token], verb: int, stops: frozenset[int]) -> int:
    """Where a subject before the verb ends: particles, adverbs and a time may stand between them
    (`Synoptycy nie wykluczają`, `Mińsk oficjalnie zapowiada`, `Zełenski w lutym przyznał`)."""
    end = verb
    while end > 0:
        word = tokens[end - 1]
        if end - 1 in stops:
            end -= 1
        elif word.text.lower() in SKIPPED_BEFORE_VERB or (
                word.is_word and word.readings and all(r.pos == "adv" for r in word.readings)):
            end -= 1
        elif word.text.lower() in TIME_PREPOSITIONS and end in stops:
            end -= 1  # the preposition of a time: `w lutym`
        elif (medium := _medium_phrase_start(tokens, end)) is not None:
            end = medium  # where it was said: `WHO w poniedziałkowym biuletynie mówi`, `policja na konferencji podała`
        else:
            break
    return end


MEDIUM_PREPOSITIONS = frozenset({"w", "we", "na"})
MEDIUM_REACH = 3  # words of a medium phrase after its preposition (`w najnowszym tygodniowym raporcie`)


def _medium_phrase_start(tokens: list[Token], end: int) -> int | None:
    """The preposition opening a phrase in the locative of common words that ends at `end` (`w komunikacie`,
    `w piątkowym raporcie`, `na konferencji prasowej`); a name (`w Sanie`) is no such phrase: it may be the
    subject's seat."""
    k = end - 1
    while k >= 0 and end - k <= MEDIUM_REACH:
        word = tokens[k]
        if word.text.lower() in MEDIUM_PREPOSITIONS:
            return k if k < end - 1 and any(r.pos == "prep" for r in word.readings) else None
        if not (word.is_word and word.text[:1].islower() and word.readings
                and any(r.pos in ("subst", "adj") and r.has("loc") for r in word.readings)
                and not any(r.pos in ("fin", "praet") for r in word.readings)):
            return None
        k -= 1
    return None


def _subject_start(tokens: list[Token], end: int, stops: frozenset[int]) -> tuple[int, int]:
    """Start of the nominative phrase ending at `end`, read backwards: names with their inner
    prepositions (`Urząd do Spraw Cudzoziemców`, `Ministerstwo ds. Reintegracji`), coordinated
    subjects (`Policja i straż pożarna`), an apposition or relative clause between commas (`COGAT,
    izraelska agencja..., utrzymuje`), an acronym in brackets. Returns the start and where the first
    inserted clause opens (`end` without one)."""
    first = end
    inserted = end
    while first > 0 and first - 1 not in stops:
        word = tokens[first - 1]
        if word.text == "," and (opening := _inserted_clause_start(tokens, first - 1)) is not None:
            first = inserted = opening  # `Ministerstwo zdrowia w Gazie, kontrolowane przez Hamas, podało`
        elif first >= 3 and word.text == ")" and tokens[first - 3].text == "(":
            first -= 3
        elif word.is_word and _phrase_word(word, None):
            first -= 1
        elif (first == end and first - 1 == 0 and word.text.lower() not in FUNCTION_NOUNS
              and any(r.pos == "subst" and r.has("nom") for r in word.readings)):
            first -= 1  # a noun that is also an old conjunction, opening the sentence: `Miasto podało`
        elif word.is_word and word.text[:1].isupper() and (
                first < end and tokens[first].text[:1].isupper() or _speaker_is_first_or_second_person(word)):
            first -= 1  # inside a name (`Terytoriów Czasowo Okupowanych`), a name read as a verb (`Babisz`)
        elif (word.text == "," and first >= 2 and first < end and tokens[first].text[:1].isupper()
              and tokens[first - 2].text[:1].isupper() and first - 2 > 0):
            first -= 1  # a list inside a name: `Krajowy Związek Rolników, Kółek i Organizacji Rolniczych`
        elif (word.text == "-" and first >= 2 and first < end and tokens[first - 2].end == word.start
              and word.end == tokens[first].start and tokens[first - 2].text[:1].isupper()):
            first -= 2  # a double surname: `Pełczyńska-Nałęcz`
        elif (word.text == "." and first >= 2 and first < end
              and tokens[first - 2].text.lower() in NAME_PREPOSITIONS):
            first -= 2  # `ds.`
        elif (word.text.lower() == "do" and first >= 2 and first < end and tokens[first].text == "spraw"
              and tokens[first - 2].is_word and _phrase_word(tokens[first - 2], None)):
            first -= 1  # an office's remit, written out: `Komisja do spraw Referendum`, `pełnomocnik do spraw`
        elif (word.text.lower() in NAME_PREPOSITIONS and first >= 2 and first < end
              and tokens[first].text[:1].isupper() and tokens[first - 2].text[:1].isupper()):
            first -= 1  # inside a name: `Ministerstwo Funduszy i Polityki Regionalnej podaje`
        elif (word.text.lower() in COORDINATORS - {","} and first >= 2 and first < end
              and tokens[first - 2].is_word and _phrase_word(tokens[first - 2], None)):
            first -= 1  # `Policja i straż pożarna podały`, `minister ds. kryzysu klimatycznego i ochrony ludności`
        elif word.text.lower() in COMPLEMENT_PREPOSITIONS and first >= 2 and _phrase_word(tokens[first - 2], None):
            first -= 1  # `Samorządowcy z Kotliny Kłodzkiej szacują`
        else:
            break
    leading = first
    if first > 0 and first < end:
        governed = {c for r in tokens[first - 1].readings if r.pos == "prep"
                    for c in ("gen", "dat", "acc", "inst", "loc") if r.has(c)}
        while first < end and governed and _governed(tokens[first], governed):
            first += 1  # the preposition's object: `za spóźniony uznaje się`, `na konferencji prasowej minister`
    while first < end and not (_nominative_or_name(tokens[first]) and not _genitive_complement(tokens, first, leading)):
        first += 1  # the phrase starts at its nominative head or a name: drop a leading complement
    return first, max(inserted, first)


def _governed(token: Token, cases: set[str]) -> bool:
    """Can the word stand in a case the preposition before it governs: an adjective in it, or a noun in it
    and not in the nominative (`minister` is also an indeclinable feminine noun in every case)?"""
    readings = token.readings
    if readings and all(r.pos in ("adj", "ppas", "pact") for r in readings):
        return any(r.has(c) for r in readings for c in cases)
    nouns = [r for r in readings if r.pos in ("subst", "ger", "depr")]
    return bool(nouns) and any(r.has(c) for r in nouns for c in cases) and not any(r.has("nom") for r in nouns)


def _nominative_or_name(token: Token) -> bool:
    return any(r.has("nom") or r.pos in ("ign", "brev") for r in token.readings)


def _genitive_complement(tokens: list[Token], k: int, leading: int) -> bool:
    """Is the word at `k` the genitive of a dropped leading complement (`[po posiedzeniu] Rady Polityki
    Pieniężnej stwierdził`), not a subject? Indeclinable readings (every case at once) do not count."""
    if k == leading or not any(r.has("gen") and not r.has("nom") for r in tokens[k].readings):
        return False
    if "nom" in _name_readings(tokens[k].text):
        return False  # a person's name after the title's complement: `ministra funduszy Katarzyna ...`
    before = tokens[k - 1]
    if before.is_word and any(r.pos in ("subst", "ger") and not r.has("nom") for r in before.readings):
        return True
    return k - 1 > leading and _nominative_or_name(before) and _genitive_complement(tokens, k - 1, leading)


def _agent_of_participle(tokens: list[Token], first: int, last: int, case: str,
                         stops: frozenset[int]) -> tuple[int, int, str, int]:
    """`według sondażu przeprowadzonego przez CBOS`, `z danych zebranych przez sanepid`: the agent of the
    participle is the source, not the participle. Returns the source phrase, its case and where the
    whole frame ends (a poll's client after the agent belongs to the frame, not the source)."""
    participle = last - 1 if last > first else first  # `w raporcie opublikowanym przez NIK`: loc, not gen
    by = participle + 1
    if by < len(tokens) and tokens[by].text.lower() == "przez" and any(
            r.pos == "ppas" for r in tokens[participle].readings):
        # A name is the agent whatever its readings (`przez Median`, read also as a plural of `mediana`).
        agent_end = _phrase_end(tokens, by + 1, None if tokens[by + 1].text[:1].isupper() else "acc", stops) \
            if by + 1 < len(tokens) else by + 1
        # A poll's client is not its author: `przez Median dla Czeskiego Radia`.
        author_end = next((j for j in range(by + 2, agent_end) if tokens[j].text.lower() == "dla"), agent_end)
        if author_end > by + 1:
            return by + 1, author_end, "acc", agent_end
    return first, last, case, last


def _after_medium(tokens: list[Token], k: int, lexicon: ClaimLexicon) -> int:
    """The index after a medium frame starting at `k` (`na antenie Polskiego Radia`, `w rozmowie z
    nami`, `na konferencji prasowej`), or `k` when none starts there."""
    lowered = [t.text.lower() for t in tokens[k : k + 5]]
    # An adjective may stand inside the frame: `na porannym briefingu`, `w obszernej rozmowie z`.
    skip = 1 if len(tokens) > k + 2 and _adjective(tokens[k + 1], "loc") and not _adjective(tokens[k], "loc") else 0
    for skipped in sorted({0, skip}):
        words = lowered[:1] + lowered[1 + skipped:]
        for length in range(min(4, len(words)), 0, -1):
            key = tuple(words[:length])
            if key in lexicon.media_frames:
                return _medium_after_frame(tokens, k + length + skipped, lexicon.media_frames[key])
    return k


def _medium_after_frame(tokens: list[Token], end: int, case: str | None) -> int:
    """The index after the medium a frame ending at `end` names (none when `case` is None)."""
    if case is None:
        return end
    if end < len(tokens) and any(r.pos in ("ppron12", "ppron3") for r in tokens[end].readings):
        return end + 1  # `w rozmowie z nami`
    return _medium_end(tokens, end, case)


def _medium_end(tokens: list[Token], k: int, case: str) -> int:
    """End of a medium's name: a quoted title (`„Fakty”`), or names and words in `case` up to the first
    word for a person (`radia publicznego rzecznik`: titles also read as indeclinable feminine nouns,
    so the case alone does not stop there)."""
    if k < len(tokens) and tokens[k].text in OPENING_QUOTES:
        closing = next((j for j in range(k + 1, min(k + 8, len(tokens))) if tokens[j].text in CLOSING_QUOTES), None)
        return closing + 1 if closing is not None else k
    while k < len(tokens) and tokens[k].is_word:
        token = tokens[k]
        if not token.text[:1].isupper() and (_names_person(token) or not _phrase_word(token, case)):
            break
        k += 1
    return k


def _addressee_end(tokens: list[Token], k: int) -> int:
    """The index after a dative addressee starting at `k` (`dziennikarzom`, `reporterowi IAR`) when a
    nominative subject follows it, else `k`."""
    token = tokens[k]
    dative = any(r.pos == "subst" and r.has("dat") for r in token.readings)
    if not (token.is_word and token.text[:1].islower() and dative and not any(r.has("nom") for r in token.readings)):
        return k
    end = k + 1
    while end < len(tokens) and tokens[end].text.isupper() and len(tokens[end].text) > 1:
        end += 1  # the addressee's outlet: `reporterowi IAR`
    if end < len(tokens) and any(r.has("nom") for r in tokens[end].readings) and _phrase_word(tokens[end], "nom"):
        return end
    return k


def _outlet_addressee_end(tokens: list[Token], k: int, entities: list[EntityMention], lexicon: ClaimLexicon) -> int:
    """The index after an outlet told (`powiedział PAP`, `Onetowi`, `„Rzeczpospolitej”`) starting at `k`
    when a speaker in the nominative follows it (`rzecznik policji`, `Jan Nowak`), else `k`: right after
    a speech verb, a medium with its speaker after it is the addressee (`Jak podała PAP, ...` keeps PAP)."""
    if k >= len(tokens) or not (tokens[k].text[:1].isupper() or tokens[k].text in OPENING_QUOTES):
        return k
    if tokens[k].text in OPENING_QUOTES:  # a quoted title is a medium's name
        ends = [next((j + 1 for j in range(k + 1, min(k + 6, len(tokens))) if tokens[j].text in CLOSING_QUOTES), k)]
    else:  # the shortest medium with a speaker after it: `PAP Anna Kowalska`, `Polsat News rzecznik`
        ends = []
        for stop in range(k + 1, min(k + 4, len(tokens)) + 1):
            if not tokens[stop - 1].text[:1].isupper():
                break
            if _first_kind(tokens[k:stop], entities, lexicon) == "media":
                ends.append(stop)
    for end in ends:
        if k < end < len(tokens) and tokens[end].is_word and (_first_name(tokens[end].text) or (
                tokens[end].text[:1].islower() and any(r.has("nom") for r in tokens[end].readings)
                and _phrase_word(tokens[end], "nom") and not _abbreviated(tokens, end))):
            return end
    return k


def _abbreviated(tokens: list[Token], k: int) -> bool:
    """Token `k` is an abbreviation with its period (`ds.` in `Agencja ONZ ds. Uchodźców`): inside a name, not a
    speaker after an outlet."""
    return k + 1 < len(tokens) and tokens[k + 1].text == "." and tokens[k].text.lower() in abbreviations()


def _names_person(token: Token) -> bool:
    return any(r.pos == "subst" and r.has("m1") and r.has("nom") for r in token.readings)


def _gapped(sentence: Sentence, text: str, entities: list[EntityMention], lexicon: ClaimLexicon,
            found: list[Attribution]) -> list[Attribution]:
    """`Policja mówi o 20 tys. uczestników, organizatorzy z inicjatywy X o 80 tys.`, `Litwa zapowiedziała,
    że przerzuci 3 tys. żołnierzy, a Łotwa – 1,5 tys.`: a later clause repeats the frame's preposition (or
    stands a dash for the verb) with a new subject and no verb; its figures are that subject's."""
    tokens = sentence.tokens
    gapped: list[Attribution] = []
    for attribution in found:
        if attribution.scope != "after" or attribution.cue + 1 >= len(tokens):
            continue
        # The frame's preposition: `mówi o 20 tys.`, `szacuje tłum na 15 tys.`
        preposition = next((t.text.lower() for t in tokens[attribution.cue + 1 : attribution.cue + 5]
                            if t.text.lower() in GAPPED_PREPOSITIONS or t.text == ","), "").strip(",")
        for k in range(attribution.cue + 2, len(tokens) - 2):
            if tokens[k].text != ",":
                continue
            start = k + 2 if tokens[k + 1].text.lower() in GAP_CONJUNCTIONS else k + 1
            head = tokens[start]
            if not (head.is_word and _nominative_or_name(head) and _phrase_word(head, "nom")):
                continue
            last = _phrase_end(tokens, start, "nom")
            marker = _gap_marker(tokens, last, preposition) if last > start else None
            if marker is not None and tokens[marker].text in DASHES and not (tokens[start].text[:1].isupper() or any(
                    lemma in lexicon.source_kinds for t in tokens[start:last] for lemma in t.lemmas)):
                continue  # `..., że rodziny dostaną 2 tys. zł, a przedsiębiorcy – 20 tys.`: the clause's own subject
            if marker is not None:
                gapped.append(_make(sentence, text, entities, lexicon, start, last, "nom", marker, "after"))
    return gapped


def _gap_marker(tokens: list[Token], k: int, preposition: str) -> int | None:
    """Index of the repeated preposition or of the dash standing for the verb after a gapped subject;
    the subject may keep a complement (`organizatorzy z inicjatywy Milion Chwil o 80 tys.`)."""
    for j in range(k, min(k + GAP_COMPLEMENT_TOKENS, len(tokens) - 1)):
        word = tokens[j].text
        if word.lower() == preposition:
            return j
        if word in DASHES and any(t.text[:1].isdigit() for t in tokens[j + 1 : j + 4]):
            return j
        if word in (",", ".", ";", ":") or _is_finite_verb(tokens[j]):
            return None
    return None


def _complement_clause_follows(tokens: list[Token], k: int) -> bool:
    """A complement clause after the verb's dative or prepositional phrase (`zaprzeczył doniesieniom
    dziennika „Bild”, jakoby...`, `zapowiedziała w tym samym dniu, że...`): a comma and a complementizer
    within reach, before the sentence ends."""
    for j in range(k, min(k + COMPLEMENT_REACH, len(tokens) - 1)):
        if tokens[j].text in (".", ";", "?", "!"):
            return False
        if tokens[j].text == "," and tokens[j + 1].text.lower() in CLAUSE_COMPLEMENTIZERS:
            return True
    return False


def _speaker_is_first_or_second_person(token: Token) -> bool:
    verbs = [r for r in token.readings if r.pos in ("fin", "praet", "aglt", "impt")]
    return bool(verbs) and (any(r.pos == "aglt" for r in verbs)
                            or all(r.has("pri") or r.has("sec") or r.pos == "impt" for r in verbs))


def _skippable_after_verb(tokens: list[Token], k: int, stops: frozenset[int]) -> bool:
    """Between a reporting verb and its subject: a time expression (and its preposition), adverbs."""
    token = tokens[k]
    return (k in stops or k + 1 in stops or token.text.lower() in SKIPPED_AFTER_VERB
            or (token.is_word and all(r.pos == "adv" for r in token.readings)))


def _from_phrase_before(tokens: list[Token], verb: int) -> int | None:
    """Start of X in `z X wynika`: X must run from a `z` right up to the verb."""
    for start in range(verb - 1, max(verb - MAX_PHRASE_TOKENS, 0) - 1, -1):
        if tokens[start].text.lower() in ("z", "ze"):
            return start + 1 if start + 1 < verb and _phrase_end(tokens, start + 1, "gen") == verb else None
    return None


def _inserted_clause_start(tokens: list[Token], closing: int) -> int | None:
    """Index of the comma opening a participial clause (`, kontrolowane przez Hamas,`), a relative clause
    (`, którzy prowadzą tam ośrodek,`) or an apposition (`, izraelska agencja odpowiedzialna za...,`)
    that ends at `closing`, when a phrase word stands before it."""
    for opening in range(closing - 1, max(closing - INSERTED_CLAUSE_TOKENS, 0), -1):
        if tokens[opening].text == ",":
            inner = tokens[opening + 1]
            bracketed = opening >= 3 and tokens[opening - 1].text == ")" and tokens[opening - 3].text == "("
            named = opening > 0 and tokens[opening - 1].is_word and _phrase_word(tokens[opening - 1], None)
            if not (bracketed or named):
                return None  # (an acronym in brackets ends a name too: `Rada ds. Uchodźców (NRC), która...`)
            relative = inner.lemmas & RELATIVE_PRONOUNS or (
                opening + 2 < closing and any(r.pos == "prep" for r in inner.readings)
                and tokens[opening + 2].lemmas & RELATIVE_PRONOUNS)  # `, na które powołują się media,`
            if any(r.pos in ("ppas", "pact") for r in inner.readings) or relative:
                return opening
            apposition = inner.is_word and any(r.pos in ("adj", "subst") and r.has("nom") for r in inner.readings)
            apposition = apposition and not any(_is_finite_verb(t) for t in tokens[opening + 1 : closing])
            return opening if apposition else None
        if tokens[opening].text in (".", ";", ":", "–", "-", "„", "”", '"'):
            return None
    return None


def _subject_after(sentence: Sentence, text: str, entities: list[EntityMention], lexicon: ClaimLexicon,
                   verb: int, after: int, stops: frozenset[int]) -> Attribution | None:
    """A subject after the verb: `(szacunki,) na które powołują się zachodnie źródła`."""
    tokens = sentence.tokens
    last = _phrase_end(tokens, after, "nom", stops)
    if last == after or not any(r.has("nom") for r in tokens[after].readings):
        return None
    return _make(sentence, text, entities, lexicon, after, last, "nom", verb, "sentence")


def _make(sentence: Sentence, text: str, entities: list[EntityMention], lexicon: ClaimLexicon,
          first: int, last: int, case: str, cue: int, scope: str) -> Attribution:
    tokens = sentence.tokens
    # `według danych ONZ`, `z ustaleń wywiadu`: the report is a wrapper, the source is what follows it.
    if last - first > 1 and tokens[first].lemmas & lexicon.source_wrappers:
        first += 1
    elif last - first > 2 and tokens[first + 1].lemmas & lexicon.source_wrappers and _adjective(tokens[first], None):
        first += 2  # `według szybkiego szacunku GUS`, `w najnowszym raporcie ONZ`
    if last - first >= 2 and first == 0 and _fronted_object(tokens[0], tokens[1]):
        first = 1  # `Straty Izba wycenia na 400 mln zł`: the object put first, then the speaker
    phrase = tokens[first:last]
    source = nominative_phrase(phrase, text, case)
    if len(source) > 2 and source[0] in OPENING_QUOTES and source[-1] in CLOSING_QUOTES:
        source = source[1:-1]  # a quoted name alone: `według „Solidarności”` is Solidarność
    return Attribution(source, _source_kind(phrase, entities, lexicon), first, last, cue, scope)


def _fronted_object(first: Token, second: Token) -> bool:
    """A common noun that can be an object, then a name in the nominative of another number: the object
    fronted before its verb's subject (`Straty Izba wycenia`), not a title and its name (`Minister
    Kowalski`, both singular) nor a noun and its genitive (`Rzecznik Policji`)."""
    objects = {n for r in first.readings if r.pos == "subst" and r.lemma[:1].islower() and r.has("acc")
               for n in ("sg", "pl") if r.has(n)}
    names = {n for r in second.readings if r.pos == "subst" and r.has("nom") for n in ("sg", "pl") if r.has(n)}
    return bool(objects) and bool(names) and second.text[:1].isupper() and not objects & names \
        and not any(r.has("gen") for r in second.readings)


def _source_kind(phrase: list[Token], entities: list[EntityMention], lexicon: ClaimLexicon) -> str:
    """The kind the phrase's head gives (`rzecznik wojewody` is a person, `agencje wywiadowcze`
    intelligence), else the first kind any of its words or named entities gives."""
    head = next((k for k, t in enumerate(phrase) if any(r.pos in ("subst", "ger", "depr") for r in t.readings)), None)
    if head is not None:
        end = head + 1
        while end < len(phrase) and any(r.pos == "adj" for r in phrase[end].readings):
            end += 1
        kind = _first_kind(phrase[:end], entities, lexicon)
        if kind:
            return kind
    kind = _first_kind(phrase, entities, lexicon)
    if kind:
        return kind
    if not any(t.text[:1].isupper() and (_name_readings(t.text) or not any(
            r.lemma[:1].islower() and r.pos in ("subst", "adj", "ger") for r in t.readings)) for t in phrase):
        return "unnamed"  # no name in it (a capital opening the sentence is none: `Szacunki`)
    from kronika.assemble.canonical import person_name

    # A named person, else a name is an organisation's (`ANSA`, `Copernicus`): a company is not a person.
    text = " ".join(t.text for t in phrase)
    named = any(t.text[:1].isupper() and not t.text.isupper() and _name_readings(t.text) for t in phrase)
    return "person" if person_name(text) or _names_person(phrase[0]) or named else "organisation"


def _first_kind(phrase: list[Token], entities: list[EntityMention], lexicon: ClaimLexicon) -> str | None:
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
    return next((kind for kind in SOURCE_KIND_ORDER if kind in kinds), None)
