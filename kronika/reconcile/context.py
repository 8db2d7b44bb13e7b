"""What the words around a number say about the quantity it counts, read from the claim's sentence.

For each claim the sentence is cut at the neighbouring numbers: `before` is the stretch from the
previous number of the sentence to this one, `after` from this one to the next. The cue lists are
language data (kronika/lang/<lang>/reconcile/):

- running_total.txt: `od początku wojny`, `łącznie`, `dotąd` before the number make it a running total;
  so does the claim layer's `reference_basis` = `since:<value>`. A start cue (one opening with `od`)
  marks the count as one since a start (`started`): a time the text names there is the start, not the
  time the count holds, unless the clause also names when the count ends (running_until.txt: `do
  końca czerwca`, `według stanu na`) between the numbers around it.
- office_areas.txt: `w regionie`, `na terenie województwa` in the number's clause refer to the
  speaker's own region (`own_area`; identity.py names the regional offices whose region it is).
- part_cues.txt: `w tym`, `z samej Nysy`, `z nich` between two numbers of one measure make the second a
  part of the first (never a rival estimate of it).
- part_followers.txt: `z nich`, `spośród nich` right after a number make it a part of the count before it.
- part_openers.txt: `Wśród rannych`, `Spośród nich` opening a sentence make its first number a part of the
  last number of the previous sentence, when both count one measure.
- without a cue, a count of one measure that follows a larger one in its sentence and is at most half of
  it is a breakdown of it (a part): `18 zgonów, ... dwóch z Bukaresztu`.
- change_cues.tsv: `dwóch kolejnych`, `o jedną mniej`, `wzrosła o 40` make a stated number a change of
  the count before it (of one measure, in the article): a part of that count, never a rival of it.
- time_shift.tsv: `dzień wcześniej`, `przed wojną` before the number move its reference time.
- a year written in the number's clause (`w 2010 r.`) is the period it counts (see identity.py).
- period_spans.tsv: a stretch of the calendar before the number (`w ciągu ostatnich dziesięciu lat`,
  `od początku sezonu`), which identity.py reads as a period of its own or a total that holds others.
- share_of.tsv / money_for.tsv: what a percentage is a share of and what an amount of money is for;
  the cue nearest the number wins; a percentage with no cue of its own is a share of what the
  percentage before it in its sentence is.
- share_detail.tsv / money_detail.tsv: what narrows a share within it (a component `żywności`, a basis
  `w ciągu miesiąca`, an average, a forecast) or an amount (what each recipient may get, `mogą liczyć
  na`); count_detail.tsv: a head count of people held in one kind of place (`w szpitalach`, `w punktach
  noclegowych`) is a stock apart from the event's total. Every detail in the number's clause counts, up
  to a stop (`z wyłączeniem`).

Each claim's sentence is read once, so the pass is linear in the text.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from kronika.assemble.morph import readings
from kronika.claim import Claim
from kronika.numbers.trie import trie_pattern
from kronika.reconcile.purpose_noun import named_purpose
from kronika.reconcile.subject_kinds import GENERIC_KIND, subject_kind


@dataclass(frozen=True, slots=True)
class ClaimContext:
    running: bool = False
    part_of: int | None = None  # index (in the article's claims) of the whole this is a part of
    part_locus: str | None = None  # what the part is (`nysy`), from the words after the cue
    shift: int | str | None = None  # days, or "before"
    share_of: str | None = None
    money_for: str | None = None
    year: str | None = None  # a year the number's clause names (`w 2010 r.`), not a `since` (`od 2021 r.`)
    share_details: tuple[str, ...] = ()  # `core`, `food`, `m/m`, `forecast`, ...
    started: bool = False  # a count since a start (`od początku epidemii`) whose end the clause leaves unsaid
    own_area: bool = False  # the clause refers to its speaker's own region (`w regionie`; office_areas.txt)
    span: tuple[str, str] | None = None  # (kind, phrase) of a calendar stretch before it (period_spans.tsv)
    case_status: str | None = None  # `suspected`, `confirmed` or `pending`, from the clause (case_status.tsv)
    restates: int | None = None  # index of the earlier sum or share in its unit it is a rival estimate of
    continues: int | None = None  # index of the share before it whose list it goes on (`45 proc. gruntów, dziś 12`)


def _lines(name: str, lang: str) -> list[list[str]]:
    path = resources.files("kronika") / "lang" / lang / "reconcile" / name
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([part.strip() for part in line.split("\t")])
    return rows


def _pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted({p.casefold() for p in phrases}, key=len, reverse=True)  # longest first
    if not ordered:
        return re.compile("(?!)")  # an empty list matches nothing, not everything
    if ordered[-1]:
        # The same matches as the alternation below, found faster: a trie also takes the longest phrase
        # at each position (the phrases that match there are prefixes of one another), and the engine
        # rejects most positions after a character or two instead of trying every phrase.
        return re.compile(r"(?<!\w)" + trie_pattern(ordered))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + ")")


def _whole_words(phrases: Sequence[str]) -> re.Pattern[str]:
    """Phrases matched as whole words, except the longer phrases marked `!` that start with one."""
    cues = [p for p in phrases if not p.startswith("!")]
    excluded = [p[1:] for p in phrases if p.startswith("!")]
    unless = r"(?!(?:" + "|".join(re.escape(p.casefold()) for p in excluded) + r")(?!\w))" if excluded else ""
    return re.compile(r"(?<!\w)" + unless + _pattern(cues).pattern[len(r"(?<!\w)"):] + r"(?!\w)")


@dataclass(frozen=True, slots=True)
class _Cues:
    running: re.Pattern[str]
    until: re.Pattern[str]
    area: re.Pattern[str]
    part: re.Pattern[str]
    shift: re.Pattern[str]
    shifts: dict[str, int | str]
    share: re.Pattern[str]
    shares: dict[str, str]
    rise: re.Pattern[str]  # a rise that, naming nothing else, is a price rise (share_rise.tsv)
    rise_of_count: re.Pattern[str]  # a clause naming a count: its rise is no price rise
    money: re.Pattern[str]
    moneys: dict[str, str]
    opener: re.Pattern[str]
    follower: re.Pattern[str]
    detail: re.Pattern[str]
    details: dict[str, str]
    money_detail: re.Pattern[str]
    money_details: dict[str, str]
    restated: re.Pattern[str]  # sum_restated.txt
    count_detail: re.Pattern[str]
    count_details: dict[str, str]
    count_detail_measures: dict[str, frozenset[str]]  # a detail that narrows only these measures
    change_next_before: re.Pattern[str]
    change_next_after: re.Pattern[str]
    change_comparative: re.Pattern[str]
    change_verb: re.Pattern[str]
    span: re.Pattern[str]  # one group per kind of period_spans.tsv
    case_status: re.Pattern[str]
    case_statuses: dict[str, str]
    supply_stage: re.Pattern[str]
    supply_stages: dict[str, str]
    area_detail: re.Pattern[str]
    area_details: dict[str, str]


def _regex_lines(name: str, lang: str) -> re.Pattern[str]:
    """A data file of regular expressions, one a line, as one pattern of whole words; a line that is no
    regular expression is reported with its file and text."""
    found = [row[0] for row in _lines(name, lang)]
    for line in found:
        try:
            re.compile(line)
        except re.error as error:
            raise ValueError(f"{name}: {line!r} is no regular expression ({error})") from error
    return re.compile(r"(?<!\w)(?:" + "|".join(found) + r")(?!\w)")


def _pattern_of_units(details: dict[str, str]) -> re.Pattern[str]:
    """Like `_pattern`, but a unit of a rate is a whole word: `za bilet` is a price per ticket, `1,4 mln zł
    zwrotów za bilety` the sum of many."""
    ordered = sorted(details, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(p) + (r"(?!\w)" if _per_unit((details[p],)) else "") for p in ordered) + ")")


@lru_cache(maxsize=4)
def cues(lang: str = "pl") -> _Cues:
    shifts: dict[str, int | str] = {}
    for phrase, shift in _lines("time_shift.tsv", lang):
        shifts[phrase.casefold()] = shift if shift == "before" else int(shift)
    shares = {p.casefold(): key for p, key in _lines("share_of.tsv", lang)}
    rises: dict[str, list[str]] = {"rise": [], "count": []}
    for phrase, kind in _lines("share_rise.tsv", lang):
        rises[kind].append(phrase.casefold())
    moneys = {p.casefold(): key for p, key in _lines("money_for.tsv", lang)}
    details = {p.casefold(): key for p, key in _lines("share_detail.tsv", lang)}
    money_details = {p.casefold(): key for p, key in _lines("money_detail.tsv", lang)}
    count_rows = _lines("count_detail.tsv", lang)
    count_details = {row[0].casefold(): row[1] for row in count_rows}
    count_detail_measures = {row[1]: frozenset(row[2].split(",")) for row in count_rows if len(row) > 2}
    change: dict[str, list[str]] = {"next": [], "comparative": [], "verb": []}
    for phrase, where in _lines("change_cues.tsv", lang):
        change[where].append(re.escape(phrase.casefold()))
    words = {where: "(?:" + "|".join(found) + r")\w*" for where, found in change.items()}
    spans: dict[str, list[str]] = {}
    for pattern, kind in _lines("period_spans.tsv", lang):
        spans.setdefault(kind, []).append(pattern)
    statuses = {p.casefold(): status for p, status in _lines("case_status.tsv", lang)}
    stages = {p.casefold(): stage for p, stage in _lines("supply_stage.tsv", lang)}
    areas = {p.casefold(): detail for p, detail in _lines("area_detail.tsv", lang)}
    return _Cues(
        _pattern([r[0] for r in _lines("running_total.txt", lang)]),
        _pattern([r[0] for r in _lines("running_until.txt", lang)]),
        _pattern([r[0] for r in _lines("office_areas.txt", lang)]),
        _whole_words([r[0] for r in _lines("part_cues.txt", lang)]),
        _pattern(list(shifts)), shifts,
        _pattern(list(shares)), shares, _pattern(rises["rise"]), _pattern(rises["count"]),
        _pattern(list(moneys)), moneys,
        re.compile(r"^\W*" + _pattern([r[0] for r in _lines("part_openers.txt", lang)]).pattern + r"(?!\w)"),
        re.compile(r"^\s*(?:\w+\s+)?" + _pattern([r[0] for r in _lines("part_followers.txt", lang)]).pattern
                   + r"(?!\w)"),
        _pattern(list(details)), details,
        _pattern_of_units(money_details), money_details,
        _regex_lines("sum_restated.txt", lang),
        _pattern(list(count_details)), count_details, count_detail_measures,
        re.compile(r"(?<!\w)" + words["next"] + r"\s*$"),
        re.compile(r"^\s*" + words["next"] + r"(?!\w)"),
        re.compile(r"^\s*(?:\w+\s+)?" + words["comparative"] + r"(?!\w)"),
        re.compile(r"(?<!\w)" + words["verb"] + r"(?:\s+\w+)?\s+o\s*$"),
        re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<{kind}>{'|'.join(found)})" for kind, found in spans.items()) + ")"),
        _pattern(list(statuses)), statuses,
        _pattern(list(stages)), stages,
        _pattern(list(areas)), areas,
    )


# A planned `kolejne 6 tys.` is a plan for the figure itself (plans never meet its estimates anyway);
# only a stated change is a part of the count it changes. A percentage change (`ceny wzrosły o 5 proc.`)
# is the quantity itself: inflation and growth are rates of change.
_STATED = frozenset({"asserted", "reported"})


OPENER_REACH = 4  # claims back an opened part looks for its whole (`Wśród rannych…` after other figures)


def _last_of_measure(claims: Sequence[Claim], i: int, measure: str) -> int | None:
    """The nearest earlier claim of `measure` in the article, at most OPENER_REACH claims back."""
    for j in range(i - 1, max(i - 1 - OPENER_REACH, -1), -1):
        if claims[j].measure == measure:
            return j
    return None


def _is_change(table: _Cues, before: str, after: str) -> bool:
    """`dwóch kolejnych`, `kolejne trzy`, `o jedną mniej`, `wzrosła o 40`: the number counts a change."""
    if table.change_next_before.search(before) or table.change_next_after.search(after):
        return True
    if re.search(r"(?<!\w)o\s*$", before) is None:
        return False
    return bool(table.change_comparative.search(after) or table.change_verb.search(before))


NEXT_REACH = 40  # characters either side of a number where `kolejnych` may stand


def _is_next(table: _Cues, before: str, after: str) -> bool:
    """`dwóch kolejnych`, `kolejne trzy`: a word of `next` right beside the number (a bounded look)."""
    return bool(table.change_next_before.search(before[-NEXT_REACH:])
                or table.change_next_after.search(after[:NEXT_REACH]))


BREAKDOWN_SHARE = 0.5
_WHOLE_BEFORE = re.compile(r"(?<!\w)(?:z|ze|spośród)\s+(?:\w+\.?\s+)?$")  # `z ok. 10 tys.`: a whole to take from
_REFERS_BACK = re.compile(r"(?<!\w)(?:ich|nich)(?!\w)")  # `było ich 600`: the count said just before
_PRESENT = "present"  # a stock at some place: a detail naming the place says it better
_IN_HOSPITAL = "in hospital"
_WHOLE_OPENS = re.compile(r"(?:^|\s)(?:z|ze|spośród|wśród)\s*$")  # `z 52 rannych ...`, `spośród 40 ...`
_TO_HOSPITAL = frozenset({"transferred", "arrived"})  # brought to hospital: counted among those in it
_NOT_NARROWED = frozenset({"killed"})  # who died in hospital is still in the death toll (count_detail.tsv)


def _breakdown(whole: Claim, claim: Claim) -> bool:
    """A count of one measure that follows a larger count in its sentence, at most half of it, without a
    cue (`liczba zgonów to 18, w tym nie ujęto dwóch z Bukaresztu`; `18 ofiar, dwie z nich w stolicy`):
    a breakdown of the larger count, not a rival of it or of other reports. Shares are excluded (they
    are rates, not parts) and so are plans."""
    return (claim.modality in _STATED and whole.modality in _STATED and claim.unit == whole.unit
            and claim.unit != "percent" and whole.value > 0 and claim.value <= BREAKDOWN_SHARE * whole.value
            and claim.qualifier != "vague" and whole.qualifier != "vague")


# `43 mld euro, a niemiecka – 10,6 mld`: a number after a contrasting `a` is a parallel item, not a
# breakdown of the number before it.
_PARALLEL = re.compile(r",\s+a\s")
_OF_THEM = re.compile(r"^\s*(?:\w+\s+)?(?:z nich|z czego|spośród nich|wśród nich)(?!\w)")


# What opens a list of the parts of the number before it: `800 zł podwyżki: 500 zł od maja i 300 zł`,
# `zginęło 10 osób (6 Polaków i 4 Niemców)`, `1,2 tys. zł, z czego 800 zł ... a 400 zł`.
_LIST_OPENER = re.compile(r"[:(–]|(?<!\w)(?:z czego|czyli|w tym(?!\s+(?:roku|miesiącu|tygodniu|sezonie|dniu|czasie)))"
                          r"(?!\w)")
MAX_LISTED_PARTS = 8


def _summed_parts(claims: Sequence[Claim], positions: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Claims that, listed after a number of their sentence, measure and unit behind a list opener, add
    up to it exactly (two or more of them): parts of it, whatever their size (claim index -> whole). So
    do two or more in the very next sentence, when the number is its own sentence's last (`poinformowały
    o czterech ofiarach. Dwie osoby znaleziono w autach, dwie kolejne zginęły na dachach.`)."""
    found: dict[int, int] = {}
    for j, whole in enumerate(claims):
        if j in found or whole.unit == "percent" or j + 1 >= len(claims):
            continue
        following = _next_sentence(claims, positions, j)
        parts = claims[j + 1].sentence
        if not _same_text(parts, whole.sentence) and not following:
            continue
        total, k = 0.0, j + 1
        while k < len(claims) and k - j <= MAX_LISTED_PARTS and _same_text(claims[k].sentence, parts) \
                and claims[k].measure == whole.measure and claims[k].unit == whole.unit:
            total += claims[k].value
            if total >= whole.value:
                break
            k += 1
        opened = following or _LIST_OPENER.search(whole.sentence[positions[j][1]:positions[j + 1][0]]) is not None
        if opened and k > j + 1 and total == whole.value and _same_text(claims[k].sentence, parts):
            found.update((m, j) for m in range(j + 1, k + 1))
    return found


def _same_text(one: str, other: str) -> bool:
    """Two claims' sentences are one: the same string as extracted, equal strings as read from the ledger."""
    return one is other or one == other


def _next_sentence(claims: Sequence[Claim], positions: Sequence[tuple[int, int]], j: int) -> bool:
    """Claim `j + 1` stands in the sentence right after claim `j`'s, which holds no claim after `j`."""
    whole, first = claims[j], claims[j + 1]
    if _same_text(first.sentence, whole.sentence):
        return False
    expected = len(whole.sentence) - positions[j][1] + positions[j + 1][0]
    return 0 <= first.span[0] - whole.span[1] - expected <= _SENTENCE_GAP


_SENTENCE_GAP = 3  # spaces or a line break between two sentences


NEXT_SUM_REACH = 300  # characters between two sums that are read as one purpose's
NEXT_SUM_RATIO = 10


def _rival_sum(earlier: Claim, claim: Claim) -> bool:
    """`claim` is a sum in the same currency just after `earlier` (the next sentence at most) and within
    an order of magnitude of it: another estimate of the same thing, or a part of it."""
    if earlier.unit != claim.unit or earlier.article != claim.article:
        return False
    if not 0 <= claim.span[0] - earlier.span[1] <= NEXT_SUM_REACH:
        return False
    low, high = sorted((abs(earlier.value), abs(claim.value)))
    return low > 0 and high <= NEXT_SUM_RATIO * low


RESTATE_BACK = 3  # claims back to the sum or share a rival estimate restates: `548 tys. widzów i 15,6 mln zł`


def _restated(claims: Sequence[Claim], positions: Sequence[tuple[int, int]], i: int, table: _Cues, text: str,
              start: int) -> int | None:
    """The index of the last earlier claim in claim `i`'s unit, at most RESTATE_BACK claims back, that
    claim `i` gives another estimate of: a rival sum just after it (`_rival_sum`) with a word of citing or
    estimating since it (sum_restated.txt: `podaje`, `mówi o`, `szacuje`), or None."""
    claim = claims[i]
    for j in range(i - 1, max(-1, i - 1 - RESTATE_BACK), -1):
        if claims[j].unit != claim.unit:
            continue
        if not _rival_sum(claims[j], claim):
            return None
        since = positions[j][1] if claims[j].sentence is claim.sentence or claims[j].sentence == claim.sentence else 0
        return j if table.restated.search(text[since:start]) else None
    return None


def _counts_alike(earlier: Claim, claim: Claim, lang: str) -> bool:
    """`claim` counts what `earlier` counts, or names only people (`mówi o 34 osobach` after `uwięzionych
    jest 37 górników`), not another thing (`mówił o 640 strajkujących` after `odwołano 260 zabiegów`)."""
    kind = subject_kind(claim.subject, claim.unit, lang)
    return kind is None or kind == GENERIC_KIND or kind == subject_kind(earlier.subject, earlier.unit, lang)


def _another_time(earlier: Claim, claim: Claim) -> bool:
    """A percentage that opens its sentence with no cue of its own, right after a percentage of the
    sentence before, at another time the text states: the same indicator at that time."""
    return (earlier.unit == "percent" and claim.reference_basis == "text" and earlier.reference_basis == "text"
            and claim.reference_time is not None and claim.reference_time != earlier.reference_time
            and claim.modality == earlier.modality)


# `Smer 44, PS 43, Republika 21`: the next name of a list and its number, a parallel item, not a part.
_LISTED_NAME = re.compile(r"\s*,\s*[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*(?:\s+[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*)*\s*")


def _parallel(before: str, after: str) -> bool:
    """`..., a niemiecka – 10,6 mld`, `..., a zarząd o 2,5 tys.`: after a contrasting `a`, a new holder or
    speaker before the number makes it a parallel item; `, a dziewięć w Nysie`, `, a dwa z nich` are
    parts of the number before."""
    found = _last(_PARALLEL, before)
    return found is not None and bool(before[found.end():].strip()) and _OF_THEM.search(after) is None
_CLAUSE_END = re.compile(r"[,;:–(]| a | oraz | zaś ")


_GDP = "gdp"
_TO_GDP = "-to-gdp"


def _of_gdp(table: _Cues, before: str, previous: str | None) -> str:
    """A share of GDP is keyed by what is measured against GDP (`deficyt sięgnie 7,1 proc. PKB`: deficit-to-gdp;
    `dług zbliża się do 60 proc. PKB`: debt-to-gdp): the share cue nearest before the number, else that of
    the share just before it in its sentence (`..., a w przyszłym 6,2 proc. PKB`), else GDP alone."""
    last = None
    for match in table.share.finditer(before):
        if table.shares.get(match.group(0)) != _GDP:
            last = match
    if last is not None:
        return f"{table.shares[last.group(0)]}{_TO_GDP}"
    return previous if previous is not None and previous.endswith(_TO_GDP) else _GDP


# Purposes that, in the genitive after another purpose, are its owner (`deficyt budżetu`, `dochody budżetu`).
_OWNERS = frozenset({"budget"})


def _head_before_owner(table: _Cues, before: str) -> str | None:
    """The purpose named right before the owner's cue that ends `before`'s last purpose cue (`deficyt
    budżetu państwa po wrześniu wyniósł`: deficit), or None."""
    cues = list(table.money.finditer(before))
    if len(cues) < 2 or table.moneys.get(cues[-1].group(0)) not in _OWNERS:
        return None
    head, owner = cues[-2], cues[-1]
    between = before[head.end():owner.start()]
    word = _FILLER_WORD.match(before, owner.start())
    if not _ONE_WORD_END.fullmatch(between) or word is None \
            or not any(r.has("gen") and not r.has("acc") for r in readings(word.group(0))):
        return None  # `kosztowały budżet miasta 420 tys. zł`: the budget bore the cost, it owns none
    found = table.moneys.get(head.group(0))
    return found if found not in _OWNERS else None


_ONE_WORD_END = re.compile(r"\w*\s+")  # the rest of the head's word, then a space


def _gdp_next(table: _Cues, after: str) -> bool:
    """The percentage is followed by `PKB` (`59,8 proc. PKB`)."""
    found = table.share.match(after.lstrip())
    return found is not None and table.shares.get(found.group(0)) == _GDP


def _nearest(pattern: re.Pattern[str], before: str, after: str) -> str | None:
    """The cue closest to the number: the last one before it or the first after it within its clause
    (`4 proc. głosów`; in `4 proc., a frekwencja` the cue after the comma is the next number's)."""
    if (end := _CLAUSE_END.search(after)) is not None:
        after = after[:end.start()]
    last = None
    for match in pattern.finditer(before):
        last = match
    first = pattern.search(after)
    if last is None and first is None:
        return None
    if first is None or (last is not None and len(before) - last.end() <= first.start()):
        return last.group(0) if last else None
    return first.group(0)


# Who measured a share is said once for the whole sentence (`..., a kandydat PiS 29 proc. – wynika z
# badania exit poll`): these details hold for every share of it, wherever they stand.
_SENTENCE_WIDE = frozenset({"exit poll", "late poll"})
# A superlative picks one unit among many only when it leads to the number (`najwięcej zachorowań, 420,
# zanotowano w Krakowie`); after it, it describes the number itself (`18,4 proc. i był to najwyższy wynik`).
_BEFORE_ONLY = frozenset({"most", "fewest", "highest", "lowest"})


def _share_details(table: _Cues, before: str, after: str, of: str = "share", rest: str = "") -> tuple[str, ...]:
    """The details (share_detail.tsv, money_detail.tsv or count_detail.tsv, `of` share, money or count)
    in the clause of a number: all of them before it up to a stop, and those after it up to the clause's
    end."""
    pattern, details = {"share": (table.detail, table.details), "money": (table.money_detail, table.money_details),
                        "count": (table.count_detail, table.count_details)}[of]
    if (end := _CLAUSE_END.search(after)) is not None:
        after = after[:end.start()]
    found: set[str] = set()
    for match in pattern.finditer(before):
        detail = details[match.group(0)]
        if detail == "-":
            break
        found.add(detail)
    found.update(d for m in pattern.finditer(after) if (d := details[m.group(0)]) not in _BEFORE_ONLY)
    found.update(d for m in pattern.finditer(rest) if (d := details[m.group(0)]) in _SENTENCE_WIDE)
    found -= {"-", "="}
    return tuple(sorted(found))


# Details of which only one holds for a sum (money_detail.tsv): which fuel a price is of.
_ONE_OF = frozenset({"petrol", "diesel", "lpg"})
_ITEM_JOINER = re.compile(r",|\s(?:i|a|oraz|zaś)\s")


# What may stand between two sums of one list besides their details: `2,09 euro, a za olej napędowy średnio
# 2,14 euro`, `dziś już tylko`. Not `do`: `z 80 zł do 99 zł` is a price before and after, two figures.
_LIST_FILLER = frozenset({"z", "ze", "za", "a", "i", "oraz", "zaś", "w", "we", "na", "od", "dziś", "teraz",
                          "obecnie", "średnio", "ok", "około", "ponad", "blisko", "już", "tylko", "aż", "zaledwie",
                          "niespełna", "prawie", "nawet", "maksymalnie", "minimum", "co", "najmniej", "najwyżej"})
_FILLER_WORD = re.compile(r"\w+")
_UP_TO_COMMA = re.compile(r"[,;]")


def _list_goes_on(details: re.Pattern[str], between: str) -> bool:
    """The stretch between two numbers of a sentence holds only list words and `details` (money_detail.tsv,
    share_detail.tsv): no noun of its own that could name another purpose or holder (`dochody 27,6 mld zł,
    wydatki 30,4 mld zł`, `7,2 proc. dorosłych, wśród seniorów 19 proc.`)."""
    covered = [m.span() for m in details.finditer(between)]
    for word in _FILLER_WORD.finditer(between):
        if word.group(0) in _LIST_FILLER or any(a <= word.start() < b for a, b in covered):
            continue
        return False
    return True


def _with_own_details(inherited: tuple[str, ...], own: tuple[str, ...]) -> tuple[str, ...]:
    """The details of the sum before, where the sum names none of that kind itself: its own fuel replaces
    the fuel before (`za olej napędowy`), the rate per litre carries."""
    kept = [d for d in inherited if not (d in _ONE_OF and any(o in _ONE_OF for o in own))]
    return tuple(sorted({*kept, *own}))


def _one_of_each(details: tuple[str, ...], table: _Cues, before: str, after: str) -> tuple[str, ...]:
    """`details` with only one of those that exclude one another: the one named after the number in its
    clause, else the last before it that no list joiner parts from it (`6,36 zł za litr Pb95 i 6,68 zł
    za diesla`: the second is diesel's, though petrol is named before it), else the last before it."""
    exclusive = [d for d in details if d in _ONE_OF]
    if len(exclusive) < 2:
        return details
    named_after = [table.money_details[m.group(0)] for m in table.money_detail.finditer(_clause(after))
                   if table.money_details[m.group(0)] in _ONE_OF]
    named_before = [(table.money_details[m.group(0)], _ITEM_JOINER.search(before[m.end():]) is None)
                    for m in table.money_detail.finditer(before) if table.money_details[m.group(0)] in _ONE_OF]
    unparted = [d for d, alone in named_before if alone]
    keep = (named_after or unparted or [d for d, _ in named_before] or exclusive)[0 if named_after else -1]
    return tuple(d for d in details if d not in _ONE_OF or d == keep)


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of `pattern` in `text`, or None."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the loop keeps the last match
        pass
    return found


PRICE_RISE = "price rise"
_PRICE = "price"
_COST = "cost"
# The details of money_detail.tsv that say which side of a bargain a sum stands for.
NEGOTIATED = frozenset({"demanded", "offered", "agreed"})
_PER_RECIPIENT = "per recipient"


def _per_unit(details: tuple[str, ...]) -> bool:
    """A detail of money_detail.tsv named `per <unit>` (other than per recipient) is a rate per unit of a thing."""
    return any(d.startswith("per ") and d != _PER_RECIPIENT for d in details)


def _is_price_rise(table: _Cues, before: str, after: str) -> bool:
    """A rise in the number's own clause that names no count (share_rise.tsv)."""
    stretch = _clause_before(before) + " " + _clause(after)
    return table.rise.search(stretch) is not None and table.rise_of_count.search(stretch) is None


_STATUS_MEASURES = frozenset({"cases", "killed", "other"})  # `1350 przypadków śmierci jest badanych`: other


def _case_status(table: _Cues, before: str, after: str) -> str | None:
    """How far the count is established (case_status.tsv): the status named nearest to the number in its
    clause (`Laboratoria potwierdziły dotąd 1320 zakażeń`, `980 zgonów jest wyjaśnianych`)."""
    found = _in_clause(table.case_status, before, after)
    return table.case_statuses[found] if found is not None else None


# Units of area: an area is keyed by its unit, whatever the noun after it (`lasu`, `upraw`) or none, and by
# what was done to it (area_detail.tsv).
AREA_UNITS = frozenset({"ha", "km2", "m2"})
_ORDERED = "ordered"


def _clause_before(before: str) -> str:
    """The stretch before a number back to the start of its clause."""
    end = _last(_CLAUSE_END, before)
    return before[end.end():] if end is not None else before


def _in_clause(pattern: re.Pattern[str], before: str, after: str) -> str | None:
    """The phrase of `pattern` nearest to the number in its clause, or None."""
    return _nearest(pattern, _clause_before(before), after)


def _ordered(table: _Cues, before: str, after: str) -> bool:
    """The word nearest to the number in its clause that orders or delivers (supply_stage.tsv) orders it."""
    found = _in_clause(table.supply_stage, before, after)
    return found is not None and table.supply_stages[found] == _ORDERED


def _clause(after: str) -> str:
    """The stretch after a number up to the end of its clause."""
    end = _CLAUSE_END.search(after)
    return after if end is None else after[:end.start()]


_YEAR = re.compile(r"(?<!\w)(?:(od|do)\s+)?(?:\w+\s+)?((?:19|20)\d{2})\s*(?:r\.|rok)")
_ANY_YEAR = re.compile(r"(?:19|20)\d{2}\s*r")  # a cheap test of the sentence before the clause's search


def _clause_year(before: str, after: str) -> str | None:
    """The year named in the number's clause (the stretch before it, or after it up to a clause break),
    unless it opens or closes a span (`od 2021 r.`, `do 2030 r.`)."""
    if (end := _CLAUSE_END.search(after)) is not None:
        after = after[:end.start()]
    for match in (*_YEAR.finditer(before), *_YEAR.finditer(after)):
        if match.group(1) is None:
            return match.group(2)
    return None


_LOCUS = re.compile(r"[^\W\d_]{3,}")


def _locus(stretch: str, cue_end: int) -> str | None:
    words = _LOCUS.findall(stretch[cue_end:])
    return words[0][:4].casefold() if words else None


def _positions(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Where each claim's mention sits in its sentence (claims in text order)."""
    found: list[tuple[int, int]] = []
    previous_sentence, cursor = None, 0
    for claim in claims:
        if claim.sentence is not previous_sentence and claim.sentence != previous_sentence:
            previous_sentence, cursor = claim.sentence, 0
        at = claim.sentence.find(claim.mention, cursor) if claim.mention else -1
        if at < 0:
            at = cursor
        end = at + len(claim.mention)
        found.append((at, end))
        cursor = end
    return found


def article_contexts(claims: Sequence[Claim], lang: str = "pl") -> list[ClaimContext]:
    """The context of each claim of one article; `claims` in text order."""
    table = cues(lang)
    positions = _positions(claims)
    result: list[ClaimContext] = []
    text, sentence, has_year, has_status, has_stage = "", None, False, False, False
    summed = _summed_parts(claims, positions)
    listed: list[int] = []  # percentages with no cue of their own, just after a holder's name
    for i, claim in enumerate(claims):
        start, end = positions[i]
        # cheap tests of the whole sentence, once (claims read from the ledger hold equal sentences, not one)
        if claim.sentence is not sentence and claim.sentence != sentence:
            sentence, text = claim.sentence, claim.sentence.casefold()
            has_year = _ANY_YEAR.search(text) is not None
            has_status, has_stage = _names_status_or_stage(text, lang)
        previous = i - 1 if i > 0 and claims[i - 1].sentence == claim.sentence else None
        following = i + 1 if i + 1 < len(claims) and claims[i + 1].sentence == claim.sentence else None
        before = text[positions[previous][1] if previous is not None else 0:start]
        after = text[end:positions[following][0] if following is not None else len(text)]
        start_cue = _last(table.running, before)
        running = bool((claim.reference_basis or "").startswith("since:") or start_cue is not None)
        started = start_cue is not None and start_cue.group(0).startswith("od ") \
            and table.until.search(before) is None and table.until.search(after) is None
        part_of = locus = None
        if i in summed:  # `800 zł podwyżki: 500 zł od maja i 300 zł od września`
            part_of, locus = summed[i], "breakdown"
        elif previous is not None and claims[previous].measure == claim.measure and \
                (cue := table.part.search(before)) is not None:
            part_of, locus = previous, _locus(claim.sentence[positions[previous][1]:start], cue.end())
        elif i > 0 and claims[i - 1].measure == claim.measure:
            if previous is None and table.opener.search(before):  # `Wśród rannych jest troje dzieci.`
                part_of = i - 1
            elif claim.modality in _STATED and claim.unit != "percent" and _is_change(table, before, after):
                part_of, locus = i - 1, "change"
            elif previous is not None and claim.unit == claims[previous].unit and claim.value < claims[previous].value \
                    and not before.lstrip().startswith("do ") \
                    and _WHOLE_BEFORE.search(text[max(0, positions[previous][0] - 20):positions[previous][0]]):
                # `z 10–12 tys. wojskowych w Rosji do obwodu kurskiego trafiło 8 tys.`: a part of the whole
                # its preposition names (not `z 820 do 690 osób`, a change)
                part_of, locus = previous, "breakdown"
            elif previous is not None and _breakdown(claims[previous], claim) and not _parallel(before, after) \
                    and not _LISTED_NAME.fullmatch(claim.sentence[positions[previous][1]:start]):
                part_of, locus = previous, "breakdown"
            elif table.follower.match(after):  # `Dwunastu z nich wyszło o własnych siłach.`
                part_of = i - 1
        elif previous is None and i > 0 and table.opener.search(before):
            # `Wśród zabitych jest jeden Polak` a few numbers after the toll it belongs to.
            part_of = _last_of_measure(claims, i, claim.measure)
        elif i > 0 and claim.modality in _STATED and claim.unit != "percent" and _is_next(table, before, after) \
                and (earlier := _last_of_measure(claims, i, claim.measure)) is not None:
            # `Ratownicy odnaleźli ciała dwóch kolejnych górników` a few numbers after the toll it adds to
            part_of, locus = earlier, "change"
        shift = None
        if (moved := _nearest(table.shift, before, "")) is not None:
            shift = table.shifts[moved]
            if claim.unit == "percent" and shift == "before":
                shift = None  # `wcześniej` before a rate is the earlier reading of one series
        elif previous is not None and result[previous].shift == "before" and claims[previous].measure != claim.measure:
            # `Nawałnica zaskoczyła wtedy setki żeglarzy ..., zginęło 12 osób`: the earlier time holds past
            # a number of another measure (a number of its own measure may be today's: `wtedy 5, dziś 7`)
            shift = "before"
        share = money = None
        restated = _restated(claims, positions, i, table, text, start)
        details: tuple[str, ...] = ()
        if claim.unit == "percent":
            share = table.shares.get(_nearest(table.share, before, after) or "")
            if share == _GDP:
                share = _of_gdp(table, before, result[previous].share_of if previous is not None
                                and claims[previous].unit == "percent" else None)
            elif share is not None and _gdp_next(table, after):
                share += _TO_GDP  # `a dług 59,8 proc. PKB`: the debt's cue stood nearer than `PKB`
            if share is None and previous is not None and claims[previous].unit == "percent":
                share = result[previous].share_of  # `inflacja wyniosła 4,6 proc., a według GUS 4,9 proc.`
            elif share is None and previous is None and i > 0 and _another_time(claims[i - 1], claim):
                share = result[i - 1].share_of  # `Inflacja w marcu wyniosła 4,6 proc. W lutym było to 4,9 proc.`
            if share is None and restated is not None and result[restated].share_of:
                share = result[restated].share_of  # `frekwencja wyniosła 11,2 proc. Komisja mówi o 12,4 proc.`
            if share is None and _holder_just_before(claim.sentence[
                    positions[previous][1] if previous is not None else 0:start], lang):
                listed.append(i)  # `Do parlamentu wchodzą też Republika (10,4 proc.), Hlas-SD (8,7 proc.)`
            if share is None and _is_price_rise(table, before, after):
                share = PRICE_RISE  # `Według ratusza to wzrost o 18 proc.`
            details = _share_details(table, before, after, rest=text[end:]) if share else ()
        elif claim.unit and claim.unit.isupper():
            money = table.moneys.get(_nearest(table.money, before, after) or "")
            if money in _OWNERS and (head := _head_before_owner(table, before)) is not None:
                money = head  # `deficyt budżetu wyniósł 171,3 mld zł`: the budget's deficit
            money = money or named_purpose(before, after, lang)
            found = _one_of_each(_share_details(table, before, after, "money"), table, before, after)
            if money == _COST and _per_unit(found):
                money = _PRICE  # `metr kosztuje 17 850 zł`: what a unit costs is its price
            details = found if money else ()
            if money is None and restated is not None and result[restated].money_for:
                # `Straty izba wycenia na 400 mln zł. Ministerstwo ocenia je na 250 mln zł.`, `Portal podaje
                # jednak 548 tys. widzów i 15,6 mln zł`: the next estimate of its size, just after, is of what
                # the sum before is for (a sum put to a use, `zebrało 85 tys. zł`, `trafi do rodzin`, is its own)
                money = result[restated].money_for
                details = found
            elif money is None and previous is not None and claims[previous].unit == claim.unit \
                    and result[previous].money_for and _list_goes_on(table.money_detail, before):
                # `za litr benzyny 2,09 euro, za olej napędowy 2,14 euro`: the next sum of a list, naming nothing
                # but its own details, is for what the one before is
                money = result[previous].money_for
                details = _with_own_details(result[previous].share_details, found)
            elif money is None and _per_unit(found):
                money, details = _PRICE, found  # `dostał 300 zł za hektar`: a rate per unit, a price
            elif money is None:
                # `Zarząd proponuje 500 zł`: a sum offered or demanded names no purpose, but its story's
                # other offers may (identity.py); keep that it is one
                details = tuple(d for d in found if d in NEGOTIATED)
        elif claim.unit in AREA_UNITS:
            done = _in_clause(table.area_detail, before, after)  # `opryskano 61 tys. ha`
            details = (table.area_details[done],) if done else ()
        elif claim.measure not in _NOT_NARROWED and _names_count_detail(text, lang):
            only = table.count_detail_measures
            # a whole named first (`z 52 rannych w szpitalach pozostaje 9`): what follows is its part's
            whole_first = _WHOLE_OPENS.search(before) is not None and following is not None
            details = tuple(d for d in _share_details(table, before, "" if whole_first else after, "count")
                            if d not in only or claim.measure in only[d])
            if len(details) > 1 and _PRESENT in details:
                details = tuple(d for d in details if d != _PRESENT)  # `w szpitalach przebywa`: in hospital
            if _IN_HOSPITAL in details:  # `do szpitali przewieziono 22 osoby`: the hospitalised
                details = tuple(d for d in details if d not in _TO_HOSPITAL)
        if claim.measure == "supplied" and claim.unit != "percent" and not (claim.unit and claim.unit.isupper()) \
                and has_stage and _ordered(table, before, after):
            details = tuple(sorted((*details, _ORDERED)))
        if not details and claim.unit is None and i > 0 and claims[i - 1].measure == claim.measure \
                and result[i - 1].share_details and (_REFERS_BACK.search(before) or (
                    restated == i - 1 and _counts_alike(claims[i - 1], claim, lang))):
            # `W szpitalach leczy się 590 chorych. Tydzień wcześniej było ich ponad 600.`, `W kopalni
            # uwięzionych jest 37 górników. Ministerstwo mówi o 34 osobach.`: the same stock
            details = result[i - 1].share_details
        year = _clause_year(before, after) if has_year else None
        own_area = table.area.search(before) is not None or table.area.search(_clause(after)) is not None
        span = _last_span(table.span, before)
        status = _case_status(table, before, after) if has_status and claim.measure in _STATUS_MEASURES else None
        # a share going on the list of the share before it (`45 proc. gruntów, dziś już tylko 12 proc.`); not
        # `41 proc. do Azji`, `18 proc. – robotnicy`: words right after it name what it is of
        continues = previous if claim.unit == "percent" and previous is not None \
            and claims[previous].unit == "percent" and _list_goes_on(table.detail, _clause_before(before)) \
            and _list_goes_on(table.detail, _UP_TO_COMMA.split(after, maxsplit=1)[0]) else None
        result.append(ClaimContext(running, part_of, locus, shift, share, money, year, details, started, own_area,
                                   span, status, restated, continues))
    return _listed_results(result, listed)


def _listed_results(result: list[ClaimContext], listed: list[int]) -> list[ClaimContext]:
    """In an article that states a share of votes or support, a percentage just after a party's or a
    candidate's name and with no cue of its own is one more result of that list (`Oficjalne wyniki: Smer-SD
    21,9 proc., Progresywna Słowacja 21,8 proc.`): the share last stated before it, else the first after."""
    tallies = [(i, context.share_of) for i, context in enumerate(result) if context.share_of in _TALLIES]
    if not listed or not tallies:
        return result
    for i in listed:
        k = bisect.bisect_left(tallies, (i, "")) - 1
        result[i] = replace(result[i], share_of=tallies[k][1] if k >= 0 else tallies[0][1])
    return result


# Shares a list of results goes on with once the article has stated one: every party or candidate named
# just before a percentage holds one of them.
_TALLIES = frozenset({"votes", "support"})
# A name written just before a percentage (`, Hlas-SD (`, `: Smer-SD `, `, a PS `), or before a verb of
# holding (`Smer miał `): capitalised words, not after a preposition of place (`w Bratysławie 70 proc.`)
_PLACE_PREPOSITION = re.compile(r"(?<!\w)(?:w|we|na|do|z|ze|od|przy|pod|nad)\s+$", re.IGNORECASE)
_NAME = r"[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*(?:\s+[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*)*"


@lru_cache(maxsize=4)
def _holder_pattern(lang: str) -> re.Pattern[str]:
    verbs = "|".join(row[0] for row in _lines("result_verbs.txt", lang))
    return re.compile(r"(?:^|(?P<lead>[,:;(–-]|\s(?:a|i|oraz|zaś|natomiast))|\s)\s*(?P<name>" + _NAME
                      + r")\s*(?P<tail>\(|(?:" + verbs + r")\s+(?:\w+\s+)?)?\s*$")


def _holder_just_before(before: str, lang: str) -> bool:
    """Whether `before` (the sentence since the last number, as written) ends with a holder's name: mid-list
    (after a comma, colon, dash or conjunction), or anywhere before a bracket or a verb of holding. A
    capitalised sentence opener alone is no holder (`Około 5 proc.`)."""
    found = _holder_pattern(lang).search(before)
    if found is None:
        return False
    name = found.group("name")
    if _PLACE_PREPOSITION.search(before[:found.start("name")]):
        return False  # `na Słowacji (12 proc.)`: where, not whose
    return bool(found.group("lead") or found.group("tail") or sum(ch.isupper() for ch in name) > 1)


@lru_cache(maxsize=4096)
def _names_status_or_stage(sentence: str, lang: str) -> tuple[bool, bool]:
    """Does the (casefolded) sentence name a case's status (case_status.tsv), an order or a delivery
    (supply_stage.tsv)? Asked once a sentence: most name neither, and their claims skip both tests."""
    table = cues(lang)
    return table.case_status.search(sentence) is not None, table.supply_stage.search(sentence) is not None


@lru_cache(maxsize=4096)
def _names_count_detail(sentence: str, lang: str) -> bool:
    """Does the (casefolded) sentence name a count's detail anywhere (count_detail.tsv)? Asked only for
    the counts that a detail may narrow, once per sentence: the phrases are many."""
    return cues(lang).count_detail.search(sentence) is not None


def _last_span(pattern: re.Pattern[str], before: str) -> tuple[str, str] | None:
    """The calendar stretch written last before the number, as (kind, phrase)."""
    found = _last(pattern, before)
    return (found.lastgroup or "", found.group(0)) if found is not None else None
