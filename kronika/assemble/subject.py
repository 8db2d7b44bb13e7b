"""The counted noun after a number: `14 tys. żołnierzy` -> żołnierz, `miliony pocisków artyleryjskich`
-> pocisk artyleryjski; `6 tys. z nich` refers back to the previous figure's subject."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kronika.assemble.morph import Reading, Token
from kronika.assemble.sentence import Sentence
from kronika.assemble.toponyms import toponym

NOUN_POS = frozenset({"subst", "depr", "ger"})
ADJ_POS = frozenset({"adj", "ppas", "pact"})
ANAPHORA = frozenset({"nich", "których", "tych", "tej", "tego"})
BACKWARD_PRONOUNS = frozenset({"ich", "nich"})
PARTITIVE_PREPOSITIONS = frozenset({"z", "spośród", "wśród", "ze"})
MAX_PREMODIFIERS = 4
# Kinds of people whose nouns are not masculine personal (`dziecko`, `kobieta`, `rodzina`).
PEOPLE_KINDS = frozenset({"people", "children", "women", "civilians", "households", "patients"})


@dataclass(frozen=True)
class Counted:
    lemma: str | None
    anaphoric: bool
    first: int  # token range [first, last) of the phrase after the number
    last: int


def counted_after(sentence: Sentence, number_end: int, number_start: int | None = None) -> Counted:
    """The phrase the number counts; with nothing after it, a pronoun before it (`zdobył ich 212`,
    `było ich ponad 2 mln`) refers back to the previous figure's subject."""
    found = _counted_after(sentence, number_end)
    nothing_after = found.lemma is None and not found.anaphoric
    if nothing_after and number_start is not None and _pronoun_before(sentence, number_start):
        return Counted(None, True, found.first, found.last)
    return found


def _pronoun_before(sentence: Sentence, number_start: int) -> bool:
    k = sentence.index_at(number_start) - 1
    while k >= 0 and (sentence.tokens[k].text.lower() in _BACKWARD_SKIPPABLE or "być" in sentence.tokens[k].lemmas):
        k -= 1  # `może ich być nawet 500`
    return k >= 0 and sentence.tokens[k].text.lower() in BACKWARD_PRONOUNS


def _counted_after(sentence: Sentence, number_end: int) -> Counted:
    tokens = sentence.tokens
    i = sentence.index_at(number_end)
    first = i
    partitive = i + 1 < len(tokens) and tokens[i].text.lower() in PARTITIVE_PREPOSITIONS
    if partitive and tokens[i + 1].text.lower() in ANAPHORA:
        return Counted(None, True, first, i + 2)
    premodifiers = 0
    while i < len(tokens) and premodifiers <= MAX_PREMODIFIERS:
        token = tokens[i]
        if not token.is_word or token.text[0].isdigit():
            break
        if _possessive_pronoun(token) and i + 1 < len(tokens) and _noun_reading(tokens[i + 1]):
            i += 1  # `dziewięciu jego żołnierzy`: the possessor's pronoun, then the counted noun
            premodifiers += 1
            continue
        noun = _noun_reading(token)
        adjective = _adjective_reading(token)
        if noun is None and (held := _noun_after_participle(tokens, i)) is not None:
            i = held  # `dwie jadące nim osoby`: the participle's complement stands before its noun
            continue
        if adjective and i + 1 < len(tokens) and tokens[i + 1].is_word and not _verb(tokens[i + 1]) and (
            _noun_reading(tokens[i + 1]) or _adjective_reading(tokens[i + 1])
        ):
            i += 1
            premodifiers += 1
            continue
        head = noun or adjective
        if head is None:
            break
        if i > first and _instrumental_only(token) and i + 1 < len(tokens) and tokens[i + 1].is_word \
                and _noun_reading(tokens[i + 1]) is not None and premodifiers <= MAX_PREMODIFIERS:
            i += 1  # `14 wysokich rangą oficerów`: the adjective's complement, then the counted noun
            premodifiers += 1
            continue
        lemma = _lemma(token, head)
        end = i + 1
        following = tokens[end] if end < len(tokens) else None
        if lemma in count_nouns() and following is not None and following.is_word \
                and (item := _noun_reading(following)) is not None and item.has("gen"):
            return Counted(_lemma(following, item), False, first, end + 1)  # `1,6 mln sztuk drobiu`
        if following is not None and following.is_word and following.text[0].islower():
            post = _adjective_reading(following)
            if post is not None and not _noun_reading(following) and post.has("gen") == head.has("gen"):
                lemma = f"{lemma} {post.lemma.lower()}"
                end += 1
        return Counted(lemma, False, first, end)
    return Counted(None, False, first, first)


def _instrumental_only(token: Token) -> bool:
    """A noun that stands only in the instrumental (`rangą`, `wiekiem`): it cannot be what a number counts."""
    nouns = [r for r in token.readings if r.pos in ("subst", "ger")]
    return bool(nouns) and all(r.has("inst") and not r.has("gen") and not r.has("nom") and not r.has("acc")
                               for r in nouns)


def _possessive_pronoun(token: Token) -> bool:
    """A possessive (possessives.txt) read as a third-person pronoun (`jego`, `jej`, `ich`); `naszych`,
    `swoich` are adjectives, which the premodifiers take anyway."""
    return token.text.lower() in possessives() and any(r.pos == "ppron3" for r in token.readings)


PARTICIPLE_POS = frozenset({"pact", "ppas"})
_FUNCTION_POS = frozenset({"prep", "adv", "part", "qub", "conj", "comp"})  # `od` (also `oda`), `tam` (`tama`)
SHORT_FUNCTION_WORD = 3
PARTICIPLE_REACH = 3  # words of a participle's complement before its noun (`ewakuowanych z tego domu osób`)


def _noun_after_participle(tokens: list[Token], i: int) -> int | None:
    """The index of the noun a participle with a complement goes with (`jadące nim osoby`, `zaginionych w
    lesie grzybiarzy`): the first word within reach, before any verb, punctuation or number, that has a noun
    reading of the participle's number and case and no reading of a function word (`tam`, `od`: `tama`, `oda`)."""
    participles = [r for r in tokens[i].readings if r.pos in PARTICIPLE_POS]
    for k in range(i + 1, min(i + 1 + PARTICIPLE_REACH, len(tokens)) if participles else i + 1):
        token = tokens[k]
        if not token.is_word or token.text[0].isdigit() or _verb(token):
            return None
        if not any(r.pos in _FUNCTION_POS for r in token.readings) and any(
                r.pos in NOUN_POS and any(_same_form(r, p) for p in participles) for r in token.readings):
            return k if k > i + 1 else None  # right after it, the noun is the participle's without a complement
    return None


def _same_form(noun: Reading, participle: Reading) -> bool:
    return any(noun.has(n) and participle.has(n) for n in ("sg", "pl")) and any(
        noun.has(c) and participle.has(c) for c in ("nom", "gen", "acc", "dat", "inst", "loc"))


def _verb(token: Token) -> bool:
    """`zostanie`, `wyjechało`: a finite verb whose gerund reading is no noun after an adjective."""
    return any(r.pos in ("fin", "praet") for r in token.readings) and not any(
        r.pos in ("subst", "depr") for r in token.readings)


def _short_function_word(token: Token) -> bool:
    """`tam` (not `tama`), `od` (not `oda`): a short function word is no counted noun."""
    return len(token.text) <= SHORT_FUNCTION_WORD and any(r.pos in _FUNCTION_POS for r in token.readings)


def _noun_reading(token: Token) -> Reading | None:
    """A noun reading, nouns before gerunds (`zakażeń` is `zakażenie`, not the gerund of `zakazić`)."""
    if _short_function_word(token):
        return None
    best = None
    # After a numeral the plural genitive comes first (`sztuk` is sztuka, `ton` tona), then any case it governs.
    for reading in sorted(token.readings, key=lambda r: (r.pos == "ger", not (r.has("pl") and r.has("gen")),
                                                         not r.has("m1"))):  # `Holendrów`: Holender
        if reading.pos in NOUN_POS:
            if reading.has("gen") or reading.has("nom") or reading.has("acc"):
                return reading
            best = best or reading
        elif reading.pos == "brev" and len(token.text) > 1 \
                and reading.lemma in word_list("unit_abbreviations.txt", "pl"):
            return reading  # `1240 kg kokainy`: the abbreviated unit counts as its word does
    return best


def _adjective_reading(token: Token) -> Reading | None:
    return next((r for r in token.readings if r.pos in ADJ_POS), None)


def _lemma(token: Token, reading: Reading) -> str:
    lemma = reading.lemma
    return lemma if token.text[:1].isupper() and lemma[:1].isupper() else lemma.lower()


# Between a noun and the number that counts it from behind: `takich prób było ok. 26 tys.`
_BACKWARD_SKIPPABLE = frozenset({".", "ok", "około", "ponad", "blisko", "niemal", "prawie", "już", "jedynie",
                                 "tylko", "aż", "zaledwie", "przeszło", "nawet", "niespełna", "łącznie", "dotąd",
                                 "obecnie", "co", "najmniej", "najwyżej", "mniej", "więcej", "niż", "przynajmniej",
                                 "ledwie", "raptem", "wówczas", "wtedy", "razem", "ogółem", "nie", "tam", "tu",
                                 "tutaj", "teraz", "dziś", "dzisiaj"})
BACKWARD_REACH = 5
# Words that open a source phrase: the noun after them gives the figure, it is not counted by it.
SOURCE_OPENERS = frozenset({"według", "zdaniem", "wg"})


def counted_before_at(sentence: Sentence, number_start: int) -> tuple[str, int] | None:
    """A plural genitive noun shortly before the number, when none follows it, and its token index: `takich
    prób było ok. 26 tys.`, over a verb of level (`liczba pasażerów przekroczy 430 mln`, `liczbę uczestników
    na 30 tys.`) and the genitive nouns that complement the counted one (`prób przekroczenia granicy było 22
    tys.`)."""
    tokens = sentence.tokens
    start = sentence.index_at(number_start)
    k = start - 1
    verb = complements = skipped = 0
    first, _ = sentence.clause_range(start)
    head = sentence.resumed_range(start)
    while k >= 0 and start - k <= BACKWARD_REACH + verb + complements + skipped:
        if head is not None and head[1] <= k <= first:  # the clause opens with the comma closing the other
            skipped, k = first + 1 - head[1], head[1] - 1  # `Chuliganów, którzy atakowali policjantów, było 50`
            continue
        token = tokens[k]
        lowered = token.text.lower()
        if lowered in _BACKWARD_SKIPPABLE or "być" in token.lemmas:
            k -= 1
            continue
        if not verb and (token.lemmas & level_verbs() or lowered in LEVEL_PREPOSITIONS):
            verb = 1 if token.lemmas & level_verbs() else 0
            k -= 1
            continue
        if token.text[:1].isupper() and k and toponym(token.text, "nom") is not None:
            return None  # `w gminie Janów wzrosła do 14`: a place's name, not `Janów` the Johns counted
        reading = None if _short_function_word(token) else next(
            (r for r in sorted(token.readings, key=lambda r: (r.pos == "ger", not r.has("m1")))
             if r.pos in NOUN_POS and r.has("pl") and r.has("gen")), None)  # `zakażeń`: zakażenie; `gości`: gość
        if reading is None and (k + 1 < start and "być" in tokens[k + 1].lemmas
                                or k and "liczba" in tokens[k - 1].lemmas):
            reading = _people_participle(token)  # `ewakuowanych było tysiąc`, `liczbę protestujących na 600`
        opener = k - 1 if k >= 1 and tokens[k - 1].text.lower() in SOURCE_OPENERS else None
        if opener is None and k >= 2 and tokens[k - 2].text.lower() in SOURCE_OPENERS and _agree(token, tokens[k - 1]):
            opener = k - 2  # `według komisji wyborczej`, not `według spółki rannych było 29`
        if opener is not None:
            k = opener - 1  # `kart według komisji wyborczej było 2,1 mln`: the source is not counted
            continue
        if complements < MAX_COMPLEMENTS and k and _preposition(tokens[k - 1]) and lowered not in LEVEL_PREPOSITIONS:
            complements += 1  # `liczba przypadków w Rumunii przekroczyła 13 tys.`: a place phrase
            k -= 2
            continue
        if reading is not None and k and _adjective_reading(token) is not None:
            before = next((r for r in tokens[k - 1].readings if r.pos in NOUN_POS and r.has("pl") and r.has("gen")),
                          None)
            if before is not None:  # `ofiar śmiertelnych wzrosła do siedmiu`: the noun, not its adjective
                return _lemma(tokens[k - 1], before), k - 1
        if reading is None and complements < MAX_COMPLEMENTS and token.text[:1].islower() and any(
                r.pos in NOUN_POS | ADJ_POS and r.has("sg") and r.has("gen") for r in token.readings):
            complements += 1  # `nielegalnego przekroczenia granicy`: what the counted noun is of
            k -= 1
            continue
        return (_lemma(token, reading), k) if reading else None
    return None


def _people_participle(token: Token) -> Reading | None:
    """A plural genitive participle that names people as subject_kinds.tsv lists them (`ewakuowanych`,
    `zwolnionych`), standing for the people it describes; not a thing's (`zniszczonych zostało 91`)."""
    from kronika.reconcile.subject_kinds import load_subject_kinds

    kinds = load_subject_kinds()
    return next((r for r in token.readings if r.pos in ("ppas", "adj") and r.has("pl") and r.has("gen")
                 and r.lemma in kinds), None)


def _agree(first: Token, second: Token) -> bool:
    """The two words are genitives of one number (`komisji wyborczej` after `według`), as a noun and its
    adjective are; `spółki rannych` are not."""
    numbers = {n for r in first.readings for n in ("sg", "pl") if r.has(n) and r.has("gen")}
    return any(r.has(n) and r.has("gen") for r in second.readings for n in numbers)


def _preposition(token: Token) -> bool:
    # `a` is read as a preposition too (SGJP), but between clauses it joins them: `, a zakładników trzech`
    return token.text.lower() != "a" and any(r.pos == "prep" for r in token.readings)


LEVEL_PREPOSITIONS = frozenset({"do", "na"})
MAX_COMPLEMENTS = 3


@cache
def word_list(name: str, lang: str) -> frozenset[str]:
    """A data file of kronika/lang/<lang>/claims/ with one word or lemma a line."""
    text = resources.files("kronika.lang").joinpath(lang, "claims", name).read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def shares_noun_with_next(sentence: Sentence, number_end: int, next_start: int, lang: str = "pl") -> bool:
    """`nie 19, lecz 21 osób`: the number is set against the next one by a conjunction alone
    (contrast_joiners.txt), so it counts the noun the next one names."""
    tokens = sentence.tokens
    joined = False
    for k in range(sentence.index_at(number_end), sentence.index_at(next_start)):
        word = tokens[k].text.lower()
        if word in word_list("contrast_joiners.txt", lang) and not joined:
            joined = True
        elif word != "," and word not in _BACKWARD_SKIPPABLE:
            return False
    return joined


def count_nouns(lang: str = "pl") -> frozenset[str]:
    return word_list("count_nouns.txt", lang)


def level_verbs(lang: str = "pl") -> frozenset[str]:
    return word_list("level_verbs.txt", lang)


def possessives(lang: str = "pl") -> frozenset[str]:
    return word_list("possessives.txt", lang)


def specific_person(sentence: Sentence, number_start: int, generic: str, kinds: dict[str, str]) -> str | None:
    """`grupę żołnierzy złożoną z 6 tys. osób`: a generic `osoba` takes the nearer specific noun before it
    in the clause, if that noun counts people of a kind."""
    tokens = sentence.tokens
    index = sentence.index_at(number_start)
    first, _ = sentence.clause_range(index)
    for k in range(index - 1, max(first, index - BACKWARD_REACH * 2) - 1, -1):
        if tokens[k].text[:1].isdigit():
            return None  # `Rannych jest 14, zmarły trzy osoby`: a noun before another number is that one's
        for reading in tokens[k].readings:
            lemma = reading.lemma.lower()
            # `grupę żołnierzy złożoną z 6 tys. osób`: a genitive noun of people, not the agent
            # (`strażacy ewakuowali 1180 osób`) nor a thing (`resort`)
            if reading.pos in NOUN_POS and lemma != generic and lemma in kinds and reading.has("gen") and (
                    reading.has("m1") or kinds[lemma] in PEOPLE_KINDS):
                if k > 0 and a_number(tokens[k - 1]):
                    return None  # `112 rodzin, czyli 340 osób`: the noun another number counts is that one's
                return lemma
    return None


def a_number(token: Token) -> bool:
    """A number in digits or a numeral in words (`689`, `troje`)."""
    return token.text[:1].isdigit() or any(r.pos == "num" for r in token.readings)


def share_list_goes_on(sentence: Sentence, earlier: int, index: int) -> bool:
    """Between the share at token `earlier` and the one at `index` a list goes on (a comma, `a`, `i`,
    `oraz`) and no verb starts a clause of its own: `21 proc. stacji w kraju, w Normandii 41 proc.`."""
    between = sentence.tokens[earlier + 1:index]
    return any(t.text.lower() in (",", "a", "i", "oraz") for t in between) and not any(
        r.pos in _VERB_POS for t in between for r in t.readings)


@cache
def _pairs(name: str, lang: str) -> dict[str, str]:
    """A two-column data file of kronika/lang/<lang>/claims/: column 1 -> column 2."""
    text = resources.files("kronika.lang").joinpath(lang, "claims", name).read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {row[0].strip(): row[1].strip() for row in rows}


def activity_people(lang: str = "pl") -> dict[str, str]:
    return _pairs("activity_people.tsv", lang)


def person_by_activity(sentence: Sentence, number_start: int, lang: str = "pl") -> str | None:
    """`strajkuje 1,1 tys. osób` -> strajkujący: generic people counted in a clause of what they do
    (activity_people.tsv) are its doers."""
    first, last = sentence.clause_range(sentence.index_at(number_start))
    doers = activity_people(lang)
    for token in sentence.tokens[first:last]:
        for lemma in token.lemmas:
            if lemma in doers:
                return doers[lemma]
    return None


def collective_people(lang: str = "pl") -> dict[str, str]:
    return _pairs("collective_people.tsv", lang)


def member_of_collective(sentence: Sentence, counted_last: int, lang: str = "pl") -> str | None:
    """`trzy osoby z personelu` -> pracownik: the generic people counted are members of the group named
    right after them (collective_people.tsv); `osób z Krakowa` names no group."""
    tokens = sentence.tokens
    if counted_last + 1 >= len(tokens) or tokens[counted_last].text.lower() not in PARTITIVE_PREPOSITIONS | {"spośród"}:
        return None
    groups = collective_people(lang)
    return next((groups[lemma] for lemma in tokens[counted_last + 1].lemmas if lemma in groups), None)


@cache
def _points_back_pattern(lang: str, kind: str | None = None) -> re.Pattern[str]:
    """Adverbs of anaphoric_adverbs.txt: all of them, or those of one kind (`time`, or `place` for the
    rows without a kind)."""
    rows = [line.split("\t") for line in word_list("anaphoric_adverbs.txt", lang)]
    words = "|".join(sorted(re.escape(row[0].strip()) for row in rows
                            if kind is None or (row[1].strip() if row[1:] else "place") == kind))
    return re.compile(r"(?<!\w)(?:" + words + r")(?!\w)", re.IGNORECASE)


def points_back(text: str, start: int, end: int, lang: str = "pl") -> bool:
    """`Zginęło tam 21 osób`: the stretch text[start:end] (a sentence) points back to the time and place of
    the sentence before it (anaphoric_adverbs.txt)."""
    return _points_back_pattern(lang).search(text, start, end) is not None


def points_back_in_time(text: str, start: int, end: int, lang: str = "pl") -> bool:
    """`Zginęło wówczas 207 żołnierzy`: the stretch points back at the moment the sentence before names."""
    return _points_back_pattern(lang, "time").search(text, start, end) is not None


def points_back_in_place(text: str, start: int, end: int, lang: str = "pl") -> bool:
    """`Według MSW dotarło tam 29 tys. osób`: the stretch points back at the place the sentence before names."""
    return _points_back_pattern(lang, "place").search(text, start, end) is not None


# Dashes that open the figure of a list item (`W Krakowie – 12`), and the word that maps a sentence's
# figures onto the previous sentence's in order (`było to odpowiednio 1078 i 13 tys.`).
LIST_DASHES = frozenset({"–", "-", "—"})
RESPECTIVELY = frozenset({"odpowiednio"})


def list_item(sentence: Sentence, index: int) -> bool:
    """`W województwie podkarpackim – 52`, `w lubuskim – w 72`: a figure after a dash, its noun in the
    sentence before (a headed list that goes on)."""
    tokens = sentence.tokens
    k = index - 1
    if k >= 1 and tokens[k].text.lower() in ("w", "we") and tokens[k - 1].text in LIST_DASHES:
        k -= 1
    return k >= 1 and tokens[k].text in LIST_DASHES and tokens[k - 1].is_word


HEADER_REACH = 8  # tokens before a list's colon where its header names the counted noun
LIST_REACH = 60  # tokens a headed list may run after its colon before a number of it
_VERB_POS = frozenset({"fin", "praet", "imps", "bedzie", "pred", "winien", "inf", "impt"})


def colon_header(sentence: Sentence, index: int) -> str | None:
    """`Podział mandatów w Radzie Narodowej: Smer 44, PS 43, Republika 21`: a figure in a list after a colon
    (names, numbers and commas only) counts the plural genitive noun its header names, nearest the colon."""
    tokens = sentence.tokens
    colon = None
    for k in range(index - 1, max(-1, index - 1 - LIST_REACH), -1):  # bounded: no rescan of a long sentence
        token = tokens[k]
        if token.text == ":":
            colon = k
            break
        if token.text in (".", ";", "–", "-", "—", "(") or any(r.pos in _VERB_POS for r in token.readings):
            return None  # a clause of its own, not a list item
    if colon is None:
        return None
    for k in range(colon - 1, max(-1, colon - 1 - HEADER_REACH), -1):
        token = tokens[k]
        if any(r.pos in _VERB_POS for r in token.readings) or token.text in (",", ";") or token.text.isdigit():
            return None  # `Zginęło: ...` has no header noun; `2,8 mld dolarów, Bank Światowy: 4 mld` no header
        reading = next((r for r in token.readings if r.pos == "subst" and r.has("pl") and r.has("gen")), None)
        if reading is not None and token.text[:1].islower():
            return _lemma(token, reading)
    return None


def respectively(sentence: Sentence) -> bool:
    return any(token.text.lower() in RESPECTIVELY for token in sentence.tokens)


def refers_back(sentence: Sentence, index: int) -> bool:
    """`miało to być 1040 wojskowych`, `było to 38`: `to` with a form of `być` just before the number
    names the figure of the sentence before."""
    tokens = sentence.tokens
    window = tokens[max(0, index - 4):index]
    return any(t.text.lower() == "to" for t in window) and any("być" in t.lemmas for t in window)


def accompanies(sentence: Sentence, index: int, number_end: int) -> bool:
    """`149 strażaków z 40 pojazdami`, `którzy przyjechali z 49 pojazdami`: `z`, a number and an instrumental
    noun: the things go with the figure before, and share what befell it."""
    tokens = sentence.tokens
    after = sentence.index_at(number_end)
    return (index >= 2 and tokens[index - 1].text.lower() in ("z", "ze") and tokens[index - 2].is_word
            and after < len(tokens) and any(r.pos in NOUN_POS and r.has("inst") for r in tokens[after].readings))
