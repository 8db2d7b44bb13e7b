-- The analyst's workbench: full-text search over articles and claims, and the append-only review log.
-- Search indexes mirror their tables (FTS5 external content) and are kept current by triggers, so every
-- writer (ingest, load, tests) updates them without knowing they exist. Diacritics are folded so that a
-- query typed without Polish letters still matches; inflected forms come from expanding the query
-- with morfeusz2 (kronika.web.search), not from the tokenizer.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- Claims: the sentence as evidence, the source as written, the number as written.
CREATE VIRTUAL TABLE claims_fts USING fts5(
    sentence, source, mention, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, sentence, source, mention) VALUES (new.id, new.sentence, new.source, new.mention);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, sentence, source, mention)
    VALUES ('delete', old.id, old.sentence, old.source, old.mention);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF sentence, source, mention ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, sentence, source, mention)
    VALUES ('delete', old.id, old.sentence, old.source, old.mention);
    INSERT INTO claims_fts (rowid, sentence, source, mention) VALUES (new.id, new.sentence, new.source, new.mention);
END;
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');

-- Facets of the workbench filter by these; the article index already exists (claims_article).
CREATE INDEX claims_place ON claims(place);
CREATE INDEX claims_actor ON claims(actor);

-- A person's verdict on a claim. Append-only (the triggers refuse updates and deletes): the latest row
-- per claim is its reviewed state, the earlier rows its history. `before` and `after` are the claim's
-- reviewable fields as JSON; the article and span are kept so a review outlives a re-extraction.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    claim INTEGER NOT NULL,              -- claims.id
    article TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    reviewer TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'rejected', 'corrected')),
    note TEXT,
    before TEXT NOT NULL,
    after TEXT NOT NULL
);
CREATE INDEX reviews_claim ON reviews(claim, id);
CREATE TRIGGER reviews_append_only_update BEFORE UPDATE ON reviews BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
CREATE TRIGGER reviews_append_only_delete BEFORE DELETE ON reviews BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
