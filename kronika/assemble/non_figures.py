"""What is not a figure although the number layer found a number: identifiers and clock readings
(`numer alarmowy 112`, `Boeing 737 MAX`, `od godz. 7 do 21`), circumstances (`w dziesięciu krajach`),
and numbers inside time expressions."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from kronika.assemble.lexicon import ClaimLexicon
from kronika.assemble.morph import Token
from kronika.assemble.sentence import Sentence
from kronika.assemble.subject import colon_header
from kronika.mentions import EntityMention, NumberMention, TimeMention

CIRCUMSTANCE_PREPOSITIONS = frozenset({"w", "we", "przy", "przez", "pod", "nad", "za", "dla", "ku", "bez", "u",
                                       "między", "podczas", "pomiędzy"})
# Prepositions that, before people, take the people a figure counts (`u pięciu pacjentów`, `dla 300 rodzin`).
PEOPLE_PREPOSITIONS = frozenset({"u", "dla", "wśród", "bez"})
# Nouns of people that are not masculine personal: `osób`, `rodzin`, `dzieci`.
PEOPLE_NOUNS = frozenset({"osoba", "rodzina", "dziecko", "kobieta", "dziewczynka", "matka", "gospodarstwo"})
# `w` takes a figure when the counted noun stands in the genitive the numeral demands
# (`trafiły w ponad 1,3 tys. celów`), a circumstance when it agrees in the locative (`w dziesięciu krajach`).
LOCATIVE_ONLY_PREPOSITIONS = frozenset({"w", "we"})
NOT_COUNTED_POS = frozenset({"prep", "fin", "praet", "conj", "comp"})
# Words that open a phrase of its own around a name, so that a number after the name is not part of it.
NAME_PHRASE_OPENERS = CIRCUMSTANCE_PREPOSITIONS | {"według", "do", "z", "ze", "na", "od", "po", "zdaniem", "o"}
_PHONE = re.compile(r"\d{3} \d{3} \d{3}")
_BETWEEN_HEAD_AND_NUMBER = frozenset({".", ":", ",", "-", "–", "do", "od"})


def is_identifier(sentence: Sentence, number: NumberMention, counted: str | None, entities: list[EntityMention],
                lex: ClaimLexicon) -> bool:
    """`numer alarmowy 112`, `Boeing 737 MAX`, `ul. Lipowej 14`, `800 120 226`: a number naming
    something, not counting it. A capitalised word right before digits that count nothing is a model
    or a street, unless it is a known name (`W Charkowie 5 osób...`) or opens the sentence."""
    tokens = sentence.tokens
    first = sentence.index_at(number.start)
    if first >= len(tokens) or not tokens[first].text[:1].isdigit():
        return False
    if _PHONE.fullmatch(number.text.replace("\u00a0", " ")):
        return True
    heads: list[Token] = []
    for token in reversed(tokens[:first]):
        if token.text in _BETWEEN_HEAD_AND_NUMBER or token.text.isdigit():
            continue
        if any(r.pos in ("fin", "praet", "inf", "impt", "pred") for r in token.readings) or len(heads) == 2:
            break
        if any(r.pos == "conj" for r in token.readings):
            break  # `odwołano 120 lotów, a 300 było opóźnionych`: a new clause, not `lot 300`
        heads.append(token)
    after = sentence.index_at(number.end)
    following = tokens[after] if after < len(tokens) else None
    if any(t.lemmas & lex.identifier_heads or t.text.lower() in lex.identifier_heads for t in heads):
        # `drogą morską dotarło 41 tys. 286 osób`, `470 km dróg i 90 mostów`: a plural noun after the
        # number is what it counts, whatever came before; `art. 5 ustawy`, `linia 3` name something.
        return not (counted is not None and following is not None and _plural_noun(following))
    previous = tokens[first - 1] if first else None
    if previous is None or first < 2 or not previous.is_word or not previous.text[:1].isupper():
        return False
    if colon_header(sentence, first) is not None:
        return False  # `Podział mandatów: Smer 44, PS 43`: a headed list counts its header's noun
    entity = next((e for e in entities if e.start <= previous.start < e.end), None)
    # `Nord Stream 2 od...`, `Sojuz 2 wyniosła...`: a word that may be a preposition or a verb counts nothing.
    counts_something = counted is not None and following is not None and not following.text[:1].isupper() and not any(
        r.pos in NOT_COUNTED_POS for r in following.readings)
    if counts_something:
        return False
    # `W Charkowie 5...`, `Według ONZ 300...`: a name in a phrase of its own; `Nord Stream 2`: the name goes on.
    return entity is None or not _after_preposition(sentence, entity.start)


def _plural_noun(token: Token) -> bool:
    return token.text[:1].islower() and any(r.pos in ("subst", "depr") and r.has("pl") for r in token.readings)


def _after_preposition(sentence: Sentence, offset: int) -> bool:
    index = sentence.index_at(offset) - 1
    return index >= 0 and sentence.tokens[index].text.lower() in NAME_PHRASE_OPENERS


def is_circumstance(sentence: Sentence, number: NumberMention, alone: bool = False) -> bool:
    """`zatrzymano 270 podejrzanych w dziesięciu krajach`: a number in a circumstance of another figure of
    its clause, not a count of events. `alone` in its clause, the places are the figure (`zakaz obowiązuje
    w 14 gminach`, `ostrzeżenia dla 9 województw`). `do`, `o`, `na`, `z` are left out: they govern figures
    (`wzrosła o 5 proc.`, `doszło do 146 prób`, `szacuje się na 20 tys.`, `52 z 70 dronów`)."""
    if alone:
        return False
    start = number.qualifier_span[0] if number.qualifier_span else number.start
    before = sentence.index_at(start) - 1
    preposition = sentence.tokens[before].text.lower() if before >= 0 else ""
    if preposition not in CIRCUMSTANCE_PREPOSITIONS:
        return False
    if number.qualifier_span is not None:
        return False  # `w co najmniej 12 gminach`: a hedged number is reported as a figure, not a setting
    noun = sentence.index_at(number.end)
    if preposition in PEOPLE_PREPOSITIONS and noun < len(sentence.tokens) and _names_people(sentence.tokens[noun]):
        return False  # `u pięciu pacjentów`, `dla 1,8 mln emerytów`: the people counted, not a setting
    if preposition in LOCATIVE_ONLY_PREPOSITIONS:
        noun = sentence.index_at(number.end)
        following = sentence.tokens[noun].readings if noun < len(sentence.tokens) else ()
        return any(r.has("loc") for r in following) and not any(r.has("gen") for r in following)
    return True


def _names_people(token: Token) -> bool:
    return any(r.pos in ("subst", "depr") and (r.has("m1") or r.lemma.lower() in PEOPLE_NOUNS) for r in token.readings)


def inside_time(number: NumberMention, times: list[TimeMention]) -> bool:
    """Numbers inside time expressions are dates, durations or clock times. A bare run of digits the
    time layer reads as a year is left to the number layer, which has its own rule for years
    (`od 1000 do 1500 ciężarówek` counts trucks)."""
    return any(t.start < number.end and number.start < t.end and not t.text.isdigit() for t in times)


@cache
def distance_units(lang: str = "pl") -> frozenset[str]:
    text = resources.files("kronika.lang").joinpath(lang, "claims", "distance_units.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_distance(sentence: Sentence, counted_lemma: str | None, counted_last: int) -> bool:
    """`90 km od granicy`, `130 km/h`, `kilka kilometrów od brzegu`: a distance or a speed; `470 km dróg`
    measures roads (a plural noun after the unit)."""
    if counted_lemma is None or counted_lemma not in distance_units():
        return False  # `55 mld metrów sześciennych gazu` is a volume
    tokens = sentence.tokens
    following = tokens[counted_last] if counted_last < len(tokens) else None
    if following is None or not following.is_word or any(r.pos in NOT_COUNTED_POS for r in following.readings):
        return True  # `130 km/h`, `90 km od granicy` (`od` is no `oda`)
    if any(r.pos == "adj" for r in following.readings):
        return False  # `metrów sześciennych`, `kilometrów kwadratowych`: a volume, an area
    return not (_plural_noun(following) and any(r.has("gen") for r in following.readings))


# Words before a number that make it no count: `ani jednego euro` is none at all; `na 100 tys. mieszkańców`
# after another figure is the base of a rate; `po pięć` is each one's share.
NONE_AT_ALL = frozenset({"ani"})
RATE_BASES = frozenset({100.0, 1_000.0, 10_000.0, 100_000.0, 1_000_000.0})  # `na 100 tys. mieszkańców`
RATE_VERBS = frozenset({"przypadać", "przypaść"})  # `na 100 tys. dzieci przypada 7,8 psychiatry`


def _distributive(tokens: list[Token], k: int) -> bool:
    """`grupami po pięć`, `po pięć, sześć`: `po` after a noun in the instrumental (how they come), right before
    the number or before the number that this one follows; `uwolniła po 390 osób`, `wymianę po tysiąc
    jeńców` count what each side did."""
    if tokens[k].text == "," and k >= 2 and any(r.pos == "num" for r in tokens[k - 1].readings):
        k -= 2
    return (tokens[k].text.lower() == "po" and k >= 1 and tokens[k - 1].is_word
            and any(r.pos in ("subst", "depr") and r.has("inst") for r in tokens[k - 1].readings)
            and not any(r.pos in ("fin", "praet", "impt", "inf", "imps", "ger") for r in tokens[k - 1].readings))


def is_in_a_name(sentence: Sentence, number: NumberMention, entities: list[EntityMention]) -> bool:
    """`w Dolinie Pięciu Stawów`, `pod Trzema Koronami`, `Plac Trzech Krzyży`: a numeral written as a
    capitalised word inside a sentence, before another capitalised word, is part of a name."""
    tokens = sentence.tokens
    first = sentence.index_at(number.start)
    after = sentence.index_at(number.end)
    if first < 1 or after >= len(tokens) or not tokens[first].text[:1].isupper() or not tokens[first].text.isalpha():
        return False
    previous, following = tokens[first - 1], tokens[after]  # a word before it: not a sentence's opening
    # People of a nation are capitalised in Polish (`zginęło Dwóch Polaków` is a count, typed loudly).
    return (previous.is_word and previous.text.isalpha() and following.text[:1].isupper()
            and following.text.isalpha()
            and not any(e.start == following.start and e.form == "demonym" for e in entities))


def is_not_a_count(sentence: Sentence, number: NumberMention) -> bool:
    """`nie tracimy ani jednego euro`; `2 tys. osób na 100 tys. mieszkańców`; `po pięć osób`; `a najstarszy 61`."""
    tokens = sentence.tokens
    k = sentence.index_at(number.start) - 1
    if k < 0:
        return False
    if tokens[k].text.lower() in NONE_AT_ALL:
        return True
    if number.unit is None and _distributive(tokens, k):
        return True  # `grupami po pięć, sześć osób`: the size of each, not a count
    after = sentence.index_at(number.end)
    if after >= len(tokens) or not tokens[after].is_word:
        if any(r.pos == "adj" and r.has("sup") for r in tokens[k].readings) and tokens[k].is_word:
            return True  # `najmłodszy ma 22 lata, a najstarszy 61`: an age left elliptic
    # the base of a rate: `na` right after another figure's counted noun (`2 tys. osób na 100 tys.`)
    after = sentence.index_at(number.end)
    base = tokens[after] if after < len(tokens) else None  # `na 100 tys. mieszkańców`, not `na 28 łodziach`
    if tokens[k].text.lower() == "na" and number.value in RATE_BASES and base is not None \
            and any(r.pos in ("subst", "depr") and r.has("gen") for r in base.readings) \
            and any(t.lemmas & RATE_VERBS for t in tokens[after:]):
        return True  # `na 100 tys. dzieci przypada 7,8 psychiatry`: the base, the rate comes after it
    return (tokens[k].text.lower() == "na" and k >= 2 and tokens[k - 1].is_word
            and any(t.text[:1].isdigit() for t in tokens[max(0, k - 4):k - 1])
            and any(r.pos in ("subst", "depr") for r in tokens[k - 1].readings)
            and base is not None and any(r.pos in ("subst", "depr") and r.has("gen") for r in base.readings))
