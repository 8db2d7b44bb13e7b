"""Figures rebuilt for what an ingest changed, equal to a full rebuild (issues 9 and 11).

A claim's figure key depends only on the claims of its own story (contexts are per article, keys per
story), except that a running total (story NULL) leaves its story and meets the same actor's running
totals of other stories. So an ingest rebuilds the figures of:

1. the affected stories: those holding an article that was in no story before, or whose membership
   changed (an article moved, two stories merged);
2. closed over running totals: the actors of those stories' claims, the stories of every claim in a
   stored running figure of those actors, again until nothing is added.

Their old figures, figure claims and conflicts are deleted and the new ones inserted. Figure ids must
equal a full rebuild's: `figure_ids` hashes slugs that collide, so when a rebuilt figure's slug (or a
deleted figure's) is also the slug of a figure left untouched, the ingest falls back to the full
rebuild, as it does when the closure holds most of the ledger's claims or no earlier reconciliation
is recorded. `plan` returns None for every such fallback.
"""
from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kronika.reconcile.figures import Figure
from kronika.reconcile.stories import Story

logger = logging.getLogger(__name__)

# Above this share of the ledger's articles, rebuilding a part costs about what the whole does.
MOST_OF_THE_LEDGER = 0.5


@dataclass(slots=True)
class Plan:
    """What an incremental reconciliation rebuilds."""
    stories: list[Story]  # the affected stories (their rows are rewritten)
    vanished: set[str]  # stored story ids that no longer exist (merged into another)
    articles: set[str]  # the articles whose claims are rebuilt (affected stories and the closure)
    old_figures: set[str] = field(default_factory=set)  # stored figures that hold any of their claims


def affected_stories(stories: list[Story], known: dict[str, str]) -> tuple[list[Story], set[str]]:
    """The stories that hold an article new to every story, or whose membership changed; and the stored
    story ids that are gone."""
    old_members: dict[str, set[str]] = defaultdict(set)
    for article, story in known.items():
        old_members[story].add(article)
    current = {s.id for s in stories}
    affected = [s for s in stories if set(s.articles) != old_members.get(s.id, set())]
    return affected, set(old_members) - current


def _temp_articles(connection: sqlite3.Connection, name: str, articles: Iterable[str]) -> None:
    connection.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (article TEXT PRIMARY KEY)")
    connection.execute(f"DELETE FROM {name}")
    connection.executemany(f"INSERT OR IGNORE INTO {name} (article) VALUES (?)", ((a,) for a in articles))


def plan(connection: sqlite3.Connection, stories: list[Story], known: dict[str, str]) -> Plan | None:
    """The incremental plan, or None when only a full rebuild is safe (module docstring)."""
    if connection.execute("SELECT 1 FROM reconciliations LIMIT 1").fetchone() is None:
        return None  # no earlier reconciliation: the stored figures say nothing
    affected, vanished = affected_stories(stories, known)
    story_of = {article: story.id for story in stories for article in story.articles}
    members = {story.id: story.articles for story in stories}
    chosen = {s.id for s in affected}
    articles = {a for s in affected for a in s.articles}
    total = len(story_of)
    seen_actors: set[str] = set()
    pending = set(articles)
    while pending:
        _temp_articles(connection, "incr_pending", pending)
        pending = set()
        actors = {row[0].strip() for row in connection.execute(
            "SELECT DISTINCT c.actor FROM claims c JOIN incr_pending p ON p.article = c.article"
            " WHERE c.actor IS NOT NULL") if row[0] and row[0].strip()}
        actors |= {row[0] for row in connection.execute(
            "SELECT DISTINCT f.actor FROM incr_pending p JOIN claims c ON c.article = p.article"
            " JOIN figure_claims fc ON fc.claim = c.id JOIN figures f ON f.id = fc.figure"
            " WHERE f.story IS NULL AND f.actor IS NOT NULL")}
        actors -= seen_actors
        seen_actors |= actors
        if not actors:
            break
        listed = sorted(actors)
        for start in range(0, len(listed), 500):
            chunk = listed[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for (article,) in connection.execute(
                    "SELECT DISTINCT c.article FROM figures f JOIN figure_claims fc ON fc.figure = f.id"
                    f" JOIN claims c ON c.id = fc.claim WHERE f.story IS NULL AND f.actor IN ({marks})", chunk):
                story = story_of.get(article)
                if story is None:
                    return None  # a stored figure holds a claim of an article in no story
                if story not in chosen:
                    chosen.add(story)
                    fresh = set(members[story]) - articles
                    articles |= fresh
                    pending |= fresh
        if len(articles) > MOST_OF_THE_LEDGER * total:
            return None
    if len(articles) > MOST_OF_THE_LEDGER * total:
        return None
    _temp_articles(connection, "incr_articles", articles)
    old = {row[0] for row in connection.execute(
        "SELECT DISTINCT fc.figure FROM incr_articles p JOIN claims c ON c.article = p.article"
        " JOIN figure_claims fc ON fc.claim = c.id")}
    # Every claim of those figures must be among the rebuilt ones, else they would lose claims.
    _temp_figures(connection, old)
    outside = connection.execute(
        "SELECT 1 FROM incr_figures x JOIN figure_claims fc ON fc.figure = x.id JOIN claims c ON c.id = fc.claim"
        " WHERE c.article NOT IN (SELECT article FROM incr_articles) LIMIT 1").fetchone()
    if outside is not None:
        return None
    return Plan(affected, vanished, articles, old)


def _temp_figures(connection: sqlite3.Connection, figures: Iterable[str]) -> None:
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS incr_figures (id TEXT PRIMARY KEY)")
    connection.execute("DELETE FROM incr_figures")
    connection.executemany("INSERT OR IGNORE INTO incr_figures (id) VALUES (?)", ((f,) for f in figures))


def base_id(figure_id: str) -> str:
    """A figure id without the hash `figure_ids` adds to colliding slugs."""
    return figure_id.split("~", 1)[0]


def ids_collide(connection: sqlite3.Connection, figures: list[Figure], old: set[str]) -> bool:
    """Whether a rebuilt figure's slug, or a deleted one's, is also the slug of a figure left untouched:
    then a full rebuild would hash (or unhash) the untouched figure's id."""
    bases = {base_id(f.id) for f in figures} | {base_id(f.part_of) for f in figures if f.part_of}
    bases |= {base_id(f) for f in old}
    for base in bases:
        for (other,) in connection.execute("SELECT id FROM figures WHERE id = ? OR (id >= ? AND id < ?)",
                                           (base, base + "~", base + "~~")):
            if other not in old and base_id(other) == base:
                return True
    return False


def delete_figures(connection: sqlite3.Connection, old: set[str]) -> None:
    """The old figures, their claims and conflicts (inside the caller's transaction)."""
    _temp_figures(connection, old)
    for table, column in (("conflicts", "figure"), ("figure_claims", "figure"), ("figures", "id")):
        connection.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT id FROM incr_figures)")


def drop_temp(connection: sqlite3.Connection) -> None:
    for name in ("incr_pending", "incr_articles", "incr_figures"):
        connection.execute(f"DROP TABLE IF EXISTS temp.{name}")
