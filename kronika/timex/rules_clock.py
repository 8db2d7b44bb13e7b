"""Rules for clock times and parts of the day: godz. 17.00, o 13:30, 10.30-11.00, rano, w nocy."""
from __future__ import annotations

from kronika.timex.grammar import KINDS
from kronika.timex.reading import Reading
from kronika.timex.rulebook import BOOK, Hit
from kronika.timex.tense import verb_tense

# Parts of the day that are a time of their own; the others (południe, północ: also south and
# north; noc, wieczór as plain nouns) count only after a preposition of time or beside a date.
_STANDALONE_DAYPARTS = ("rano", "rankiem", "wieczorem", "noca", "popoludni", "porann", "wieczorn", "nocn")
_TIME_PREPOSITIONS = {"w", "we", "o", "po", "przed", "od", "do"}


def _clock(hit: Hit, hour_group: str, minute_group: str | None) -> tuple[int, int] | None:
    hour = hit.number(hour_group)
    minute = 0
    if minute_group is not None and hit.has(minute_group):
        text = hit.word(hit.at(minute_group))
        if len(text) != 2:
            return None
        minute = int(text)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return hour, minute


def _month_like(hit: Hit, minute_group: str) -> bool:
    """Minutes 01-12 off the five-minute grid (23.06) more often close a day and month than a clock."""
    text = hit.word(hit.at(minute_group))
    return len(text) == 2 and 1 <= int(text) <= 12 and int(text) % 5 != 0


_HOUR_WORD = r"(?:(?P<h>{hour_word})\.? ?(?:(?P<c>{approx})\.? )?)"


def _span_start(hit: Hit, reading: Reading) -> Reading:
    """`w godzinach 10.30`, `w godz. ok. 12.00` name a stretch of hours: the hour word stays out."""
    if hit.has("h"):
        entry = hit.entry("h", "hour_word")
        plural = entry is not None and entry.number == "pl"
        if plural or hit.tokens.folded[max(0, hit.at("h") - 2)] in ("w", "we"):
            reading.first = hit.at("c") if hit.has("c") else hit.at("hh")
    return reading


@BOOK.rule(_HOUR_WORD + r"(?P<hh>{day})(?:[.:](?P<mm>{day}))?")
def clock_after_word(hit: Hit) -> Reading | None:
    """godz. 17.00, godzinie 19, godz 23.59, godzina 15.00"""
    clock = _clock(hit, "hh", "mm")
    if clock is None:
        return None
    return _span_start(hit, hit.reading("TIME", hour=clock[0], minute=clock[1]))


@BOOK.rule(r"(?<=[{prep_at}{prep_since}{prep_until}{prep_after}{prep_before}{prep_between}] )"
           r"(?P<hh>{day})[.:](?P<mm>{day})|(?P<c>{approx})\.? (?P<hh2>{day})[.:](?P<mm2>{day})")
def clock_after_preposition(hit: Hit) -> Reading | None:
    """o 13.30, od 10.30, ok. 12.00 (do 23.06 is a day and a month: see day_dot_month)"""
    clock = _clock(hit, "hh", "mm") if hit.has("hh") else _clock(hit, "hh2", "mm2")
    if clock is None:
        return None
    if hit.has("hh") and hit.word(hit.at("hh") - 2) not in ("o", "ok", "okolo") and _month_like(hit, "mm"):
        return None
    return hit.reading("TIME", hour=clock[0], minute=clock[1])


@BOOK.rule(_HOUR_WORD + r"(?P<hh>{day})(?:[.:](?P<mm>{day}))?(?: ?- ?| {prep_until} )"
           r"(?P<h2>{day})(?:[.:](?P<m2>{day}))?(?![.:,]?{day})"
           r"|(?P<hh2>{day})[.:](?P<mm2>{day}) ?- ?(?P<h22>{day})[.:](?P<m22>{day})")
def clock_range(hit: Hit) -> list[Reading] | None:
    """10.30-13.30, godz. 10:30 – 11:00, w godz. 8-16, od godz. 10 do 14: two times"""
    if hit.has("hh2"):
        if hit.kinds_before(hit.at("hh2"), 2).strip()[-1:] == KINDS["day_word"]:
            return None  # w dniach 5.10-7.10: days and months
        start, end = _clock(hit, "hh2", "mm2"), _clock(hit, "h22", "m22")
        start_end, second, second_end = hit.match.end("mm2"), hit.at("h22"), hit.match.end("m22")
    else:
        start, end = _clock(hit, "hh", "mm"), _clock(hit, "h2", "m2")
        start_end = hit.match.end("mm") if hit.has("mm") else hit.match.end("hh")
        second, second_end = hit.at("h2"), hit.match.end()
    if start is None or end is None or start >= end:
        return None
    first = Reading("TIME", hit.match.start(), start_end, hour=start[0], minute=start[1])
    return [_span_start(hit, first), Reading("TIME", second, second_end, hour=end[0], minute=end[1])]


@BOOK.rule(r"(?:(?P<p>[{prep_in}{prep_after}{prep_before}{prep_at}{prep_since}{prep_until}]) )?"
           r"(?P<d>{daypart})")
def daypart(hit: Hit) -> Reading:
    """rano, wieczorem, w nocy, po południu, o północy, poranna chęć: joins a date before it
    (dziś w nocy, w piątek wieczorem), or stands alone when it cannot mean anything else."""
    word = hit.word(hit.at("d"))
    preposition = hit.word(hit.at("p")) if hit.has("p") else None
    code = "AF" if preposition == "po" and word == "poludniu" else hit.value("d", "daypart")
    standalone = word.startswith(_STANDALONE_DAYPARTS) or preposition in _TIME_PREPOSITIONS
    reading = Reading("TIME", hit.at("d"), hit.match.end(), daypart=code, weak=True, standalone=standalone)
    if preposition == "po" and word == "polnocy":
        reading.day_shift = 1  # dziś po północy: the small hours of the next day
    reading.lead = hit.at("p") if hit.has("p") else None
    return reading



@BOOK.rule(r"(?:^|(?<=\|))(?P<hh>{day})[.:](?P<mm>{day})(?= ?- )")
def clock_opening_a_line(hit: Hit) -> Reading | None:
    """`14.30 - otwarcie wystawy`: a programme line that opens with its hour"""
    clock = _clock(hit, "hh", "mm")
    if clock is None:
        return None
    return hit.reading("TIME", hour=clock[0], minute=clock[1])


@BOOK.rule(r"(?<={prep_since} )(?P<h1>{day}) {prep_until} (?P<h2>{day})"
           r"(?= ?[.,;)|]| {prep_in} | [{weekday}{deictic}])")
def hours_from_to(hit: Hit) -> list[Reading] | None:
    """czynne od 9 do 17: two clock times (an amount would carry its unit or noun after it)"""
    start, end = hit.number("h1"), hit.number("h2")
    if not 0 <= start < end <= 24:
        return None
    return [Reading("TIME", hit.at("h1"), hit.at("h1") + 1, hour=start, minute=0),
            Reading("TIME", hit.at("h2"), hit.at("h2") + 1, hour=end, minute=0)]


# Kinds after `o 11` that leave the number bare (no noun counted by it): a day part, a preposition,
# a conjunction, punctuation.
_CLAUSE_GO_ON = set(KINDS[k] for k in ("daypart", "prep_in", "prep_since", "prep_until", "prep_from",
                                       "prep_after", "prep_before", "prep_at", "prep_for", "conj"))


def _ends_clause(hit: Hit, end: int) -> bool:
    """Is the number at end-1 followed by nothing it could count (o 11 rozpocznie, o 11 w sali; not
    o 11 proc.)?"""
    kinds = hit.tokens.kinds
    if end >= len(kinds) or kinds[end] in ".,;)|":
        return True
    if kinds[end] != " " or end + 1 >= len(kinds):
        return False
    follower = kinds[end + 1]
    if follower in _CLAUSE_GO_ON:
        return True
    return follower == KINDS["word"] and verb_tense(hit.tokens.words[end + 1]) is not None


@BOOK.rule(r"(?P<p>{prep_at}) (?P<hh>{day})(?![.,:/-]?[{day}{num3}{year}{number}])")
def hour_after_date(hit: Hit) -> Reading | None:
    """w sobotę o 11, jutro o 10 rano: a bare hour after `o` counts only beside a day (see compose.py)"""
    hour = hit.number("hh")
    if not 0 <= hour <= 24 or not _ends_clause(hit, hit.match.end()):
        return None
    return Reading("TIME", hit.at("hh"), hit.match.end(), hour=hour, minute=0, weak=True, standalone=False,
                   lead=hit.at("p"))


@BOOK.rule(r"(?P<p>[{prep_at}{prep_after}{prep_since}{prep_until}{approx}]) (?:(?P<h>{hour_word}) )?"
           r"(?P<o>{ordinal})(?: (?P<o2>{ordinal}))?")
def hour_in_words(hit: Hit) -> Reading | None:
    """o ósmej, po dziewiątej wieczorem, o godzinie dwudziestej pierwszej: the hour as an ordinal
    (feminine, for godzina; `po drugiej stronie`, `do drugiej i odwrotnie` are no hours, so without
    the word a day part must follow, or after `o` a verb or the end of a clause)"""
    groups = ["o"] + (["o2"] if hit.has("o2") else [])
    if any(not hit.word(hit.at(g)).endswith("ej") for g in groups):
        return None
    hour = sum(int(hit.value(g, "ordinal")) for g in groups)
    if not 1 <= hour <= 24 or (not hit.has("h") and not _hour_follows(hit, hit.match.end())):
        return None
    first = hit.at("h") if hit.has("h") else hit.at("o")
    return Reading("TIME", first, hit.match.end(), hour=hour, minute=0)


def _hour_follows(hit: Hit, end: int) -> bool:
    kinds = hit.tokens.kinds
    if kinds[end + 1 : end + 2] == KINDS["daypart"] or kinds[end + 1 : end + 4] == "b y":
        return kinds[end : end + 1] == " "  # o ósmej rano, do pierwszej w nocy
    if hit.word(hit.at("p")) != "o" or kinds[end + 1 : end + 2] == KINDS["conj"]:
        return False
    return _ends_clause(hit, end)
