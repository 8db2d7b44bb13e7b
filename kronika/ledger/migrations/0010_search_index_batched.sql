-- Full-text indexing a batch at a time. A writer that stores many articles in one transaction (an
-- ingest's batch, kronika.ledger.store.Batch) puts one row in `search_deferred` when it opens the
-- transaction: the highest article rowid and claim id already indexed. While that row exists the
-- insert triggers do nothing, and before the writer commits it indexes every row above those marks
-- with one INSERT ... SELECT per table and deletes the row: the same index entries as a trigger per
-- row, for a fraction of the cost. The row lives inside the writer's transaction only (a rollback or a
-- crash removes it with the batch), so every other writer, and this one outside a batch, still gets
-- the per-row triggers and needs to know nothing. Rows above the marks are not in the index yet: the
-- delete and update triggers leave them alone, and a delete that leaves the table's highest row id
-- below a mark lowers the mark to it, so a row id SQLite gives out again is indexed by the batch.
CREATE TABLE search_deferred (
    articles_after INTEGER NOT NULL,     -- every article with a rowid up to this is in articles_fts
    claims_after INTEGER NOT NULL        -- every claim with an id up to this is in claims_fts
);

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM search_deferred) BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
WHEN old.rowid <= coalesce((SELECT max(articles_after) FROM search_deferred), old.rowid) BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    UPDATE search_deferred SET articles_after = (SELECT coalesce(max(rowid), 0) FROM articles)
    WHERE articles_after > (SELECT coalesce(max(rowid), 0) FROM articles);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
WHEN old.rowid <= coalesce((SELECT max(articles_after) FROM search_deferred), old.rowid) BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_fts_delete;
DROP TRIGGER claims_fts_update;
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims
WHEN NOT EXISTS (SELECT 1 FROM search_deferred) BEGIN
    INSERT INTO claims_fts (rowid, sentence, source, mention) VALUES (new.id, new.sentence, new.source, new.mention);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims
WHEN old.id <= coalesce((SELECT max(claims_after) FROM search_deferred), old.id) BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, sentence, source, mention)
    VALUES ('delete', old.id, old.sentence, old.source, old.mention);
    UPDATE search_deferred SET claims_after = (SELECT coalesce(max(id), 0) FROM claims)
    WHERE claims_after > (SELECT coalesce(max(id), 0) FROM claims);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF sentence, source, mention ON claims
WHEN old.id <= coalesce((SELECT max(claims_after) FROM search_deferred), old.id) BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, sentence, source, mention)
    VALUES ('delete', old.id, old.sentence, old.source, old.mention);
    INSERT INTO claims_fts (rowid, sentence, source, mention) VALUES (new.id, new.sentence, new.source, new.mention);
END;
