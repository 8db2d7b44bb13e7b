-- One row per reconciliation (`kronika reconcile`, or the one that ends an ingest or a load). Readers
-- that cache what they computed from figures (the workbench's facet counts) compare its last id:
-- a rebuild deletes and re-inserts figures, so their rowids alone do not show that anything changed.
CREATE TABLE reconciliations (
    id INTEGER PRIMARY KEY,
    finished_at TEXT NOT NULL,           -- ISO time, UTC
    stories INTEGER NOT NULL,
    figures INTEGER NOT NULL,
    conflicts INTEGER NOT NULL
);
