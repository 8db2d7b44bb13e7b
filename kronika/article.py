"""Articles as read, and the inputs that could not become one."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date


@dataclass(slots=True)
class Article:
    """One article exactly as read. `text` is the decoded text (header line included): every span in
    kronika is an index into it."""

    id: str
    text: str
    published: str | None = None  # ISO date; a bare year when only the year is known
    published_precision: str | None = None  # "day", "month", "year"
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    encoding: str = "utf-8"
    input: str = ""  # where it came from: a path, or path:line for JSON Lines
    format: str = "text"  # text, jsonl, html

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that did not become an article, with a one-line reason a person understands."""

    input: str
    reason: str


def content_hash(text: str, chunk: int = 1 << 16) -> str:
    """Identity of an article's content: the same text ingested twice is one article.

    Whitespace runs are folded so that a re-scrape differing only in line endings is not a new article:
    the hash is that of `" ".join(text.split())`, fed to SHA-256 `chunk` characters at a time, so a
    10 MB text is never split into a million strings at once (90 MB for a moment).
    """
    digest = hashlib.sha256()
    started = gap = False
    for at in range(0, len(text), chunk):
        piece = text[at : at + chunk]
        words = piece.split()
        if words:
            if started and (gap or piece[0].isspace()):
                digest.update(b" ")
            digest.update(" ".join(words).encode("utf-8"))
            started, gap = True, piece[-1].isspace()
        else:
            gap = True  # a piece of whitespace only
    return digest.hexdigest()


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def valid_published(value: str | None) -> str | None:
    """`value` if it is a real date (`2025-09-03`), month (`2025-09`) or year (`2025`), else None."""
    match = _PARTIAL_DATE.fullmatch(value.strip()) if value else None
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return match.group(0)


def full_date(value: str | None) -> str | None:
    """`value` if it names a whole day: what relative time expressions can be resolved against."""
    checked = valid_published(value)
    return checked if checked is not None and len(checked) == 10 else None


def precision_of(published: str | None) -> str | None:
    """How much of a date `published` gives: day (`2025-09-03`), month (`2025-09`) or year (`2025`)."""
    return {10: "day", 7: "month", 4: "year"}.get(len(published)) if published else None
