"""Articles as read, and the inputs that could not become one."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass


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


def content_hash(text: str) -> str:
    """Identity of an article's content: the same text ingested twice is one article.

    Whitespace runs are folded so that a re-scrape differing only in line endings is not a new article.
    """
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
