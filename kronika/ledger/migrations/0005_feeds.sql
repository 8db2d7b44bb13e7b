-- Wire copies: an agency text syndicated by many portals is one report. Each copy stays an article;
-- wire_copies links it to the first stored article of its text (MinHash LSH over word 5-shingles,
-- kronika/scale/wire.py). wire_bands holds the LSH band keys, so a new article finds its candidates
-- with indexed look-ups; wire_signatures the MinHash, to estimate the similarity of a candidate.
CREATE TABLE wire_copies (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL               -- estimated Jaccard similarity of their word 5-shingles
);
CREATE INDEX wire_copies_original ON wire_copies(original);
CREATE TABLE wire_signatures (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BLOB NOT NULL                -- MinHash values, uint32 each
);
CREATE TABLE wire_bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,               -- 64-bit hash of the band's MinHash values
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, article)
) WITHOUT ROWID;
-- Feeds followed by `kronika watch`: what each answered last (ETag, Last-Modified), when to ask again
-- (backing off after errors), and every item already seen, so a re-poll adds nothing.
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT,
    failures INTEGER NOT NULL DEFAULT 0,   -- consecutive errors; the next poll waits longer after each
    next_poll_at TEXT,
    last_error TEXT
);
CREATE TABLE feed_items (
    feed TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
    item_id TEXT NOT NULL,                 -- the entry's id (guid), or its link
    link TEXT,
    seen_at TEXT NOT NULL,
    outcome TEXT,                          -- ingested, duplicate, rejected: reason
    PRIMARY KEY (feed, item_id)
);
