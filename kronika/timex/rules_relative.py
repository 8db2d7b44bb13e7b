"""Rules for expressions relative to the publication date or to the text: dziś, w ubiegłym roku,
tego dnia; and the parts of periods that modify a date (na początku, w połowie)."""
from __future__ import annotations

from kronika.timex.lexicon import fold
from kronika.timex.morph import is_place_name
from kronika.timex.reading import Reading
from kronika.timex.rulebook import BOOK, ORDINAL, YEAR_TAIL, Hit, ordinal_of, unit_of

# Unit of a shifted period -> the field that the shift moves.
_SHIFT_FIELD = {"Y": "year_shift", "M": "month_shift", "W": "week_shift"}
_SAME_PERIOD = {"Y": "year", "M": "month", "W": "week"}  # `w tym samym roku / miesiącu / tygodniu`
# Underspecified values for `w ostatnich latach`, `w najbliższych dniach` (as the KPWr corpus writes them).
_PLURAL_PERIOD = {
    "Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX", "H": "TXX:XX", "MIN": "TXX:XX",
}


def _present_day(hit: Hit, end: int) -> bool:
    """Does the noun after an adjective such as dzisiejszy make it present-day (w dzisiejszym świecie,
    dzisiejszej Ukrainy) rather than of this day (dzisiejsze posiedzenie)?"""
    if hit.tokens.kinds[end : end + 1] != " " or end + 1 >= len(hit.tokens.words):
        return False
    noun = hit.tokens.words[end + 1]
    return hit.lexicon.get(fold(noun), "present_day_noun") is not None or is_place_name(noun)


@BOOK.rule(r"(?:{day_word} )?(?P<t>{deictic})")
def deictic_day(hit: Hit) -> Reading | None:
    """dziś, dzisiaj, wczoraj, jutro, przedwczoraj, dzisiejszy, wczorajsza, w dniu dzisiejszym (the
    plural adjectives mean present-day, not this day: w dzisiejszych czasach)"""
    entries = hit.entries("t", "deictic")
    if all(entry.number == "pl" for entry in entries):
        return None
    if entries[0].number != "-" and _present_day(hit, hit.match.end()):
        return None
    return hit.reading("DATE", day_shift=int(entries[0].value))


@BOOK.rule(r"(?P<sh>{shift})\.? ?(?:(?P<same>{same}) )?(?P<u>[{year_word}{unit}])")
def shifted_period(hit: Hit) -> Reading | None:
    """w tym roku, w ubiegłym roku, ub. roku, w zeszłym miesiącu, w przyszłym tygodniu;
    w tym samym roku, miesiącu, tygodniu (the year, month or week last named)"""
    unit, number = unit_of(hit, "u")
    if number != "sg" and hit.word(hit.at("u")) != "r":
        return None
    shift = int(hit.value("sh", "shift"))
    if hit.has("same"):
        return hit.reading("DATE", anaphoric=_SAME_PERIOD[unit]) if unit in _SAME_PERIOD and shift == 0 else None
    if unit not in _SHIFT_FIELD:
        return None
    return hit.reading("DATE", **{_SHIFT_FIELD[unit]: shift})


# Alone, `b. r.` may be `były radca`; only the unspaced forms stand without a month or a season.
@BOOK.rule(r"(?P<br>{this_year}\.?|{this_year_initial}\.{year_word}\.?)")
def this_year_abbreviation(hit: Hit) -> Reading:
    """br., b.r. (bieżącego roku)"""
    return hit.reading("DATE", year_shift=0)


@BOOK.rule(r"(?P<y>{year_adj})")
def year_adjective(hit: Hit) -> Reading:
    """tegoroczna edycja, zeszłoroczne wybory"""
    return hit.reading("DATE", year_shift=int(hit.value("y", "year_adj")))


@BOOK.rule(r"(?P<sh>{shift}) (?P<u>[{years_pl}{unit}{day_word}{hour_word}])")
def plural_period(hit: Hit) -> Reading | None:
    """w ostatnich latach, w najbliższych dniach, w ostatnich minutach"""
    unit, number = unit_of(hit, "u")
    if number != "pl" or int(hit.value("sh", "shift")) == 0 or unit not in _PLURAL_PERIOD:
        return None
    type_ = "TIME" if unit in ("H", "MIN") else "DATE"
    return hit.reading(type_, fixed=_PLURAL_PERIOD[unit])


@BOOK.rule(r"(?P<sh>{shift}) (?:{same} )?(?P<d>{day_word})"
           r"|(?P<d2>{day_word}) (?P<sh2>{shift})(?! [{day_word}{year_word}{unit}])")
def anaphoric_day(hit: Hit) -> Reading | None:
    """tego dnia, tego samego dnia, następnego dnia, dnia następnego: the day last named, or the next"""
    if hit.has("d2"):
        entry = hit.entry("d2", "day_word")
        if entry is None or entry.number != "sg" or int(hit.value("sh2", "shift")) == 0:
            return None
        return hit.reading("DATE", anaphoric="day", day_shift=int(hit.value("sh2", "shift")))
    entry = hit.entry("d", "day_word")
    if entry is None or entry.number != "sg":
        return None
    return hit.reading("DATE", anaphoric="day", day_shift=int(hit.value("sh", "shift")))


@BOOK.rule(r"(?P<n>{next_day})")
def next_day(hit: Hit) -> Reading:
    """nazajutrz: the day after the day last named"""
    return hit.reading("DATE", anaphoric="day", day_shift=int(hit.value("n", "next_day")))


@BOOK.rule(r"(?P<sh>{shift}) (?P<d>{daypart})")
def shifted_night(hit: Hit) -> Reading | None:
    """minionej nocy, ubiegłej nocy, tej nocy, dzisiejszego wieczoru"""
    shift = int(hit.value("sh", "shift"))
    if shift not in (-1, 0):
        return None
    return hit.reading("TIME", day_shift=shift if hit.value("d", "daypart") == "NI" else 0,
                       daypart=hit.value("d", "daypart"))


@BOOK.rule(r"{indefinite} (?P<d>{day_word})")
def some_day(hit: Hit) -> Reading:
    """któregoś dnia, pewnego dnia"""
    return hit.reading("DATE", fixed="XXXX-XX-XX")


@BOOK.rule(r"(?:" + ORDINAL + r" )?(?P<p>{part})")
def part_of_period(hit: Hit) -> Reading:
    """początku, połowy, końca, drugiej połowy, II połowie: joins the date after it (see compose.py)"""
    reading = hit.reading("DATE", weak=True, standalone=False, mod=hit.value("p", "part"))
    half = ordinal_of(hit) if hit.has("o") else None
    if reading.mod == "MID" and half in (1, 2):
        reading.half = half
    elif hit.has("o"):
        reading.first = hit.at("p")
    return reading


@BOOK.rule(r"(?:" + ORDINAL + r" )?(?P<p>{part}) (?P<u>[{year_word}{unit}])(?! [{year}{shift}{this_year}])")
def part_of_current_period(hit: Hit) -> Reading | None:
    """na początku roku, pod koniec miesiąca, w połowie tygodnia, w pierwszej połowie roku: the current one"""
    unit, number = unit_of(hit, "u")
    if number != "sg" or unit not in _SHIFT_FIELD or hit.word(hit.at("u")) == "r":
        return None
    mod = hit.value("p", "part")
    half = ordinal_of(hit) if hit.has("o") else None
    if mod == "MID" and unit == "Y" and half in (1, 2):
        return hit.reading("DATE", half=half, year_shift=0)
    reading = hit.reading("DATE", mod=mod)
    reading.first = hit.at("p")
    setattr(reading, _SHIFT_FIELD[unit], 0)
    return reading


@BOOK.rule(r"(?P<p>{part}) (?P<e>{event})")
def part_of_event(hit: Hit) -> Reading | None:
    """od początku wojny, do końca konfliktu: an interval anchored on an event"""
    return hit.reading("DATE", mod=hit.value("p", "part"),
                       attrs={"event": hit.word(hit.at("e"))})


@BOOK.rule(ORDINAL + r" (?P<u>{unit})(?: (?P<y>{year})" + YEAR_TAIL
           + r"| (?P<sh>{shift})\.? ?{year_word}\.?)?")
def quarter_or_half(hit: Hit) -> Reading | None:
    """w pierwszym kwartale 2025 r., w III kwartale, w drugim półroczu"""
    unit, number = unit_of(hit, "u")
    ordinal = ordinal_of(hit)
    if ordinal is None or number != "sg" or unit not in ("Q", "HY"):
        return None
    if not 1 <= ordinal <= (4 if unit == "Q" else 2):
        return None
    reading = hit.reading("DATE")
    if unit == "Q":
        reading.quarter = ordinal
    else:
        reading.half = ordinal
    if hit.has("y"):
        reading.year = hit.number("y")
    else:
        reading.year_shift = int(hit.value("sh", "shift")) if hit.has("sh") else 0
    return reading


@BOOK.rule(r"(?P<sh>{shift}) (?P<s>[{season}{years_pl}])")
def shifted_season(hit: Hit) -> Reading | None:
    """ubiegłej zimy, tej jesieni, zeszłego lata, przyszłą wiosną"""
    season = hit.entry("s", "season")
    if season is None:
        return None
    return hit.reading("DATE", season=season.value, year_shift=int(hit.value("sh", "shift")))
