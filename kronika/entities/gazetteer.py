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
from kronika.pieces import PIECE, pieces

logger = logging.getLogger(__name__)

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
# Words, and every other non-space character alone: `Korei Płn.` is `Korei` `Płn` `.`.
TOKEN_SPLIT = re.compile(r"(\w+|[^\w\s])")
SENTENCE_END = frozenset(".!?…")
OPENING = frozenset("\"„“”«»'‘’‚-–—([")  # may stand between a sentence end and its first word
QUOTES = frozenset("\"„“”«»'‘’‚")
QUESTION_SCAN = 80  # tokens to look ahead for the `?` that makes a sentence a question
_TAIL_CHARS_PER_TOKEN = 12  # characters read back per token of the longest form, to find a line's last tokens


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
        self._longest = max(self._span.values(), default=1)  # tokens of the longest form
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

    def find_like(self, text: str, earlier: str, found: list[EntityMention]) -> list[EntityMention] | None:
        """`find(text)` from `found`, the mentions of `earlier`, a text that differs from `text` in a few
        whole lines of the same lengths (the prepared text beside the text as read: kronika.prepare
        blanks lines with spaces): only the lines that differ are read again. None when the texts are not
        so alike; the caller then reads the whole text.

        Every test the matcher makes beside the form's own tokens stays within a line (a line break
        makes a word sentence-initial, ends a question's scan and separates an acronym from a glued
        ending), so a text's mentions are those of its pieces cut at any line break that no form can
        span. Such a break is one after which the line before holds no token that opens a form longer
        than the rest of that line (`_holds_at_end`). The lines that differ are read with their own
        breaks widened to such breaks, in both texts; everything between is the same text, cut the
        same way, and keeps `earlier`'s mentions."""
        if len(text) != len(earlier) or len(text) > PIECE:
            return None
        lines, earlier_lines = text.split("\n"), earlier.split("\n")
        if len(lines) != len(earlier_lines):
            return None
        starts = list(accumulate((len(line) + 1 for line in lines), initial=0))  # starts[i]: where line i begins
        blocks: list[list[int]] = []  # [first, last + 1) lines read again
        for i, (line, before) in enumerate(zip(lines, earlier_lines, strict=True)):
            if line == before:
                continue
            if len(line) != len(before):
                return None
            if blocks and blocks[-1][1] >= i:
                blocks[-1][1] = i + 1
            else:
                blocks.append([i, i + 1])
        if not blocks:
            return list(found)

        def holds(i: int) -> bool:  # no form reaches past line i in either text
            return self._holds_at_end(lines[i]) and (earlier_lines[i] == lines[i]
                                                     or self._holds_at_end(earlier_lines[i]))

        widened: list[list[int]] = []
        for first, last in blocks:
            while first > 0 and not holds(first - 1):
                first -= 1  # a form may run from the line before into the block: read that line too
            while last < len(lines) and not holds(last - 1):
                last += 1
            if widened and first <= widened[-1][1]:
                widened[-1][1] = max(widened[-1][1], last)
            else:
                widened.append([first, last])
        if sum(starts[last] - starts[first] for first, last in widened) * 2 > len(text):
            return None  # most of the text differs: reading it whole costs less
        mentions: list[EntityMention] = []
        kept = iter(found)
        mention = next(kept, None)
        for first, last in widened:
            block_start, block_end = starts[first], min(starts[last], len(text))
            while mention is not None and mention.start < block_start:
                mentions.append(mention)
                mention = next(kept, None)
            while mention is not None and mention.start < block_end:
                mention = next(kept, None)  # inside the block: read again below
            self._find_in(text, block_start, block_end, mentions)
        while mention is not None:
            mentions.append(mention)
            mention = next(kept, None)
        return mentions

    def _holds_at_end(self, line: str) -> bool:
        """No form that starts on `line` can reach past its end (the break after it). Only the line's
        last tokens can start one that does, fewer than the longest form's: they are read from a space
        (never inside a token) far enough back, and the whole line only when it is short."""
        span, longest = self._span, self._longest
        cut = line.rfind(" ", 0, max(0, len(line) - _TAIL_CHARS_PER_TOKEN * longest))
        tokens = TOKEN_SPLIT.findall(line, cut + 1)
        if cut >= 0 and len(tokens) < longest:
            tokens = TOKEN_SPLIT.findall(line)
        count = len(tokens)
        return all(span.get(token, 0) <= count - k for k, token in enumerate(tokens) if token in span)

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
                if entry.form in ("name", "capital") and _after_a_hyphen(tokens, parts, k) \
                        and tokens[k - 2] not in self._entries:
                    continue  # `kanton Una-Sana` is no Sana'a: a name glued to another word is that name's part
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


def _after_a_hyphen(tokens: list[str], parts: list[str], k: int) -> bool:
    """Token k is glued by a hyphen to a capitalised word before it (`Una-Sana`, `Bielsko-Biała`); the caller
    keeps two names so joined (`Rosja-Ukraina`, `Warszawa-Kijów`)."""
    return k >= 2 and tokens[k - 1] in ("-", "‐") and not parts[2 * k] and not parts[2 * k - 2] \
        and tokens[k - 2][:1].isupper()


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
