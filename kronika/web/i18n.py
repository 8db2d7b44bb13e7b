"""The interface's words in Polish or English, from the message catalogue (kronika/web/messages/):
labels, the names of measures, qualifiers and modalities, subjects as readable phrases, dates in words.

    >>> Messages("pl").date("2024-09-17"), Messages("en").date("2024-09")
    ('17 września 2024', 'September 2024')
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from kronika.reconcile.subject_kinds import subject_kind
from kronika.reconcile.wording import kind_words
from kronika.timex.humanise import humanise
from kronika.web import UI_LANGUAGES

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?$")


@lru_cache(maxsize=len(UI_LANGUAGES))
def load_catalogue(lang: str) -> dict[str, Any]:
    if lang not in UI_LANGUAGES:
        raise ValueError(f"no interface language {lang!r}; choose one of {', '.join(UI_LANGUAGES)}")
    text = resources.files("kronika.web").joinpath("messages", f"{lang}.json").read_text("utf-8")
    catalogue: dict[str, Any] = json.loads(text)
    return catalogue


class Messages:
    """What templates call to word things; every method returns plain text (templates escape it)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.catalogue = load_catalogue(lang)

    def __call__(self, key: str) -> str:
        return str(self.catalogue["labels"].get(key, key))

    def measure(self, measure: str | None) -> str:
        return str(self.catalogue["measures"].get(measure, measure or ""))

    def qualifier(self, qualifier: str | None) -> str:
        return str(self.catalogue["qualifiers"].get(qualifier, qualifier or ""))

    def modality(self, modality: str | None) -> str:
        return str(self.catalogue["modalities"].get(modality, modality or ""))

    def subject(self, subject: str | None, unit: str | None = None) -> str:
        """What is counted as a phrase of the interface language: the subject's kind (`żołnierz` ->
        soldiers / żołnierze) when the language pack knows it, else the subject as extracted."""
        if not subject:
            return ""
        kind = subject_kind(subject)
        known = kind is not None and kind != " ".join(subject.casefold().split())
        if not known or kind is None:
            return subject
        return self.kind(kind)

    def kind(self, kind: str | None) -> str:
        """A subject kind (English, as figures store it: `soldiers`) in the interface language."""
        if not kind:
            return ""
        words = kind_words(kind)
        return words if self.lang == "en" else str(self.catalogue["kinds"].get(words, words))

    def date(self, value: str | None) -> str:
        """An ISO day or month in words; any other TIMEX3 value as kronika.timex.humanise words it."""
        if not value:
            return ""
        return _date_in_words(self.lang, value)


@lru_cache(maxsize=16384)
def _date_in_words(lang: str, value: str) -> str:
    """Messages.date, kept: a page of figures or claims names the same few dates again and again."""
    catalogue = load_catalogue(lang)
    match = _ISO_DAY.match(value)
    if match is None:
        return humanise(value) or value
    year, month, day = match.groups()
    if not 1 <= int(month) <= 12:
        return value
    if day is None:
        return str(catalogue["date_month"]).format(month=catalogue["months_nominative"][int(month) - 1], year=year)
    return str(catalogue["date_day"]).format(day=int(day), month=catalogue["months"][int(month) - 1], year=year)
