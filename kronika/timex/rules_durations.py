"""Rules for lengths of time and for how often: 66 godzin, pół roku, 3-miesięczna, od lat;
co tydzień, codziennie, dwa razy w miesiącu."""
from __future__ import annotations

import re

from kronika.timex.grammar import KINDS
from kronika.timex.reading import Reading
from kronika.timex.rulebook import AMOUNT, BOOK, Hit, unit_of


def _amount(hit: Hit, group: str) -> float | None:
    """The number of an AMOUNT group: 25 770, 1,5, dwadzieścia pięć, półtora; None when vague."""
    first, last = hit.span(group)
    kinds = hit.tokens.kinds[first:last]
    words = hit.tokens.folded[first:last]
    if kinds[0] in "vV":
        return None
    if kinds[0] == "H":
        return float(hit.lexicon.value(words[0], "half") or 0)
    if kinds[0] == "n":
        total = 0
        for word, kind in zip(words, kinds, strict=True):
            if kind == "n":
                value = int(hit.lexicon.value(word, "cardinal") or 0)
                total = total * value if value == 1000 and total else total + value  # dwa tysiące
        return float(total)
    if "," in kinds:
        return float("".join(words).replace(",", "."))
    return float("".join(w for w in words if w.strip()))


_RANGE_BEFORE = re.compile(r"[DTYN] ?(?:-|j|U) ?$")


def _is_age(hit: Hit, first: int, unit: str) -> bool:
    """`ma 75 lat`, `w wieku 6-7 lat`, `(12 i 13 lat)`: an age, which is no time expression."""
    if unit != "Y":
        return False
    words = hit.tokens.folded
    range_start = _RANGE_BEFORE.search(hit.kinds_before(first, 4))
    if range_start:  # `6-7 lat`, `od 18 do 23 lat`: look before the first number
        first = max(0, first - 4) + range_start.start()
    for i in range(max(0, first - 6), first):
        if hit.lexicon.get(words[i], "age_cue") is not None:
            return True
    end = hit.match.end()
    return first > 0 and words[first - 1] == "(" and end < len(words) and words[end] == ")"


def _fits(amount: float | None, number: str) -> bool:
    """Does the grammatical number of the unit agree with the amount (2 lata, not 2014 roku)?"""
    if number == "-" or amount is None:
        return amount is not None or number in ("pl", "-")
    if amount == 1:
        return number == "sg"
    if amount != int(amount):
        return True  # pół roku, półtora miesiąca, 1,5 roku
    return number == "pl"


def _bounded(hit: Hit, reading: Reading) -> Reading:
    """ponad dwa lata, niespełna 70 minut: a bounding word before a length joins its span as its mod."""
    first = reading.first
    if first >= 2 and hit.tokens.kinds[first - 1] == " ":
        bound = hit.lexicon.get(hit.tokens.folded[first - 2], "span_bound")
        if bound is not None:
            reading.first, reading.mod = first - 2, bound.value
    return reading


@BOOK.rule(r"(?:(?P<sh>[{shift}{whole}]) )?(?P<a>" + AMOUNT + r") ?(?P<u>{unit_any})\.?")
def amount_of_units(hit: Hit) -> Reading | None:
    """7 latach, pięć lat, kilka miesięcy, 66 godzin, pół roku, ostatnich trzech lat, 30 min."""
    unit, number = unit_of(hit, "u")
    amount = _amount(hit, "a")
    if not _fits(amount, number) or _is_age(hit, hit.at("a"), unit):
        return None
    return _bounded(hit, hit.reading("DURATION", amount=amount, unit=unit))


@BOOK.rule(r"(?P<a1>" + AMOUNT + r") ?(?:-|{prep_until}|{conj}) ?"
           r"(?P<a2>" + AMOUNT + r") (?P<u>{unit_any})\.?")
def range_of_units(hit: Hit) -> list[Reading] | None:
    """2000-2500 lat, od 10 do 30 min.: two lengths sharing the unit"""
    unit, number = unit_of(hit, "u")
    amount1, amount2 = _amount(hit, "a1"), _amount(hit, "a2")
    if amount1 is None or amount2 is None or not _fits(amount2, number) or _is_age(hit, hit.at("a1"), unit):
        return None
    first = Reading("DURATION", *hit.span("a1"), amount=amount1, unit=unit)
    return [first, Reading("DURATION", hit.at("a2"), hit.match.end(), amount=amount2, unit=unit)]


@BOOK.rule(r"(?P<a>[{day}{num3}{number}]|{amount_words})(?P<s>-| )(?P<q>{unit_adj})")
def amount_adjective(hit: Hit) -> Reading | None:
    """3-miesięczna odprawa, 3 miesięczne odprawy; 12-letni staż (but 33-letni mężczyzna is an age)"""
    unit = hit.value("q", "unit_adj")
    if unit == "Y" and hit.word(hit.at("q")).startswith("letn") and not _lasting_noun_after(hit):
        return None
    return hit.reading("DURATION", amount=_amount(hit, "a"), unit=unit)


def _lasting_noun_after(hit: Hit) -> bool:
    """Is the word after the adjective a noun that lasts (staż, kadencja, wyrok), not a person?"""
    after = hit.match.end() + 1
    if after >= len(hit.tokens.folded) or hit.tokens.kinds[after - 1] != " ":
        return False
    word = hit.tokens.folded[after]
    return any(word.startswith(stem) for stem in hit.lexicon.side("lasting_noun"))


@BOOK.rule(r"(?P<a>[{day}{num3}{number}])-(?P<l>[{season}{word}])")
def anniversary(hit: Hit) -> Reading | None:
    """50-lecie, 25-lecia: an anniversary is the length it celebrates (lecie is also a form of lato)"""
    unit = hit.lexicon.value(hit.tokens.folded[hit.at("l")], "anniversary")
    if unit is None:
        return None
    return hit.reading("DURATION", amount=_amount(hit, "a"), unit=unit)


@BOOK.rule(r"(?P<q>[{unit_adj_compound}{vague_compound}])")
def compound_adjective(hit: Hit) -> Reading:
    """dwudniowe warsztaty, jednodniowy, półroczny; kilkuminutowy, wieloletnia (vague)"""
    word = hit.word(hit.at("q"))
    entry = hit.lexicon.get(word, "unit_adj_compound") or hit.lexicon.get(word, "vague_compound")
    assert entry is not None
    amount, unit = entry.value.split(":")
    return hit.reading("DURATION", amount=None if amount == "-" else float(amount), unit=unit)


@BOOK.rule(r"(?P<q>{unit_adj})")
def adjective_alone(hit: Hit) -> Reading | None:
    """roczny raport (how often), godzinne wyrównywanie (how long), letnia przerwa (a season)"""
    word = hit.word(hit.at("q"))
    before = hit.kinds_before(hit.at("q"), 2).rstrip(" -")
    if not hit.original(hit.at("q")).islower() or (before and before[-1] in "DTN"):
        return None  # a name (Raport Roczny), or the tail of 33-letni
    unit = hit.value("q", "unit_adj")
    alone = hit.lexicon.side("unit_adj_alone")
    meaning = next((meaning for lemma, meaning in alone.items() if word.startswith(lemma[:-1])), None)
    if meaning == "set":
        return hit.reading("SET", amount=1.0, unit=unit)
    if meaning == "duration":
        return hit.reading("DURATION", amount=1.0, unit=unit)
    if meaning == "season":
        return hit.reading("DATE", season="SU")
    return None


@BOOK.rule(r"(?<=[{prep_through}{prep_later}{prep_since}{prep_before}{prep_at}{prep_after}{prep_for}] )"
           r"(?P<u>{unit_any})(?! [{day}{year}{num3}])|(?P<u2>{unit_any})(?= [{ago}{later}])")
def unit_alone(hit: Hit) -> Reading | None:
    """w ciągu miesiąca, za rok, przed rokiem, rok temu, tydzień później; od lat, po latach (vague)"""
    group = "u" if hit.has("u") else "u2"
    unit, number = unit_of(hit, group)
    first = hit.at(group)
    preposition = hit.word(first - 2) if first >= 2 else ""
    if number == "pl":
        if group == "u" and preposition in ("od", "przez", "po", "przed", "sprzed", "na"):
            return hit.reading("DURATION", group, unit=unit)
        return None
    rate = preposition == "na" and unit in ("D", "H") and hit.tokens.folded[first + 2 : first + 3] not in (
        ["przed"], ["po"])
    if number != "sg" or rate or unit == "CE":
        return None  # na dzień, na godzinę: a rate (but na godzinę przed startem: a length); wiek: an age
    if preposition == "na" and hit.tokens.folded[max(0, first - 6)] in ("z", "ze"):
        return None  # z roku na rok, z dnia na dzień: an idiom of change, not a length
    return hit.reading("DURATION", group, amount=1.0, unit=unit)


@BOOK.rule(r"(?P<w>{whole}) (?P<u>{unit_any})")
def whole_unit(hit: Hit) -> Reading | None:
    """cały rok, całą dobę, przez cały tydzień"""
    unit, number = unit_of(hit, "u")
    if number != "sg":
        return None
    return hit.reading("DURATION", amount=1.0, unit=unit)


@BOOK.rule(r"(?<=[{word}{approx}] )(?P<u>{unit_any})(?! [{day}{year}{num3}])")
def unit_after_lasting_verb(hit: Hit) -> Reading | None:
    """trwało rok, zajęło to miesiąc, potrwa tydzień, ponad rok: a verb of lasting or an approximator
    (up to one word before) licenses a bare unit"""
    first, kinds = hit.at("u"), hit.tokens.kinds
    cues = [first - 2] + ([first - 4] if first >= 4 and kinds[first - 2] == KINDS["word"] else [])
    if not any(hit.lexicon.get(hit.tokens.folded[i], "lasting_cue") or
               hit.lexicon.get(hit.tokens.folded[i], "amount_cue") for i in cues if i >= 0):
        return None
    unit, number = unit_of(hit, "u")
    if number != "sg":
        return None
    return _bounded(hit, hit.reading("DURATION", "u", amount=1.0, unit=unit))


@BOOK.rule(r"{every} (?:(?P<a>" + AMOUNT + r") )?(?P<u>{unit_any})")
def every_unit(hit: Hit) -> Reading | None:
    """co tydzień, co roku, co 2 lata, każdego dnia, na co dzień"""
    unit, number = unit_of(hit, "u")
    amount = _amount(hit, "a") if hit.has("a") else 1.0
    if amount is None or (hit.has("a") and not _fits(amount, number)):
        return None
    return hit.reading("SET", amount=amount, unit=unit)


@BOOK.rule(r"(?:(?P<a>" + AMOUNT + r") )?(?P<t>{times}) [{prep_in}{prep_for}] (?P<u>{unit_any})")
def times_per_unit(hit: Hit) -> Reading | None:
    """raz w tygodniu, dwa razy w miesiącu, kilka razy na rok"""
    unit, number = unit_of(hit, "u")
    if number == "pl":
        return None
    reading = hit.reading("SET", amount=1.0, unit=unit)
    times = _amount(hit, "a") if hit.has("a") else 1.0
    reading.attrs["freq"] = f"{int(times)}X" if times else "VAGUE"
    return reading


@BOOK.rule(r"{every} (?P<w>{weekday})")
def every_weekday(hit: Hit) -> Reading:
    """co środę, w każdy piątek"""
    return hit.reading("SET", weekday=int(hit.value("w", "weekday")))


@BOOK.rule(r"(?P<x>{set_word})")
def set_word(hit: Hit) -> Reading:
    """codziennie, dziennie, rocznie, corocznie"""
    value = hit.value("x", "set_word")
    return hit.reading("SET", fixed=value)


@BOOK.rule(r"(?<={prep_in} )(?P<n>{day})\.? (?P<u>{unit})\.?")
def minute_of_play(hit: Hit) -> Reading | None:
    """w 85 min., w 25. minucie: the minute of a match, a time of that day"""
    unit, number = unit_of(hit, "u")
    if unit != "MIN" or number == "pl" or not 1 <= hit.number("n") <= 130:
        return None
    return hit.reading("TIME", daypart="XX:XX")  # an unknown clock time on the day of the match


@BOOK.rule(r"(?<![{prep_between}{prep_from}{prep_before}] )(?P<u>{unit_any})(?! [{day}{year}{num3}{ordinal}])")
def units_on_end(hit: Hit) -> Reading | None:
    """czekali miesiącami, latami, godzinami: the plural instrumental says `for units on end`"""
    word = hit.word(hit.at("u"))
    if not word.endswith("ami"):
        return None
    unit, number = unit_of(hit, "u")
    if number != "pl":
        return None
    return hit.reading("DURATION", unit=unit)
