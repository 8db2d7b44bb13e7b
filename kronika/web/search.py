"""Full-text search over articles and claims (SQLite FTS5, migration 0006) that finds Polish inflected
forms: each query word is expanded with morfeusz2 to every form of its lemmas, so `powódź` finds
`powodzi` and `zginęło` finds `zginęli`. When the word is itself a lemma (`powódź`), only that lemma
is expanded, not the other lemmas its form could belong to (`powodzić`).

    >>> "powodzi" in word_forms("powódź")
    True
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import morfeusz2

MAX_QUERY_WORDS = 8
_WORD = re.compile(r"\w+", re.UNICODE)
# Marks FTS5's snippet() puts around a match: control characters no article text keeps.
_OPEN, _CLOSE = "\x02", "\x03"
_SNIPPET = re.compile(f"{_OPEN}(.*?){_CLOSE}", re.DOTALL)


@lru_cache(maxsize=1)
def _morfeusz() -> morfeusz2.Morfeusz:
    return morfeusz2.Morfeusz(generate=True)


@lru_cache(maxsize=4096)
def word_forms(word: str) -> tuple[str, ...]:
    """The word and every form of its lemmas (negated forms left out: `niezginięcia` is not asked for)."""
    engine = _morfeusz()
    lowered = word.lower()
    readings = engine.analyse(word)
    lemmas = {lemma.split(":", 1)[0] for _, _, (_, lemma, tag, _, _) in readings if not tag.startswith("ign")}
    if lowered in {lemma.lower() for lemma in lemmas}:
        lemmas = {lemma for lemma in lemmas if lemma.lower() == lowered}
    forms = {lowered}
    for lemma in lemmas:
        for form, _, tag, _, _ in engine.generate(lemma):
            if ":neg" not in tag:
                forms.add(form.lower())
    return tuple(sorted(forms))


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression: every word (any of its forms) must occur. None for a query with no word."""
    words = _WORD.findall(query)
    # Prepositions and conjunctions (`w`, `we`, `na`, `i`) match nearly every article: beside longer
    # words they are left out, so a query is as selective as its content words.
    content = [word for word in words if len(word) > 2 or word.isdigit()]
    words = (content or words)[:MAX_QUERY_WORDS]
    if not words:
        return None
    groups = []
    for word in words:
        forms = word_forms(word) if not word.isdigit() else (word,)
        groups.append("(" + " OR ".join(f'"{form}"' for form in forms) + ")")
    return " AND ".join(groups)


@dataclass(frozen=True)
class Segment:
    text: str
    match: bool

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "match": self.match}


def snippet_segments(snippet: str) -> list[Segment]:
    """An FTS5 snippet as plain-text pieces, the matched ones flagged: templates escape each piece, so
    nothing in an article can become markup."""
    segments, at = [], 0
    for match in _SNIPPET.finditer(snippet):
        if match.start() > at:
            segments.append(Segment(snippet[at:match.start()], False))
        segments.append(Segment(match.group(1), True))
        at = match.end()
    if at < len(snippet):
        segments.append(Segment(snippet[at:], False))
    return segments


def search(connection: sqlite3.Connection, query: str, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Articles (title and text) and sentences (a claim's sentence, its source, its number as written)
    matching `query`, newest first: FTS5 walks its index in rowid order and stops at the page, where
    ranking by bm25 would score every match (a common word in 100,000 articles: 150 ms instead of 1 ms).
    A sentence that holds several claims is one hit, listing its claims."""
    expression = fts_query(query)
    result: dict[str, Any] = {"query": query, "articles": [], "claims": [], "limit": limit, "offset": offset}
    if expression is None:
        return result
    try:
        articles = connection.execute(
            f"SELECT a.id, a.title, a.published, a.outlet, snippet(articles_fts, 1, '{_OPEN}', '{_CLOSE}', '…', 24)"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY articles_fts.rowid DESC LIMIT ? OFFSET ?",
            (expression, limit + 1, offset),
        ).fetchall()
        sentences = sentence_hits(connection, expression, limit + 1, offset)
    except sqlite3.OperationalError as error:  # an expression FTS5 cannot take is no result, not a 500
        result["error"] = str(error)
        return result
    result["articles"] = [
        {"id": row[0], "title": row[1], "published": row[2], "outlet": row[3],
         "snippet": [s.to_dict() for s in snippet_segments(row[4] or "")]}
        for row in articles[:limit]
    ]
    result["claims"] = sentences[:limit]
    result["more"] = len(articles) > limit or len(sentences) > limit
    return result


def sentence_hits(connection: sqlite3.Connection, expression: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Up to `limit` sentences matching `expression` after the first `offset`, newest claim first: the
    claims index (one row per claim) is walked in rowid order, and a sentence already met (same article,
    same text) is skipped, so two numbers of one sentence make one hit. Each hit lists every claim of
    its sentence (matched or not), in the order of the text, from one look-up by article."""
    cursor = connection.execute(
        f"SELECT c.id, c.article, c.sentence, snippet(claims_fts, 0, '{_OPEN}', '{_CLOSE}', '…', 32)"
        " FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid"
        " WHERE claims_fts MATCH ? ORDER BY claims_fts.rowid DESC", (expression,))
    seen: set[tuple[str, str]] = set()
    hits: list[dict[str, Any]] = []
    try:
        for claim, article, sentence, snippet in cursor:
            key = (article, sentence)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > offset:
                hits.append({"id": claim, "article": article, "sentence": sentence,
                             "snippet": [s.to_dict() for s in snippet_segments(snippet or "")]})
                if len(hits) >= limit:
                    break
    finally:
        cursor.close()
    if not hits:
        return hits
    articles = sorted({hit["article"] for hit in hits})
    members: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in connection.execute(
            "SELECT id, article, sentence, mention, measure, source, source_id FROM claims"
            f" WHERE article IN ({', '.join('?' * len(articles))}) ORDER BY article, span_start, id", articles):
        members.setdefault((row[1], row[2]), []).append(
            {"id": row[0], "mention": row[3], "measure": row[4], "source": row[5], "source_id": row[6]})
    for hit in hits:
        hit["claims"] = members.get((hit["article"], hit.pop("sentence")), [])
        first = next((c for c in hit["claims"] if c["id"] == hit["id"]), hit["claims"][0] if hit["claims"] else {})
        hit.update(mention=first.get("mention"), measure=first.get("measure"), source=first.get("source"))
    return hits
