"""Which language an article is in, cheaply for clear Polish.

A profile of Polish (function words, diacritics; data in kronika/lang/pl/language/profile.json) is
checked over a sample of the text first: it costs microseconds and decides nearly every Polish news
article. Only a text it leaves in doubt goes to lingua, in low-accuracy mode (trigram models only:
about 25 MB for the candidate languages instead of 350 MB, loaded in 0.1 s instead of 3 s) and
restricted to the languages a Polish newsroom meets. Only languages with a pack under kronika/lang/
can be analysed.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

SUPPORTED = {"pl"}
CANDIDATES = (
    Language.POLISH, Language.ENGLISH, Language.GERMAN, Language.RUSSIAN, Language.UKRAINIAN,
    Language.CZECH, Language.SLOVAK, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
    Language.LITHUANIAN, Language.BELARUSIAN,
)
SAMPLE_CHARS = 2000  # a few paragraphs decide; the cost stays fixed whatever the article's length
MIN_LETTERS = 20  # fewer letters than this give no reliable signal to anyone
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-z]")  # in lower-cased text: the letters outside a-z
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class Profile:
    letters: frozenset[str]  # the language's own non-ASCII letters
    marker_words: frozenset[str]  # common function words
    min_words: int
    min_marker_share: float  # of the sample's words
    min_letter_share: float  # of the sample's letters
    max_foreign_share: float  # non-ASCII letters that are not the language's own, of all letters


@dataclass(frozen=True, slots=True)
class Evidence:
    words: int
    letters: int
    marker_share: float
    letter_share: float
    foreign_share: float

    def fits(self, profile: Profile) -> bool:
        return (self.words >= profile.min_words and self.marker_share >= profile.min_marker_share
                and self.letter_share >= profile.min_letter_share
                and self.foreign_share <= profile.max_foreign_share)


@cache
def profile(lang: str = "pl") -> Profile:
    path = resources.files("kronika.lang").joinpath(lang, "language", "profile.json")
    data = json.loads(path.read_text("utf-8"))
    return Profile(
        letters=frozenset(data["letters"]), marker_words=frozenset(data["marker_words"]),
        min_words=data["min_words"], min_marker_share=data["min_marker_share"],
        min_letter_share=data["min_letter_share"], max_foreign_share=data["max_foreign_share"],
    )


def evidence(sample: str, lang: str = "pl") -> Evidence:
    """How much `sample` looks like the language of `lang`'s profile (counted by regular expressions
    and str.count, never a Python loop over characters)."""
    own = profile(lang)
    lowered = sample.lower()
    words = _WORD.findall(lowered)
    letters = sum(map(len, words))
    ascii_text = lowered.encode("ascii", "ignore")  # every letter a-z is a letter: the rest are not ASCII
    non_ascii = letters - (len(ascii_text) - len(ascii_text.translate(None, _ASCII_LOWER)))
    own_letters = sum(lowered.count(letter) for letter in own.letters)
    markers = sum(map(own.marker_words.__contains__, words))
    return Evidence(
        words=len(words), letters=letters, marker_share=markers / len(words) if words else 0.0,
        letter_share=own_letters / letters if letters else 0.0,
        foreign_share=(non_ascii - own_letters) / letters if letters else 0.0,
    )


def clearly_polish(text: str) -> bool:
    """True when a sample of `text` fits the Polish profile; False leaves the decision to lingua."""
    return evidence(text[:SAMPLE_CHARS]).fits(profile("pl"))


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return (LanguageDetectorBuilder.from_languages(*CANDIDATES).with_minimum_relative_distance(0.1)
            .with_low_accuracy_mode().build())


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text gives no reliable signal."""
    sample = text[:SAMPLE_CHARS]
    found = evidence(sample)
    if found.letters < MIN_LETTERS:
        return None
    if found.fits(profile("pl")):
        return "pl"
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None
