"""Which language an article is in. lingua, restricted to the languages a Polish newsroom meets
(all languages cost 1.3 GB); only languages with a pack under kronika/lang/ can be analysed."""
from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

SUPPORTED = {"pl"}
CANDIDATES = (
    Language.POLISH, Language.ENGLISH, Language.GERMAN, Language.RUSSIAN, Language.UKRAINIAN,
    Language.CZECH, Language.SLOVAK, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
    Language.LITHUANIAN, Language.BELARUSIAN,
)
SAMPLE_CHARS = 1000  # a paragraph is enough to decide; detection cost grows with length


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).with_minimum_relative_distance(0.1).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text gives no reliable signal."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None
