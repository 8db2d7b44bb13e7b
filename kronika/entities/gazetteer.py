"""Find gazetteer entities in text: a dictionary of every inflected form, matched longest-first.

The compiled forms (kronika/lang/<lang>/gazetteer/forms.tsv, written by `kronika.entities.build`)
load into one dict keyed by the form's tokens; scanning the text is a tokenisation by one regex
split, a set lookup per token, and dict lookups only where a form can start. No morfeusz2 here.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from kronika.mentions import EntityMention
from kronika.pieces import pieces

logger = logging.getLogger(__name__)

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
# Words, and every other non-space character alone: `Korei Płn.` is `Korei` `Płn` `.`.
TOKEN_SPLIT = re.compile(r"(\w+|[^\w\s])")
SENTENCE_END = frozenset(".!?…")
OPENING = frozenset("\"„“”«»'‘’‚-–—([")  # may stand between a sentence end and its first word
QUOTES = frozenset("\"„“”«»'‘’‚")
QUESTION_SCAN = 80  # tokens to look ahead for the `?` that makes a sentence a question


@dataclass(frozen=True, slots=True)
class Entry:
    canonical: str
    kind: str
    form: str
    guard: str  # "", "mid", "noq" or "quoted": see kronika/entities/build.py


def _key(surface: str) -> str:
    return " ".join(TOKEN_SPLIT.findall(surface))


class Gazetteer:
    """The forms and entity attributes of one language, with the matcher over them."""

    def __init__(self, forms: dict[str, Entry], entities: dict[str, dict[str, Any]]) -> None:
        self._entries: dict[str, Entry] = {}
        for surface, entry in forms.items():
            self._entries[_key(surface)] = entry
        # Lower-case forms (`rosyjski`, `obwód kurski`) also open a sentence: `Rosyjskie władze`. Inside a
        # name they are the name's own words (`Dolina Pięciu Stawów Polskich`), not the country.
        self._opening_only: set[str] = set()
        for surface, entry in forms.items():
            if surface[:1].islower() and (key := _key(surface[:1].upper() + surface[1:])) not in self._entries:
                self._entries[key] = entry
                self._opening_only.add(key)
        self._span: dict[str, int] = {}  # first token -> most tokens a form starting with it has
        for key in self._entries:
            tokens = key.split(" ")
            self._span[tokens[0]] = max(self._span.get(tokens[0], 0), len(tokens))
        self.entities = entities

    @classmethod
    def load(cls, directory: Path) -> Gazetteer:
        forms: dict[str, Entry] = {}
        for line in _data_lines(directory / "forms.tsv"):
            surface, canonical, kind, form, guard = line
            forms[surface] = Entry(canonical, kind, form, "" if guard == "-" else guard)
        entities: dict[str, dict[str, Any]] = {}
        for name, kind_name, *attributes in _data_lines(directory / "entities.tsv"):
            country, role, capital = (None if cell == "-" else cell for cell in attributes)
            entities[name] = {"canonical": name, "kind": kind_name, "country": country, "role": role,
                              "capital": capital}
        logger.debug("gazetteer %s: %d forms, %d entities", directory, len(forms), len(entities))
        return cls(forms, entities)

    def find(self, text: str) -> list[EntityMention]:
        """The entities of `text`, found piece by piece (kronika.pieces): one piece's tokens in memory."""
        mentions: list[EntityMention] = []
        for start, end in pieces(text):
            self._find_in(text, start, end, mentions)
        return mentions

    def _find_in(self, whole: str, offset: int, stop: int, mentions: list[EntityMention]) -> None:
        text = whole[offset:stop]  # the whole text itself when it is one piece (a full slice is no copy)
        parts = TOKEN_SPLIT.split(text)  # separator, token, separator, token, ..., separator
        tokens = parts[1::2]
        ends = list(accumulate(map(len, parts)))  # token k spans ends[2k] .. ends[2k + 1]
        span, entries = self._span, self._entries
        free = 0  # first token not inside an earlier match
        for k in [k for k, token in enumerate(tokens) if token in span]:
            if k < free:
                continue
            for n in range(min(span[tokens[k]], len(tokens) - k), 0, -1):
                key = " ".join(tokens[k:k + n])
                entry = entries.get(key)
                if entry is None or not self._guard_passes(entry.guard, tokens, parts, k):
                    continue
                if key in self._opening_only and _inside_a_name(tokens, parts, k):
                    continue
                tail = self._acronym_tail(tokens, parts, k + n)
                if tail is None:
                    continue
                start, end = ends[2 * k], ends[2 * (k + n + tail) - 1]
                mentions.append(EntityMention(start + offset, end + offset, text[start:end], entry.canonical,
                                              entry.kind, entry.form))
                free = k + n + tail
                break

    def _acronym_tail(self, tokens: list[str], parts: list[str], after: int) -> int | None:
        """Tokens of an inflectional ending glued to an acronym (`NIS-u`: 2), or None when the acronym
        is only part of a code (`AP-EN1`, `MI6-X`) and must not match."""
        if not tokens[after - 1].isupper() or after + 1 >= len(tokens):
            return 0
        if tokens[after] != "-" or parts[2 * after] or parts[2 * after + 2]:
            return 0
        glued = tokens[after + 1]
        if glued.isalpha() and glued.islower():
            return 2
        if any(c.isdigit() for c in glued) or (glued.isupper() and glued not in self._span):
            return None
        return 0

    @staticmethod
    def _guard_passes(guard: str, tokens: list[str], parts: list[str], k: int) -> bool:
        if not guard:
            return True
        if guard == "quoted":
            return k > 0 and tokens[k - 1] in QUOTES and parts[2 * k] == ""
        if not _sentence_initial(tokens, parts, k):
            return True
        return guard == "noq" and not _is_question(tokens, parts, k)


def _sentence_initial(tokens: list[str], parts: list[str], k: int) -> bool:
    """True when token k opens a sentence, a line, or the text (quotes and dashes before it aside)."""
    while True:
        if k == 0 or "\n" in parts[2 * k]:
            return True
        previous = tokens[k - 1]
        if previous in SENTENCE_END:
            return True
        if previous not in OPENING:
            return False
        k -= 1


def _inside_a_name(tokens: list[str], parts: list[str], k: int) -> bool:
    """True when token k, a lower-case form capitalised, follows a word of the same sentence: a capital
    there opens no sentence, so it is a name's own word (`Stawów Polskich`, `na placu Litewskim`); a
    headline in capitals is no name."""
    if k == 0 or parts[2 * k] != " " or _sentence_initial(tokens, parts, k) or tokens[k].isupper():
        return False
    return tokens[k - 1].isalpha()


def _is_question(tokens: list[str], parts: list[str], k: int) -> bool:
    for j in range(k, min(len(tokens), k + QUESTION_SCAN)):
        if j > k and "\n" in parts[2 * j]:
            return False
        if tokens[j] in SENTENCE_END:
            return tokens[j] == "?"
    return False


def _data_lines(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]


@cache
def gazetteer(lang: str) -> Gazetteer:
    directory = LANG_DIR / lang / "gazetteer"
    if not (directory / "forms.tsv").is_file():
        raise ValueError(f"no gazetteer for language {lang!r} (looked in {directory})")
    return Gazetteer.load(directory)
