"""Rules for calendar expressions: dates, months, years, decades, centuries, weekdays, seasons."""
from __future__ import annotations

from kronika.timex.grammar import KINDS
from kronika.timex.reading import Reading
from kronika.timex.rulebook import BOOK, MONTH_YEAR, THIS_YEAR, YEAR_TAIL, Hit, ordinal_of, short_year, unit_of

_DIGIT_KINDS = r"{day}{year}{num3}{number}"
# Kinds of the token before a bare four-digit number that make it a year rather than an amount.
_YEAR_CONTEXT_BEFORE = set("bBUZOPaz6rl(,/'-jRE")


def _with_year(hit: Hit, reading: Reading) -> Reading:
    """Fill the year of a month or date from the MONTH_YEAR fragment, when it matched."""
    if hit.has("y"):
        reading.year = hit.number("y")
    elif hit.has("yy"):
        reading.year = short_year(hit.word(hit.at("yy")))
    elif hit.has("sh"):
        reading.year_shift = int(hit.value("sh", "shift"))
    elif hit.has("br"):
        reading.year_shift = 0
    return reading


def _day(hit: Hit, group: str) -> int | None:
    day = hit.number(group)
    return day if 1 <= day <= 31 else None


@BOOK.rule(r"(?:{day_word} )?(?:(?P<d0>{day}) ?- ?)?(?P<d>{day})(?P<s>[./-])(?P<m>{day})(?P=s)(?P<y>{year})"
           + YEAR_TAIL)
def numeric_date(hit: Hit) -> Reading | list[Reading] | None:
    """03.09.2025, 23.02.2008 r., 8-06-2006, w dniu 2.11.2010; 12-14.06.2009 (two dates)"""
    day, month = _day(hit, "d"), hit.number("m")
    if day is None or not 1 <= month <= 12:
        return None
    reading = hit.reading("DATE", year=hit.number("y"), month=month, day=day)
    if not hit.has("d0"):
        return reading
    first_day = _day(hit, "d0")
    if first_day is None or first_day >= day:
        return None
    reading.first = hit.at("d")
    first = Reading("DATE", hit.at("d0"), hit.at("d0") + 1, year=reading.year, month=month, day=first_day)
    return [first, reading]


@BOOK.rule(r"(?P<y>{year})(?P<s>[-./])(?P<m>{day})(?P=s)(?P<d>{day})(?![./-]?[" + _DIGIT_KINDS + "])")
def iso_date(hit: Hit) -> Reading | None:
    """2025-09-03, 2009.10.05, 2009/10/05"""
    day, month = _day(hit, "d"), hit.number("m")
    if day is None or not 1 <= month <= 12:
        return None
    return hit.reading("DATE", year=hit.number("y"), month=month, day=day)


@BOOK.rule(r"(?P<d>{day})(?P<s>[./-])(?P<m>{day})(?P=s)(?P<yy>{day})"
           r"(?![./-]?[" + _DIGIT_KINDS + "])" + YEAR_TAIL)
def numeric_date_short_year(hit: Hit) -> Reading | None:
    """5.10.09, 05-10-09 r.: the year cut to two digits (the month in two as well: 2.6.32 is a version)"""
    day, month_text = _day(hit, "d"), hit.word(hit.at("m"))
    year = short_year(hit.word(hit.at("yy")))
    if day is None or year is None or len(month_text) != 2 or not 1 <= int(month_text) <= 12:
        return None
    first = hit.at("d")
    if _after_digits(hit, first):
        return None
    reading = hit.reading("DATE", year=year, month=int(month_text), day=day)
    if hit.tokens.kinds[max(0, first - 2) : first] == KINDS["day_word"] + " ":
        reading.first = first - 2  # dnia 5.10.09 (the day word is read here: an optional prefix is slow)
    return reading


def _after_digits(hit: Hit, first: int) -> bool:
    """Does a number written with separators (1.23.06, 3,5.10) run on before this token?"""
    kinds = hit.tokens.kinds
    return first >= 2 and kinds[first - 1] in ".,:/-" and kinds[first - 2] in "DTYN"


# Tokens before `23.06` that make it a day and month rather than a clock time or an amount:
# dnia, od, do, z, na, przed, po, między, a weekday, a bracket.
_DAY_MONTH_BEFORE = set("iBUZFPO6W(")


@BOOK.rule(r"(?P<d>{day})(?P<s>[./])(?P<m>{day})(?: ?- ?(?P<d2>{day})(?P=s)(?P<m2>{day}))?"
           r"(?![./:,-]?[" + _DIGIT_KINDS + "])")
def day_dot_month(hit: Hit) -> Reading | list[Reading] | None:
    """do 23.06, od 12.05, (3.07), w dniach 5.10-7.10: a day and a month without a year. Only where a
    preposition or a day word licenses it, and only where it cannot be a clock time: the `month` is
    no multiple of five (clocks say 18.05, 18.10, 18.30), or the `hour` is past 24, or `dnia` says so."""
    first = hit.at("d")
    if _after_digits(hit, first):
        return None
    kinds = hit.tokens.kinds
    before = kinds[first - 2] if first >= 2 and kinds[first - 1] == " " else kinds[first - 1] if first else ""
    if before not in _DAY_MONTH_BEFORE:
        return None
    dates = [(first, hit.match.end("m"), "d", "m")]
    if hit.has("d2"):
        dates.append((hit.at("d2"), hit.match.end(), "d2", "m2"))
    readings = []
    for start, end, day_group, month_group in dates:
        day, month_text = _day(hit, day_group), hit.word(hit.at(month_group))
        if day is None or len(month_text) != 2 or not 1 <= int(month_text) <= 12:
            return None
        clock_like = int(month_text) % 5 == 0 and day <= 24
        if clock_like and before != "i":
            return None
        readings.append(Reading("DATE", start, end, month=int(month_text), day=day))
    return readings if len(readings) > 1 else readings[0]


@BOOK.rule(r"(?P<m>{day})(?P<s>[./])(?P<y>{year})" + YEAR_TAIL)
def numeric_month_year(hit: Hit) -> Reading | None:
    """12/2009, 03.2010 r.: a month and a year (a number such as nr 3/2009 is none)"""
    first, month_text = hit.at("m"), hit.word(hit.at("m"))
    if len(month_text) != 2 or not 1 <= int(month_text) <= 12 or _after_digits(hit, first):
        return None
    if first >= 2 and hit.lexicon.get(hit.tokens.folded[first - 2], "amount_cue") is not None:
        return None
    return hit.reading("DATE", year=hit.number("y"), month=int(month_text))


@BOOK.rule(r"(?P<o>[{roman}{conj}]) (?P<y>{year})" + YEAR_TAIL)
def roman_month_year(hit: Hit) -> Reading | None:
    """XII 2009 r., w III 2010: a month in Roman numerals and a year (Jan Paweł II 1978 is a name)"""
    month = ordinal_of(hit)
    first = hit.at("o")
    if month is None or month > 12:
        return None
    if first >= 2 and hit.tokens.kinds[first - 2] == "_" and hit.original(first - 2)[:1].isupper():
        return None
    return hit.reading("DATE", year=hit.number("y"), month=month)


@BOOK.rule(r"(?:{day_word} )?(?P<d>{day})(?:\.|-[{ordinal_suffix}{shift}])? ?(?P<mo>{month_gen})" + MONTH_YEAR
           + "?")
def day_month(hit: Hit) -> Reading | None:
    """3 września 2025 r., 7-go października, 1-szego maja, 24-tego grudnia, 15 maja ubiegłego roku,
    dnia 28 marca 2002 r."""
    day = _day(hit, "d")
    if day is None:
        return None
    return _with_year(hit, hit.reading("DATE", month=int(hit.value("mo", "month")), day=day))


@BOOK.rule(r"(?:{day_word} )?(?P<o>{ordinal})(?: (?P<o2>{ordinal}))? (?P<mo>{month_gen})" + MONTH_YEAR + "?")
def ordinal_day_month(hit: Hit) -> Reading | None:
    """pierwszego maja, dwudziestego czwartego lutego 2022 r."""
    day = int(hit.value("o", "ordinal")) + (int(hit.value("o2", "ordinal")) if hit.has("o2") else 0)
    if not 1 <= day <= 31:
        return None
    return _with_year(hit, hit.reading("DATE", month=int(hit.value("mo", "month")), day=day))


@BOOK.rule(r"(?:{day_word} )?(?P<d>{day})(?P<s>[ .])(?P<o>[{roman}{conj}])(?P=s)(?P<y>{year})" + YEAR_TAIL)
def day_roman_month(hit: Hit) -> Reading | None:
    """28 IX 2010, 28.IX.2010, 1 I 2008 (never without the year: 0.7 V is a voltage)"""
    day, month = _day(hit, "d"), ordinal_of(hit)
    if day is None or month is None or month > 12:
        return None
    return hit.reading("DATE", year=hit.number("y"), month=month, day=day)


@BOOK.rule(r"(?P<d1>{day})(?P<dot>\.)? ?(?:-|{conj}|{prep_until}) ?(?:{prep_until} )?"
           r"(?P<d2>{day})(?:\.|-{ordinal_suffix})? (?P<mo>{month_gen})" + MONTH_YEAR + "?")
def day_range(hit: Hit) -> list[Reading] | None:
    """3-10 sierpnia, 3 i 4 maja, od 3 do 10 sierpnia 2010 r.: two dates sharing the month."""
    day1, day2 = _day(hit, "d1"), _day(hit, "d2")
    if day1 is None or day2 is None:
        return None
    month = int(hit.value("mo", "month"))
    first = _with_year(hit, Reading("DATE", hit.at("d1"), hit.at("d1") + 1, month=month, day=day1))
    second = _with_year(hit, Reading("DATE", hit.at("d2"), hit.match.end(), month=month, day=day2))
    return [first, second]


@BOOK.rule(r"(?P<mo>{month_any})" + MONTH_YEAR)
def month_year(hit: Hit) -> Reading:
    """czerwcu 2008 roku, Styczeń 2011, listopadzie ubiegłego roku, października ub. r."""
    return _with_year(hit, hit.reading("DATE", month=int(hit.value("mo", "month"))))


@BOOK.rule(r"(?P<mo>[{month_loc}{month_nom}{month_inst}])")
def month_alone(hit: Hit) -> Reading | None:
    """w listopadzie, we wrześniu, przed majem (capitalised inside a sentence it is a name: Ewa Kwiecień)"""
    first = hit.at("mo")
    if hit.original(first)[:1].isupper() and not _opens_sentence(hit, first):
        return None
    return hit.reading("DATE", month=int(hit.value("mo", "month")))


def _opens_sentence(hit: Hit, first: int) -> bool:
    """Is token `first` the first word of a sentence, a line or a list item?"""
    before = hit.tokens.kinds[:first].rstrip(" ")
    if not before:
        return True
    if before[-1] in "|;:-(":
        return True
    return before[-1] == "." and hit.tokens.kinds[len(before) - 2 : len(before) - 1] not in ("D", "")


@BOOK.rule(r"(?:(?<=[{prep_since}{prep_until}{prep_from}{prep_after}{prep_before}{prep_between}"
           r"{part}{turn}] )"
           r"(?P<a>{month_gen})|(?P<b>{month_gen})(?= {conj} {month_gen}))")
def month_genitive(hit: Hit) -> Reading:
    """od października, do marca, połowy stycznia, przełomie kwietnia i maja: a genitive month
    counts only where a preposition or a part of period governs it (`mają` is a verb)."""
    group = "a" if hit.has("a") else "b"
    return hit.reading("DATE", group, month=int(hit.value(group, "month")))


@BOOK.rule(r"(?P<m>{month_adj})")
def month_adjective(hit: Hit) -> Reading | None:
    """spotkanie czerwcowe (capitalised it is a name: ul. Listopadowa)"""
    if not hit.original(hit.at("m")).islower():
        return None
    return hit.reading("DATE", month=int(hit.value("m", "month_adj")))


@BOOK.rule(r"(?P<y>{year})" + r" ?{year_word}\.?|{year_word} (?P<y2>{year})")
def year_with_word(hit: Hit) -> Reading:
    """2024 r., 2024 roku, 2009r., roku 1936, rok 2075"""
    return hit.reading("DATE", year=hit.number("y" if hit.has("y") else "y2"))


@BOOK.rule(r"(?P<y>{year})")
def bare_year(hit: Hit) -> Reading | None:
    """w 2006, (2006), Euro 2012, w 1863: a four-digit number that counts nothing."""
    year = hit.number("y")
    first = hit.at("y")
    kinds, words = hit.tokens.kinds, hit.tokens.folded
    before = kinds[first - 2] if first >= 2 and kinds[first - 1] == " " else kinds[first - 1] if first else ""
    if year > 2099 or (year < 1900 and before not in _YEAR_CONTEXT_BEFORE):
        return None  # an older year only where a preposition or a bracket says so: w 1863
    if year < 1900 and before == "j" and not _year_before_conjunction(kinds, first):
        return None  # `zmarło 689 chorych, a 1350 przypadków`: a conjunction joins an older year only to a year
    word_before = words[first - 2] if first >= 2 else ""
    if hit.lexicon.get(word_before, "amount_cue") or (first >= 1 and words[first - 1] in ("#", "$", "№")):
        return None
    after = kinds[first + 1 : first + 3]
    if after[:1] in (",", ".") and after[1:] in ("D", "T"):
        return None  # 2000,5: a decimal amount
    if after == " _" and hit.lexicon.get(words[first + 2], "amount_unit"):
        return None  # `o 1000 zł`, `2024 km`: a currency or a unit after it makes it an amount
    if after == " _" and before not in _YEAR_CONTEXT_BEFORE:
        follower = hit.original(first + 2)
        if follower[:1].islower() and year % 50 == 0:
            return None  # `2000 osób`: a round amount of something
    return hit.reading("DATE", year=year)


def _year_before_conjunction(kinds: str, first: int) -> bool:
    """`w 1863 i 1864`: a year (or a year with its word) just before the conjunction before token `first`."""
    k = first - 1
    while k >= 0 and kinds[k] in " j":
        k -= 1
    while k >= 0 and kinds[k] in ".r ":
        k -= 1  # `1863 r. i 1864`
    return k >= 0 and kinds[k] == KINDS["year"]


@BOOK.rule(r"(?<![{day}{year}{num3}{number}])'(?P<yy>{day})(?![{day}{year}{num3}{number}'])")
def apostrophe_year(hit: Hit) -> Reading | None:
    """marzec '68, rocznik '89: a year cut to two digits"""
    year = short_year(hit.word(hit.at("yy")))
    if year is None:
        return None
    return hit.reading("DATE", year=year)


@BOOK.rule(r"(?P<y1>{year})(?: ?{year_word}\.?)? ?(?P<s>[-/]) ?(?P<y2>{year}|{day})(?![-./]{day})"
           + YEAR_TAIL)
def year_range(hit: Hit) -> list[Reading] | None:
    """1972-1992, 1987-94, sezon 2006/07: two years, the second may borrow the century."""
    year1, text2 = hit.number("y1"), hit.word(hit.at("y2"))
    if len(text2) == 2:
        year2 = year1 // 100 * 100 + int(text2)
        if year2 <= year1:
            return None
    elif len(text2) == 4:
        year2 = int(text2)
    else:
        return None
    if not (1000 <= year1 < year2 <= 2099):
        return None
    first = Reading("DATE", hit.at("y1"), hit.match.start("s"), year=year1)
    while hit.tokens.kinds[first.last - 1] == " ":
        first.last -= 1
    return [first, Reading("DATE", hit.at("y2"), hit.match.end(), year=year2)]


_DECADE = r"(?:(?P<{d}>{{day}})(?:\.|-[{{ordinal_suffix}}{{shift}}{{word}}])?|(?P<{f}>{{ordinal}}))"


@BOOK.rule(r"{years_pl} " + _DECADE.format(d="d", f="f") + r"(?: {conj} " + _DECADE.format(d="d2", f="f2")
           + r")?(?: (?P<c>{roman}) (?:{century_word}|{prep_in}\.))?")
def decade(hit: Hit) -> Reading | list[Reading] | None:
    """latach 90., lat 90-tych XX w., lata dziewięćdziesiąte, latach 20. XXI wieku; lata 80. i 90."""
    groups = [(d, f) for d, f in (("d", "f"), ("d2", "f2")) if hit.has(d) or hit.has(f)]
    tens = [hit.number(d) if hit.has(d) else int(hit.value(f, "ordinal")) for d, f in groups]
    if any(t % 10 or t > 90 for t in tens):
        return None
    if hit.has("c"):
        century = int(hit.value("c", "roman")) - 1
    else:
        century = 20 if tens[0] < 20 else 19
    if len(tens) == 1:
        return hit.reading("DATE", decade=century * 10 + tens[0] // 10)
    second = hit.at("d2") if hit.has("d2") else hit.at("f2")
    first_end = hit.match.end("d") if hit.has("d") else hit.match.end("f")
    if hit.tokens.kinds[first_end] == ".":
        first_end += 1
    return [Reading("DATE", hit.match.start(), first_end, decade=century * 10 + tens[0] // 10),
            Reading("DATE", second, hit.match.end(), decade=century * 10 + tens[1] // 10)]


@BOOK.rule(r"(?P<d>{day})(?:\.|-[{ordinal_suffix}{shift}{word}]) {years_pl}")
def decade_before_years(hit: Hit) -> Reading | None:
    """90-tych latach, 60. latach"""
    tens = hit.number("d")
    if tens % 10 or not 20 <= tens <= 90 or hit.tokens.kinds[hit.at("d") + 1] not in ".-":
        return None
    return hit.reading("DATE", decade=190 + tens // 10)


@BOOK.rule(r"(?P<c>{roman}) (?:{century_word}|{prep_in}\.)|{century_word} (?P<c2>{roman})"
           r"|(?P<d>{day})\.? (?P<w>{century_word})")
def century(hit: Hit) -> Reading | None:
    """XX wieku, XIX w., wieku XX, 21 wieku (in digits only with the singular: 5 wieków is a length)"""
    if hit.has("d"):
        entry = hit.entry("w", "century_word")
        number = hit.number("d")
        if entry is None or entry.number != "sg" or not 1 <= number <= 21:
            return None
    else:
        group = "c" if hit.has("c") else "c2"
        if not hit.original(hit.at(group)).isupper():
            return None
        number = int(hit.value(group, "roman"))
    return hit.reading("DATE", century=number - 1)


@BOOK.rule(r"(?P<c0>{roman}) {conj} (?P<c>{roman}) (?:{century_word}|{prep_in}\.)")
def coordinated_centuries(hit: Hit) -> list[Reading] | None:
    """XIX i XX wieku, XV lub XVI w.: two centuries sharing the word"""
    first, second = hit.at("c0"), hit.at("c")
    if not (hit.original(first).isupper() and hit.original(second).isupper()):
        return None
    return [Reading("DATE", first, first + 1, century=int(hit.value("c0", "roman")) - 1),
            Reading("DATE", second, hit.match.end(), century=int(hit.value("c", "roman")) - 1)]


@BOOK.rule(r"(?P<c>{century_adj})")
def century_adjective(hit: Hit) -> Reading:
    """dwudziestowieczna przeszłość"""
    return hit.reading("DATE", century=int(hit.value("c", "century_adj")))


@BOOK.rule(r"(?:(?P<sh>{shift})\.? )?(?P<w>{weekday})")
def weekday(hit: Hit) -> Reading:
    """we wtorek, w środę, w ubiegły piątek, w najbliższą środę; w poniedziałki (a set)"""
    entries = hit.entries("w", "weekday")
    day = int(entries[0].value)
    if all(entry.number == "pl" for entry in entries):
        return hit.reading("SET", "w", weekday=day)
    shift = int(hit.value("sh", "shift")) or None if hit.has("sh") else None
    return hit.reading("DATE", weekday=day, weekday_shift=shift)


@BOOK.rule(r"(?P<w>{weekday_adj})")
def weekday_adjective(hit: Hit) -> Reading | None:
    """w poniedziałkowym programie"""
    if not hit.original(hit.at("w")).islower():
        return None
    return hit.reading("DATE", weekday=int(hit.value("w", "weekday_adj")))


def _nth(hit: Hit, low: int, high: int) -> int | None:
    """The ordinal of group `o` within [low, high], or -1 for `ostatni`; None otherwise."""
    ordinal = hit.entry("o", "ordinal")
    if ordinal is not None:
        nth = int(ordinal.value)
        return nth if low <= nth <= high else None
    return -1 if hit.word(hit.at("o")).startswith("ostatni") else None


@BOOK.rule(r"(?P<o>[{ordinal}{shift}]) (?P<w>{weekday}) (?P<mo>{month_gen})" + MONTH_YEAR + "?")
def nth_weekday_of_month(hit: Hit) -> Reading | None:
    """ostatnia niedziela września, pierwszy poniedziałek maja 2025 r."""
    nth = _nth(hit, -1, 5)
    if nth is None:
        return None
    reading = hit.reading("DATE", month=int(hit.value("mo", "month")), weekday=int(hit.value("w", "weekday")))
    reading.nth = nth
    return _with_year(hit, reading)


@BOOK.rule(r"(?P<o>[{ordinal}{shift}]) (?P<u>[{unit}]) (?P<mo>{month_gen})" + MONTH_YEAR + "?")
def nth_week_of_month(hit: Hit) -> Reading | None:
    """w trzecim tygodniu stycznia, w ostatnim tygodniu marca 2025 r.: that week of the month, not the
    week before the publication (`w ostatnim tygodniu`)"""
    unit, number = unit_of(hit, "u")
    nth = _nth(hit, 1, 5)
    if unit != "W" or number != "sg" or nth is None:
        return None
    reading = hit.reading("DATE", month=int(hit.value("mo", "month")))
    reading.week_of_month = nth
    return _with_year(hit, reading)


@BOOK.rule(r"(?P<o>[{ordinal}]) (?P<u>[{unit}]) (?P<yw>[{year_word}])(?: (?P<y>{year})" + YEAR_TAIL + ")?")
def nth_week_of_year(hit: Hit) -> Reading | None:
    """w trzecim tygodniu roku, w 40. tygodniu 2025 r.: an ISO week of the year"""
    unit, number = unit_of(hit, "u")
    nth = _nth(hit, 1, 53)
    if unit != "W" or number != "sg" or nth is None or nth < 1 or hit.word(hit.at("yw")) == "r":
        return None
    reading = hit.reading("DATE", week=nth)
    if hit.has("y"):
        reading.year = hit.number("y")
    else:
        reading.year_shift = 0
    return reading


@BOOK.rule(r"(?:(?P<sh>[{shift}{long_weekend}]) )?(?P<e>{weekend})")
def weekend(hit: Hit) -> Reading:
    """w weekend, w miniony weekend, długi weekend"""
    shift = None
    if hit.has("sh") and hit.entry("sh", "shift") is not None:
        shift = int(hit.value("sh", "shift")) or None
    return hit.reading("DATE", weekend=True, weekday_shift=shift)


@BOOK.rule(r"(?P<s>{season})(?: (?P<y>{year})" + YEAR_TAIL
           + r"| (?P<sh>{shift})\.? ?{year_word}\.?| " + THIS_YEAR + ")?")
def season(hit: Hit) -> Reading | None:
    """jesienią 2024 roku, zimą, latem ubiegłego roku (babie lato is no summer)"""
    first = hit.at("s")
    if first >= 2 and hit.lexicon.get(hit.tokens.folded[first - 2], "not_season_before") is not None:
        return None
    return _with_year(hit, hit.reading("DATE", season=hit.value("s", "season")))


@BOOK.rule(r"(?P<s>{season_adj})")
def season_adjective(hit: Hit) -> Reading | None:
    """przerwa zimowa, jesienna trasa (capitalised it is a name: Jesienne Spotkania)"""
    if not hit.original(hit.at("s")).islower():
        return None
    return hit.reading("DATE", season=hit.value("s", "season_adj"))


@BOOK.rule(r"(?P<n>{daypart}) {prep_from} (?P<d1>{day}) {prep_for} (?P<d2>{day}) (?P<mo>{month_gen})"
           + MONTH_YEAR + "?")
def night_between_days(hit: Hit) -> Reading | None:
    """nocy z 5 na 6 marca: the night that begins on the first day"""
    day1, day2 = _day(hit, "d1"), _day(hit, "d2")
    if hit.value("n", "daypart") != "NI" or day1 is None or day2 is None or day2 not in (day1 + 1, 1):
        return None
    reading = hit.reading("TIME", month=int(hit.value("mo", "month")), day=day1, daypart="NI")
    return _with_year(hit, reading)
