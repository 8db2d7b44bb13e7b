"""Reconciliation kept in the ledger: stories, figures, their claims and conflicts (migration 0003).

`reconcile_ledger` brings the tables up to date in one transaction. Stories are incremental: only
articles without stored features are read (their MinHash signature and entities are stored), and only
pairs that involve them are tested (kronika.reconcile.stories). Figures and conflicts are rebuilt from
all claims, which is near-linear (kronika.reconcile.keys, .conflicts). `load_figures` reads them back
as the Figure and Conflict objects the commands and the report show.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from kronika.claim import Claim
from kronika.ledger import Ledger
from kronika.ledger.store import _CLAIM_COLUMNS
from kronika.reconcile import incremental as incremental_rebuild
from kronika.reconcile.conflicts import Conflict, ConflictList, find_conflicts
from kronika.reconcile.context import ClaimContext
from kronika.reconcile.figures import Figure, Summary, assemble_figure, build_figures
from kronika.reconcile.stories import ArticleFeatures, Story, article_features, group_stories, story_map

logger = logging.getLogger(__name__)

ClaimRef = tuple[str, int, int]  # article, span start, span end: a claim's identity within the ledger
Contexts = Mapping[str, Sequence[ClaimContext]]  # article -> its claims' contexts, in text order


@dataclass(slots=True)
class ReconcileSummary:
    stories: int
    new_articles: int
    figures: int
    conflicts: int
    mode: str = "full"  # full, incremental, or unchanged (nothing to rebuild)
    claims: int = 0  # claims whose figures were rebuilt


def reconcile_ledger(ledger: Ledger, articles: Iterable[str] | None = None, *,
                     incremental: bool = False, contexts: Contexts | None = None) -> ReconcileSummary:
    """Bring stories, figures and conflicts up to date with the ledger's articles and claims.
    `articles` is accepted for callers that know what they added; the new articles are those in no
    stored story yet (an ingest stores their features as it goes; any article without is read here).
    `incremental` rebuilds only the figures of the stories that changed, closed over running totals
    (kronika.reconcile.incremental), with the same result as the full rebuild; it falls back to the
    full rebuild wherever that equality is in doubt. `contexts` are the claim contexts of stored
    articles already worked out (article -> one per claim, in text order), e.g. by an ingest's workers."""
    del articles
    connection = ledger.connection
    connection.execute("BEGIN IMMEDIATE")
    try:
        _store_new_features(connection)
        features = list(_stored_features(connection))
        known = {row[0]: row[1] for row in connection.execute("SELECT article, story FROM story_articles")}
        fresh = sum(1 for f in features if f.article not in known)
        stories = group_stories(features, known=known)
        done = _reconcile_part(connection, stories, known, contexts) if incremental else None
        if done is None:
            _write_stories(connection, stories)
            claims, ids = _claims_with_ids(connection)
            figures = build_figures(claims, stories=story_map(stories), contexts=contexts)
            conflicts = find_conflicts(figures)
            _write_figures(connection, figures, conflicts, ids)
            done = ("full", len(claims))
        mode, rebuilt = done
        counts = connection.execute(
            "SELECT (SELECT count(*) FROM figures), (SELECT count(*) FROM conflicts)").fetchone()
        connection.execute(
            "INSERT INTO reconciliations (finished_at, stories, figures, conflicts, mode, claims)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (datetime.now(UTC).isoformat(timespec="seconds"), len(stories), counts[0], counts[1], mode, rebuilt))
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    finally:
        incremental_rebuild.drop_temp(connection)
    logger.info("reconciled (%s, %d claims): %d stories (%d new articles), %d figures, %d conflicts",
                mode, rebuilt, len(stories), fresh, counts[0], counts[1])
    return ReconcileSummary(len(stories), fresh, counts[0], counts[1], mode, rebuilt)


def _reconcile_part(connection: sqlite3.Connection, stories: list[Story], known: dict[str, str],
                    contexts: Contexts | None = None) -> tuple[str, int] | None:
    """The incremental rebuild (kronika.reconcile.incremental), inside the caller's transaction: (mode,
    claims rebuilt), or None when the full rebuild must run instead (nothing is written then)."""
    plan = incremental_rebuild.plan(connection, stories, known)
    if plan is None:
        return None
    if not plan.stories and not plan.vanished:
        return ("unchanged", 0)
    claims, ids = _claims_with_ids(connection, "incr_articles")
    figures = build_figures(claims, stories=story_map(stories), contexts=contexts)
    if incremental_rebuild.ids_collide(connection, figures, plan.old_figures):
        logger.info("incremental reconciliation: a figure id collides with an untouched one; full rebuild")
        return None
    conflicts = find_conflicts(figures)
    incremental_rebuild.delete_figures(connection, plan.old_figures)
    _replace_stories(connection, plan.stories, plan.vanished)
    _write_figures(connection, figures, conflicts, ids)
    return ("incremental", len(claims))


def reconcile_after_ingest(ledger: Ledger, contexts: Contexts | None = None) -> None:
    """`reconcile_ledger` for the end of an ingest: a failure is reported and the ingest stands (its
    articles are committed; `kronika reconcile` rebuilds the tables later)."""
    try:
        reconcile_ledger(ledger, incremental=True, contexts=contexts)
    except Exception:  # noqa: BLE001 - any failure here must not undo a finished ingest
        logger.exception("reconciling the ledger failed; the ingest is kept, run `kronika reconcile` to retry")


def _store_new_features(connection: sqlite3.Connection) -> int:
    """Features for the articles that have none yet (an ingest stores them with each article; these are
    articles stored by a version that did not, or whose features failed to store)."""
    rows = connection.execute(
        "SELECT id, text, published, title FROM articles WHERE id NOT IN (SELECT article FROM story_features)")
    count = 0
    for article, text, published, title in rows.fetchall():
        store_features(connection, article_features(article, text, published, title))
        count += 1
    return count


def store_features(connection: sqlite3.Connection, f: ArticleFeatures) -> None:
    """Keep one article's story features (inside the caller's transaction)."""
    connection.execute(
        "INSERT OR REPLACE INTO story_features (article, signature, entities, all_entities) VALUES (?, ?, ?, ?)",
        (f.article, np.asarray(f.signature).astype(np.uint64).tobytes(), json.dumps(f.entities, ensure_ascii=False),
         json.dumps(f.all_entities, ensure_ascii=False)))


def _stored_features(connection: sqlite3.Connection) -> Iterator[ArticleFeatures]:
    for article, published, title, signature, entities, every in connection.execute(
            "SELECT f.article, a.published, a.title, f.signature, f.entities, f.all_entities"
            " FROM story_features f JOIN articles a ON a.id = f.article ORDER BY f.article"):
        yield ArticleFeatures(article, published, json.loads(entities), np.frombuffer(signature, dtype=np.uint64),
                              title or "", json.loads(every))


def _write_stories(connection: sqlite3.Connection, stories: list[Story]) -> None:
    connection.execute("DELETE FROM story_articles")
    connection.execute("DELETE FROM conflicts")
    connection.execute("DELETE FROM figure_claims")
    connection.execute("DELETE FROM figures")
    connection.execute("DELETE FROM stories")
    _insert_stories(connection, stories)


def _insert_stories(connection: sqlite3.Connection, stories: list[Story]) -> None:
    connection.executemany(
        "INSERT INTO stories (id, label, articles, first_published, last_published, top_entities)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        ((s.id, s.label, len(s.articles), s.first_published, s.last_published,
          json.dumps(s.top_entities, ensure_ascii=False)) for s in stories))
    connection.executemany("INSERT INTO story_articles (story, article) VALUES (?, ?)",
                           ((s.id, a) for s in stories for a in s.articles))


def _replace_stories(connection: sqlite3.Connection, stories: list[Story], vanished: set[str]) -> None:
    """Rewrite the rows of the given stories and delete the vanished ones (their figures are gone)."""
    gone = [(story,) for story in vanished] + [(s.id,) for s in stories]
    connection.executemany("DELETE FROM story_articles WHERE story = ?", gone)
    connection.executemany("DELETE FROM story_articles WHERE article = ?", ((a,) for s in stories for a in s.articles))
    connection.executemany("DELETE FROM stories WHERE id = ?", gone)
    _insert_stories(connection, stories)


def _read_claims(connection: sqlite3.Connection, sql: str, parameters: Iterable[Any] = ()) -> Iterator[
        tuple[int, Claim, sqlite3.Row]]:
    for row in connection.execute(sql, tuple(parameters)):
        record = {column: row[column] for column in _CLAIM_COLUMNS}
        record["span"] = (record.pop("span_start"), record.pop("span_end"))
        yield row["id"], Claim.from_dict(record), row


def _claims_with_ids(connection: sqlite3.Connection, within: str | None = None
                     ) -> tuple[list[Claim], dict[ClaimRef, int]]:
    """The claims in the order reconciliation reads them (of the articles in the temporary table
    `within`, or all), and the id of each claim's first row."""
    claims: list[Claim] = []
    ids: dict[ClaimRef, int] = {}
    where = f" WHERE article IN (SELECT article FROM {within})" if within else ""
    sql = f"SELECT id, {', '.join(_CLAIM_COLUMNS)} FROM claims{where} ORDER BY article, span_start, id"
    cursor = connection.cursor()
    cursor.row_factory = None  # plain tuples: the columns are the Claim's fields in order (span in two)
    append, first_id = claims.append, ids.setdefault
    for claim_id, article, start, end, *rest in cursor.execute(sql):
        append(Claim(article, (start, end), *rest))
        first_id((article, start, end), claim_id)
    return claims, ids


def _ref(claim: Claim) -> ClaimRef:
    return (claim.article, claim.span[0], claim.span[1])


def _write_figures(connection: sqlite3.Connection, figures: list[Figure], conflicts: ConflictList,
                   ids: dict[ClaimRef, int]) -> None:
    contested: dict[str, int] = defaultdict(int)
    for conflict in conflicts:
        contested[conflict.figure] += 1
    connection.executemany(
        "INSERT INTO figures (id, story, measure, subject_kind, actor, place, period, scope, unit, label, best,"
        " low, high, rule, as_of, claims, sources, independent_sources, contested, part_of)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((f.id, f.story, f.measure, f.subject, f.actor, f.place, f.period, f.scope, f.unit, f.label,
          f.summary.best, f.summary.low, f.summary.high, f.summary.rule, f.summary.as_of, len(f.claims),
          len(f.series), f.independent_sources, contested[f.id], f.part_of) for f in figures))
    connection.executemany(
        "INSERT OR IGNORE INTO figure_claims (figure, claim, role, whole_claim, position, reference_time,"
        " reference_basis) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((f.id, ids[_ref(c)], role, ids[_ref(whole)] if whole is not None else None, position, c.reference_time,
          c.reference_basis)
         for f in figures
         for position, (c, role, whole) in enumerate(zip(f.claims, f.roles, f.wholes, strict=True))))
    connection.executemany(
        "INSERT INTO conflicts (figure, claim_a, claim_b, kind, reason) VALUES (?, ?, ?, ?, ?)",
        ((c.figure, ids[_ref(c.claims[0])], ids[_ref(c.claims[1])], c.kind, c.reason) for c in conflicts))


# -- reading --------------------------------------------------------------------------------------------

NameTest = Callable[[str | None], bool]


def load_figures(ledger: Ledger, *, measure: str | None = None, actor: NameTest | None = None,
                 place: NameTest | None = None, story: str | None = None, since: str | None = None
                 ) -> tuple[list[Figure], ConflictList]:
    """The stored figures (and their conflicts) that pass the filters, as objects. `actor` and `place`
    test a figure's canonical name (kronika.filters.name_matcher); `since` keeps figures whose newest
    estimate (`as_of`) is on or after an ISO date prefix."""
    connection = ledger.connection
    where, parameters = [], []
    for condition, value in (("measure = ?", measure), ("story = ?", story), ("as_of >= ?", since)):
        if value is not None:
            where.append(condition)
            parameters.append(value)
    sql = "SELECT * FROM figures" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
    rows = [row for row in connection.execute(sql, parameters)
            if (actor is None or actor(row["actor"])) and (place is None or place(row["place"]))]
    wanted = {row["id"] for row in rows}
    members: dict[str, list[tuple[int, Claim, str, int | None]]] = defaultdict(list)
    by_id: dict[int, Claim] = {}
    columns = ", ".join(f"c.{c}" for c in _CLAIM_COLUMNS if c not in ("reference_time", "reference_basis"))
    sql = (f"SELECT c.id, {columns}, fc.figure, fc.role, fc.whole_claim, fc.reference_time, fc.reference_basis"
           " FROM figure_claims fc JOIN claims c ON c.id = fc.claim ORDER BY fc.figure, fc.position")
    for claim_id, claim, row in _read_claims(connection, sql):
        if row["figure"] in wanted:
            members[row["figure"]].append((claim_id, claim, row["role"], row["whole_claim"]))
            by_id[claim_id] = claim
    figures = [_figure_from_row(row, members[row["id"]], by_id) for row in rows]
    conflicts = ConflictList()
    for row in connection.execute("SELECT * FROM conflicts ORDER BY id"):
        if row["figure"] in wanted and row["claim_a"] in by_id and row["claim_b"] in by_id:
            kind = row["kind"]
            conflicts.append(Conflict(row["figure"], kind, (by_id[row["claim_a"]], by_id[row["claim_b"]]),
                                      row["reason"], kind == "self_contradiction"))
    return figures, conflicts


def _figure_from_row(row: sqlite3.Row, members: list[tuple[int, Claim, str, int | None]],
                     by_id: dict[int, Claim]) -> Figure:
    claims = [claim for _, claim, _, _ in members]
    roles = [role for _, _, role, _ in members]
    wholes = [by_id.get(whole) if whole is not None else None for _, _, _, whole in members]
    figure = assemble_figure(row["id"], row["measure"], row["actor"], row["subject_kind"], row["place"], claims,
                             roles, wholes, story=row["story"], running=row["scope"] == "running",
                             part_of=row["part_of"], period=row["period"])
    figure.summary = Summary(row["low"], row["best"], row["high"], row["rule"], row["as_of"])
    return figure


def load_stories(ledger: Ledger) -> list[dict[str, Any]]:
    """The stored stories, newest first, with their articles."""
    articles: dict[str, list[str]] = defaultdict(list)
    for story, article in ledger.connection.execute("SELECT story, article FROM story_articles ORDER BY article"):
        articles[story].append(article)
    result = []
    for row in ledger.connection.execute(
            "SELECT * FROM stories ORDER BY last_published DESC, id"):
        record = dict(row)
        record["top_entities"] = json.loads(record["top_entities"])
        record["article_ids"] = articles[row["id"]]
        result.append(record)
    return result
