-- The ledger: articles as read, the claims extracted from them, and the inputs that were rejected.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,                 -- file stem, or the JSON Lines record's id
    content_hash TEXT NOT NULL UNIQUE,   -- sha256 of the whitespace-folded text: one article, one row
    text TEXT NOT NULL,                  -- the text exactly as read; every span indexes it
    title TEXT,
    url TEXT,
    outlet TEXT,                         -- who published it (metadata or a `Źródło:` line)
    published TEXT,                      -- ISO date, or a bare year when only the year is known
    published_precision TEXT,            -- day, month, year
    language TEXT,
    encoding TEXT,                       -- utf-8, cp1250, iso-8859-2
    format TEXT,                         -- text, jsonl, html
    input TEXT,                          -- path (path:line for JSON Lines) it was read from
    ingested_at TEXT NOT NULL
);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,         -- Python string indices into articles.text
    span_end INTEGER NOT NULL,
    mention TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    qualifier TEXT NOT NULL,
    low REAL,
    high REAL,
    unit TEXT,
    measure TEXT NOT NULL,
    subject TEXT,
    actor TEXT,
    place TEXT,
    source TEXT,
    source_kind TEXT,
    outlet TEXT,
    modality TEXT NOT NULL,
    reference_time TEXT,
    reference_basis TEXT,
    published TEXT,
    sentence TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article);
CREATE INDEX claims_figure ON claims(measure, actor);

CREATE TABLE rejections (
    id INTEGER PRIMARY KEY,
    input TEXT NOT NULL,                 -- path, or path:line
    reason TEXT NOT NULL,                -- one line a person understands
    rejected_at TEXT NOT NULL,
    UNIQUE (input, reason)
);
