"""What a rule understood in a stretch of text, before it is resolved against the publication date."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Reading:
    """One time expression as parsed: its token span and the fields the words gave.

    Absolute fields (`year`, `month`...) come straight from the text; `*_shift` fields are relative
    to the publication date (`year_shift=-1` for `w ubiegłym roku`). `normalise.py` turns a reading
    into a TIMEX3 value.
    """

    type: str  # DATE, TIME, DURATION, SET
    first: int  # first token of the span
    last: int  # one past the last token of the span
    rule: str = ""
    year: int | None = None
    year_shift: int | None = None
    month: int | None = None
    month_shift: int | None = None
    day: int | None = None
    day_shift: int | None = None
    anaphoric: str | None = None  # "day" (`tego dnia`: the day last named, moved by day_shift), "year",
    # "month", "week" (`w tym samym miesiącu`: the one last named)
    week_shift: int | None = None
    week: int | None = None  # an ISO week of `year` (`w trzecim tygodniu roku`)
    week_of_month: int | None = None  # the nth week of `month`, -1 the last (`w trzecim tygodniu stycznia`)
    weekday: int | None = None
    weekday_shift: int | None = None  # -1 `w ubiegły wtorek`, +1 `w najbliższy wtorek`, None: by tense
    nth: int | None = None  # `ostatnia (-1) / pierwsza (1) niedziela września`
    weekend: bool = False
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 20th century
    hour: int | None = None
    minute: int | None = None
    daypart: str | None = None  # MO AF EV NI MI, or XX:XX for a clock time the text leaves open
    mod: str | None = None  # START MID END: `na początku`, `w połowie`, `pod koniec`
    fixed: str | None = None  # a value that needs no resolution: PRESENT_REF, XXXX...
    amount: float | None = None  # DURATION and SET; None with a unit is a vague amount
    unit: str | None = None  # Y M W D H MIN S Q HY DE CE ML
    weak: bool = False  # a part of period or of day that only counts when joined to a date
    standalone: bool = True  # for weak readings: may it stand alone all the same?
    lead: int | None = None  # first token of a preposition that joins the span when merged
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def has_date(self) -> bool:
        """Does it name a day (possibly relative), so that a clock time can hang on it?"""
        return (
            self.day is not None
            or self.day_shift is not None
            or self.weekday is not None
            or self.anaphoric == "day"
        )
