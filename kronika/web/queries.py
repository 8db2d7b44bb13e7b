"""What the workbench's pages show, read from the ledger with SQL that uses its indexes: plain dicts
and lists, the same for the HTML page and its JSON twin. Every list is paged (LIMIT/OFFSET, one row
more than a page to know whether another follows); facet counts are cached until the ledger changes."""
from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Sequence
from typing import Any

from kronika.filters import name_matcher
from kronika.web.highlight import evidence, pieces

CLAIM_COLUMNS = (
    "id", "article", "span_start", "span_end", "mention", "value", "value_max", "qualifier", "low", "high", "unit",
    "measure", "subject", "actor", "place", "source", "source_id", "source_kind", "outlet", "modality",
    "reference_time", "reference_basis", "published", "sentence",
)
NAME_FACETS = ("actor", "place", "source")
FACET_SIZE = 25
MAX_PER_PAGE = 200
# A claim found through an index and sorted costs about as much as 8 claims read by a walk in id order
# (measured on 300,000 claims: 50,000 rows by the index and a sort in 78 ms, 76,000 by the walk in 11 ms).
WALK_ROWS_PER_INDEX_ROW = 8


def claim_record(row: sqlite3.Row) -> dict[str, Any]:
    record = {name: row[name] for name in CLAIM_COLUMNS}
    record["span"] = [record.pop("span_start"), record.pop("span_end")]
    return record


def paging(page: int, per_page: int) -> tuple[int, int, int]:
    """(page, per_page, offset) with page >= 1 and 1 <= per_page <= MAX_PER_PAGE."""
    page, per_page = max(page, 1), min(max(per_page, 1), MAX_PER_PAGE)
    return page, per_page, (page - 1) * per_page


def _page_of(rows: list[Any], page: int, per_page: int) -> dict[str, Any]:
    return {"page": page, "per_page": per_page, "has_previous": page > 1, "has_next": len(rows) > per_page}


class Ledger:
    """Read access to one ledger for the pages; `connection` is the calling thread's own."""

    def __init__(self, connection_for_thread: Callable[[], sqlite3.Connection]) -> None:
        self._connection = connection_for_thread
        self._cache: dict[tuple[Any, ...], Any] = {}
        self._cache_lock = threading.Lock()

    @property
    def connection(self) -> sqlite3.Connection:
        return self._connection()

    def version(self) -> tuple[Any, ...]:
        """Changes whenever an article, claim or rejection is added or the figures are reconciled again
        (max rowids: index lookups). Reviews
        are left out: nothing cached depends on them, and a review would otherwise make every server
        process count its facets again (a second on 300,000 claims)."""
        row = self.connection.execute(
            "SELECT (SELECT MAX(rowid) FROM articles), (SELECT MAX(id) FROM claims),"
            " (SELECT MAX(id) FROM rejections), (SELECT COUNT(*) FROM migrations)"
        ).fetchone()
        # A reconciliation rewrites the figures without adding claims (`kronika reconcile` run alone).
        reconciled = self.connection.execute("SELECT MAX(id) FROM reconciliations").fetchone() \
            if self.has_table("reconciliations") else (None,)
        return (*row, *reconciled)

    def cached(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        full_key = (*key, self.version())
        with self._cache_lock:
            if full_key in self._cache:
                return self._cache[full_key]
        value = compute()
        with self._cache_lock:
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[full_key] = value
        return value

    def has_table(self, name: str) -> bool:
        return self.connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None

    # -- names and facets ---------------------------------------------------------------------------

    def _distinct(self, column: str) -> list[tuple[str, int]]:
        """Every value of a name column with its claim count, most claims first."""
        expression = "COALESCE(source_id, source)" if column == "source" else column
        return self.cached(("distinct", column), lambda: [
            (row[0], row[1]) for row in self.connection.execute(
                f"SELECT {expression}, COUNT(*) FROM claims WHERE {expression} IS NOT NULL"
                f" GROUP BY 1 ORDER BY 2 DESC, 1")
        ])

    def names_matching(self, column: str, query: str) -> list[str]:
        """The stored values a name filter means: the value itself, or every canonical name that
        kronika.filters.name_matcher takes `query` for (Polish or English, any case, inflected)."""
        matches = name_matcher(query)
        return [value for value, _ in self._distinct(column) if value == query or matches(value)]

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        def count(column: str) -> list[dict[str, Any]]:
            return [{"value": value, "claims": claims} for value, claims in self._distinct(column)[:FACET_SIZE]]

        result = {column: count(column) for column in ("measure", *NAME_FACETS)}
        return result

    # -- claims -------------------------------------------------------------------------------------

    def _walk_claims(self, chosen: dict[str, list[str]], depth: int) -> bool:
        """Whether the claims matching every filter in `chosen` (column -> the values it takes) are best
        found by walking all claims in id order (the list's order) for the first `depth` rows, rather
        than through an index and then sorted. The walk reads about depth x claims / matching rows
        (the matching share estimated from each filter's, as if independent), the index every claim
        of its filter's values (the most selective filter's), each costing as much as several rows of
        the walk (a look-up, a row read at random and a place in the sort): the cheaper is taken."""
        claims: int = self.cached(("claim count",), lambda: self.connection.execute(
            "SELECT MAX(id) FROM claims").fetchone()[0] or 0)  # ids are rowids: MAX is an index look-up
        if not chosen or claims == 0:
            return False
        counts: dict[str, int] = {}
        for column, values in chosen.items():
            known = dict(self._distinct(column))
            counts[column] = sum(known.get(value, 0) for value in values)
        matching = float(claims)
        for count in counts.values():
            matching *= count / claims
        index_rows = float(min(counts.values()))
        if "measure" in counts and "actor" in counts:  # claims_figure is on (measure, actor): both at once
            index_rows = min(index_rows, counts["measure"] * counts["actor"] / claims)
        walk_rows = min(depth * claims / matching, claims) if matching > 0 else claims
        return walk_rows < WALK_ROWS_PER_INDEX_ROW * index_rows

    def _claim_where(self, filters: dict[str, str | None], depth: int = 51) -> tuple[list[str], list[Any]]:
        """The filters as SQL. When the claims they match are common, the indexed columns are written
        `+column`, which SQLite cannot answer from an index, so the page is a walk of the claims in id
        order that stops at the page (a measure holds a sixth of the claims: 84 ms for page 50 through
        its index and a sort, 8 ms by the walk)."""
        names: dict[str, list[str]] = {}
        for column in NAME_FACETS:
            query = filters.get(column)
            if query:
                names[column] = self.names_matching(column, query) or [query]
        measure = filters.get("measure")
        indexed = {**({"measure": [measure]} if measure else {}), **names}
        walk = not filters.get("article") and self._walk_claims(indexed, depth)
        plus = "+" if walk else ""
        where: list[str] = []
        parameters: list[Any] = []
        for column in ("measure", "qualifier", "modality", "article"):
            value = filters.get(column)
            if value:
                where.append(f"{plus if column == 'measure' else ''}{column} = ?")
                parameters.append(value)
        for column, values in names.items():
            marks = ", ".join("?" * len(values))
            if column == "source":
                where.append(f"({plus}source_id IN ({marks})"
                             f" OR ({plus}source_id IS NULL AND {plus}source IN ({marks})))")
                parameters.extend([*values, *values])
            else:
                where.append(f"{plus}{column} IN ({marks})")
                parameters.extend(values)
        return where, parameters

    def claims_sql(self, filters: dict[str, str | None], depth: int = 51) -> tuple[str, list[Any]]:
        """The claims list's query for a page ending `depth` rows in (LIMIT and OFFSET left last)."""
        where, parameters = self._claim_where(filters, depth)
        sql = f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql + " ORDER BY id LIMIT ? OFFSET ?", parameters

    def claims(self, filters: dict[str, str | None], page: int = 1, per_page: int = 50) -> dict[str, Any]:
        page, per_page, offset = paging(page, per_page)
        sql, parameters = self.claims_sql(filters, offset + per_page + 1)
        rows = self.connection.execute(sql, [*parameters, per_page + 1, offset]).fetchall()
        records = [claim_record(row) for row in rows[:per_page]]
        self._attach_reviews(records)
        return {"claims": records, "filters": {k: v for k, v in filters.items() if v}, "facets": self.facets(),
                **_page_of(rows, page, per_page)}

    def _attach_reviews(self, records: Sequence[dict[str, Any]]) -> None:
        """Each claim's reviewed state: the verdict of its latest review, or None."""
        if not records:
            return
        ids = [record["id"] for record in records]
        marks = ", ".join("?" * len(ids))
        latest = {row[0]: row[1] for row in self.connection.execute(
            f"SELECT claim, verdict FROM reviews WHERE id IN"
            f" (SELECT MAX(id) FROM reviews WHERE claim IN ({marks}) GROUP BY claim)", ids)}
        for record in records:
            record["review"] = latest.get(record["id"])

    def claim(self, claim_id: int) -> dict[str, Any] | None:
        row = self.connection.execute(
            f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims WHERE id = ?", (claim_id,)).fetchone()
        if row is None:
            return None
        record = claim_record(row)
        article = self.connection.execute(
            "SELECT id, title, url, outlet, published, text FROM articles WHERE id = ?", (record["article"],)
        ).fetchone()
        text = article["text"] if article else ""
        record["evidence"] = evidence(text, record["sentence"], *record["span"])
        record["article_meta"] = {key: article[key] for key in ("id", "title", "url", "outlet", "published")} \
            if article else None
        record["figures"] = [dict(row) for row in self.connection.execute(
            "SELECT f.id, f.label, fc.role FROM figure_claims fc JOIN figures f ON f.id = fc.figure"
            " WHERE fc.claim = ? ORDER BY f.id", (claim_id,))] if self.has_table("figure_claims") else []
        record["reviews"] = self.reviews(claim_id)
        record["review"] = record["reviews"][-1]["verdict"] if record["reviews"] else None
        record["reviewed"] = record["reviews"][-1]["after"] if record["reviews"] else None
        return record

    def reviews(self, claim_id: int) -> list[dict[str, Any]]:
        from kronika.web.reviews import review_record

        return [review_record(row) for row in self.connection.execute(
            "SELECT * FROM reviews WHERE claim = ? ORDER BY id", (claim_id,))]

    # -- articles -----------------------------------------------------------------------------------

    def articles(self, outlet: str | None = None, page: int = 1, per_page: int = 50) -> dict[str, Any]:
        page, per_page, offset = paging(page, per_page)
        sql = "SELECT id, title, url, outlet, published, length(text) AS chars FROM articles"
        parameters: list[Any] = []
        if outlet:
            sql += " WHERE outlet = ?"
            parameters.append(outlet)
        rows = self.connection.execute(sql + " ORDER BY id LIMIT ? OFFSET ?",
                                       [*parameters, per_page + 1, offset]).fetchall()
        return {"articles": [dict(row) for row in rows[:per_page]], "filters": {"outlet": outlet} if outlet else {},
                **_page_of(rows, page, per_page)}

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.connection.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        record = dict(row)
        claims = [claim_record(claim) for claim in self.connection.execute(
            f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims WHERE article = ? ORDER BY span_start, id",
            (article_id,))]
        self._attach_reviews(claims)
        record["claims"] = claims
        record["pieces"] = pieces(record["text"], ((c["span"][0], c["span"][1], c["id"]) for c in claims))
        return record

    # -- rejections and sources ---------------------------------------------------------------------

    def rejections(self, include_resolved: bool = False, page: int = 1, per_page: int = 50) -> dict[str, Any]:
        page, per_page, offset = paging(page, per_page)
        sql = "SELECT id, input, reason, rejected_at, resolved_at, resolved_as FROM rejections"
        if not include_resolved:
            sql += " WHERE resolved_at IS NULL"
        rows = self.connection.execute(sql + " ORDER BY id LIMIT ? OFFSET ?", (per_page + 1, offset)).fetchall()
        return {"rejections": [dict(row) for row in rows[:per_page]], "include_resolved": include_resolved,
                **_page_of(rows, page, per_page)}

    def sources(self, page: int = 1, per_page: int = 50) -> dict[str, Any]:
        page, per_page, offset = paging(page, per_page)
        every = self._distinct("source")
        rows = every[offset:offset + per_page + 1]
        kinds = self.cached(("source kinds",), lambda: {
            row[0]: row[1] for row in self.connection.execute(
                "SELECT COALESCE(source_id, source), MAX(source_kind) FROM claims"
                " WHERE source IS NOT NULL GROUP BY 1")})
        return {"sources": [{"id": name, "claims": count, "kind": kinds.get(name)} for name, count in rows[:per_page]],
                **_page_of(rows, page, per_page)}

    def source(self, source_id: str, page: int = 1, per_page: int = 100) -> dict[str, Any] | None:
        page, per_page, offset = paging(page, per_page)
        match = "(source_id = ? OR (source_id IS NULL AND source = ?))"
        aliases = [row[0] for row in self.connection.execute(
            f"SELECT DISTINCT source FROM claims WHERE {match} ORDER BY 1", (source_id, source_id))]
        if not aliases:
            return None
        rows = self.connection.execute(
            f"SELECT {', '.join(CLAIM_COLUMNS)} FROM claims WHERE {match}"
            " ORDER BY COALESCE(reference_time, published), id LIMIT ? OFFSET ?",
            (source_id, source_id, per_page + 1, offset)).fetchall()
        claims = [claim_record(row) for row in rows[:per_page]]
        self._attach_reviews(claims)
        return {"id": source_id, "aliases": aliases, "claims": claims, **_page_of(rows, page, per_page)}


class Reconciled:
    """The reconciliation's tables (migration 0003: stories, figures, figure_claims, conflicts), read
    for the figure, story and conflict pages. Every method answers None or an empty page while the
    ledger has no such tables yet."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    @property
    def present(self) -> bool:
        return self.ledger.has_table("figures")

    def _walk_for_source(self, names: list[str], depth: int) -> bool:
        """Whether the figures of the sources `names` are best found by walking the list's order (for
        the first `depth` rows) rather than from the sources' claims: a walk looks at about depth x
        figures / claims figures, the claims' way at every claim, so the walk wins when claims squared
        exceed depth x figures."""
        counts = dict(self.ledger._distinct("source"))
        claims = sum(counts.get(name, 0) for name in names)
        figures: int = self.ledger.cached(("figure count",), lambda: self.ledger.connection.execute(
            "SELECT COUNT(*) FROM figures").fetchone()[0])
        return claims * claims > depth * max(figures, 1)

    def _figure_where(self, filters: dict[str, Any], depth: int = 51) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        parameters: list[Any] = []
        for column in ("measure", "story"):
            if filters.get(column):
                where.append(f"f.{column} = ?")
                parameters.append(filters[column])
        for column in ("actor", "place"):
            if filters.get(column):
                names = self.ledger.names_matching(column, filters[column]) or [filters[column]]
                where.append(f"f.{column} IN ({', '.join('?' * len(names))})")
                parameters.extend(names)
        if filters.get("source"):
            names = self.ledger.names_matching("source", filters["source"]) or [filters["source"]]
            marks = ", ".join("?" * len(names))
            by_source = (f"(c.source_id IN ({marks}) OR (c.source_id IS NULL AND c.source IN ({marks})))")
            if self._walk_for_source(names, depth):
                # A common source: walk the list's order and keep a figure when one of its claims is the
                # source's, stopping at the page (most figures qualify, so few are looked at).
                where.append("EXISTS (SELECT 1 FROM figure_claims fc JOIN claims c ON c.id = fc.claim"
                             f" WHERE fc.figure = f.id AND {by_source})")
            else:
                # A rare one: its claims (through their index) name the figures, which are then sorted.
                where.append(f"f.id IN (SELECT fc.figure FROM figure_claims fc JOIN claims c ON c.id = fc.claim"
                             f" WHERE {by_source})")
            parameters.extend([*names, *names])
        if filters.get("contested") is not None:
            where.append("f.contested > 0" if filters["contested"] else "f.contested = 0")
        return where, parameters

    def figures_sql(self, filters: dict[str, Any], depth: int = 51) -> tuple[str, list[Any]]:
        """The figures list's query for a page ending `depth` rows in (its LIMIT and OFFSET left as the
        last two parameters), in the order of the index `figures_listing` (migration 0007), or of the
        facet's own (0008): a page is a walk of an index, not a sort."""
        where, parameters = self._figure_where(filters, depth)
        sql = "SELECT f.* FROM figures f" + (" WHERE " + " AND ".join(where) if where else "")
        return sql + " ORDER BY f.contested DESC, f.claims DESC, f.id LIMIT ? OFFSET ?", parameters

    def figures(self, filters: dict[str, Any], page: int = 1, per_page: int = 50) -> dict[str, Any]:
        page, per_page, offset = paging(page, per_page)
        shown_filters = {key: value for key, value in filters.items() if value is not None and value != ""}
        if not self.present:
            return {"figures": [], "filters": shown_filters, "facets": {}, "reconciled": False,
                    **_page_of([], page, per_page)}
        sql, parameters = self.figures_sql(filters, offset + per_page + 1)
        rows = self.ledger.connection.execute(sql, [*parameters, per_page + 1, offset]).fetchall()
        return {"figures": [dict(row) for row in rows[:per_page]], "filters": shown_filters,
                "facets": self.facets(), "reconciled": True, **_page_of(rows, page, per_page)}

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        def compute() -> dict[str, list[dict[str, Any]]]:
            connection = self.ledger.connection
            facets = {}
            for column in ("measure", "actor", "place", "story"):
                facets[column] = [{"value": row[0], "figures": row[1]} for row in connection.execute(
                    f"SELECT {column}, COUNT(*) FROM figures WHERE {column} IS NOT NULL GROUP BY 1"
                    f" ORDER BY 2 DESC, 1 LIMIT {FACET_SIZE}")]
            # The figures of every source in one pass over figure_claims (its primary key is figure,
            # claim: walked in figure order, each claim's source read by rowid), where a query per
            # source looked its claims up by source and their figures by claim: 2 s for 25 sources
            # on 300,000 claims, against 0.9 s.
            per_source = dict(connection.execute(
                "SELECT source, COUNT(*) FROM (SELECT DISTINCT fc.figure, COALESCE(c.source_id, c.source) AS source"
                " FROM figure_claims fc JOIN claims c ON c.id = fc.claim) WHERE source IS NOT NULL GROUP BY 1"))
            facets["source"] = [{"value": name, "figures": per_source.get(name, 0)}
                                for name, _ in self.ledger._distinct("source")[:FACET_SIZE]]
            facets["contested"] = [{"value": "true", "figures": connection.execute(
                "SELECT COUNT(*) FROM figures WHERE contested > 0").fetchone()[0]}]
            return facets

        result: dict[str, list[dict[str, Any]]] = self.ledger.cached(("figure facets",), compute)
        return result

    def figure(self, figure_id: str) -> dict[str, Any] | None:
        if not self.present:
            return None
        connection = self.ledger.connection
        row = connection.execute("SELECT * FROM figures WHERE id = ?", (figure_id,)).fetchone()
        if row is None:
            return None
        record = dict(row)
        claims = []
        for member in connection.execute(
            f"SELECT {', '.join('c.' + name for name in CLAIM_COLUMNS)}, fc.role, fc.position,"
            " fc.reference_time AS reconciled_time, fc.reference_basis AS reconciled_basis,"
            " a.text AS article_text, a.url AS article_url, a.title AS article_title"
            " FROM figure_claims fc JOIN claims c ON c.id = fc.claim JOIN articles a ON a.id = c.article"
            " WHERE fc.figure = ? ORDER BY fc.position, c.id", (figure_id,)):
            claim = claim_record(member)
            claim.update(role=member["role"], article_url=member["article_url"],
                         article_title=member["article_title"])
            if member["reconciled_time"]:
                claim["reference_time"] = member["reconciled_time"]
                claim["reference_basis"] = member["reconciled_basis"]
            claim["evidence"] = evidence(member["article_text"], claim["sentence"], *claim["span"])
            claims.append(claim)
        self.ledger._attach_reviews(claims)
        record["claims_list"] = claims
        record["conflicts_list"] = [dict(c) for c in connection.execute(
            "SELECT id, claim_a, claim_b, kind, reason FROM conflicts WHERE figure = ? ORDER BY id", (figure_id,))]
        story = connection.execute("SELECT id, label FROM stories WHERE id = ?", (record["story"],)).fetchone() \
            if record.get("story") else None
        record["story_meta"] = dict(story) if story else None
        return record

    def stories(self, page: int = 1, per_page: int = 50) -> dict[str, Any]:
        page, per_page, offset = paging(page, per_page)
        if not self.present:
            return {"stories": [], "reconciled": False, **_page_of([], page, per_page)}
        rows = self.ledger.connection.execute(
            "SELECT * FROM stories ORDER BY last_published DESC, id LIMIT ? OFFSET ?", (per_page + 1, offset)
        ).fetchall()
        return {"stories": [_story(row) for row in rows[:per_page]], "reconciled": True,
                **_page_of(rows, page, per_page)}

    def story(self, story_id: str) -> dict[str, Any] | None:
        if not self.present:
            return None
        connection = self.ledger.connection
        row = connection.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        record = _story(row)
        record["figures"] = [dict(f) for f in connection.execute(
            "SELECT * FROM figures WHERE story = ? ORDER BY contested DESC, claims DESC, id LIMIT 500", (story_id,))]
        record["articles_list"] = [dict(a) for a in connection.execute(
            "SELECT a.id, a.title, a.published, a.outlet, a.url FROM story_articles s JOIN articles a"
            " ON a.id = s.article WHERE s.story = ? ORDER BY a.published, a.id LIMIT 500", (story_id,))]
        return record

    def conflicts(self, page: int = 1, per_page: int = 50) -> dict[str, Any]:
        page, per_page, offset = paging(page, per_page)
        if not self.present:
            return {"conflicts": [], "reconciled": False, **_page_of([], page, per_page)}
        rows = self.ledger.connection.execute(
            "SELECT k.id, k.figure, k.claim_a, k.claim_b, k.kind, k.reason, f.label FROM conflicts k"
            " JOIN figures f ON f.id = k.figure ORDER BY k.id LIMIT ? OFFSET ?", (per_page + 1, offset)).fetchall()
        return {"conflicts": [dict(row) for row in rows[:per_page]], "reconciled": True,
                **_page_of(rows, page, per_page)}


def _story(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    try:
        record["top_entities"] = json.loads(record.get("top_entities") or "[]")
    except ValueError:
        record["top_entities"] = []
    return record
