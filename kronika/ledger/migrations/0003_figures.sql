-- Reconciliation in the ledger: stories (articles about one event or ongoing situation), figures (one
-- tracked quantity each), the claims each figure holds and the conflicts between them. Rebuilt by
-- `kronika reconcile` and kept current by every ingest (kronika.reconcile.store.reconcile_ledger);
-- docs/figures.md explains the rules. Plain tables: SQL users, Datasette and DuckDB read them as they are.

CREATE TABLE stories (
    id TEXT PRIMARY KEY,                 -- story:<slug of its first article>; kept as later articles join
    label TEXT NOT NULL,                 -- its most named entities and its first headline, for people
    articles INTEGER NOT NULL,           -- how many articles it groups
    first_published TEXT,                -- ISO date of its earliest article
    last_published TEXT,                 -- ISO date of its latest article
    top_entities TEXT NOT NULL           -- JSON array of canonical entity names, most named first
);

CREATE TABLE story_articles (
    story TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE  -- an article is in one story
);
CREATE INDEX story_articles_story ON story_articles(story);

-- What stories are grouped on, kept so that an ingest compares only its new articles with the archive.
CREATE TABLE story_features (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BLOB NOT NULL,             -- MinHash of the article's word stems (datasketch, uint64 values)
    entities TEXT NOT NULL,              -- JSON array: specific entities and unknown names (`~stem`)
    all_entities TEXT NOT NULL           -- JSON array: every entity, countries included, for labels
);

CREATE TABLE figures (
    id TEXT PRIMARY KEY,                 -- `<story>/<measure>:<actor>:<subject kind>[:<place>][:<period>]`;
                                         -- running totals have no story prefix; parts add `><what>`
    story TEXT REFERENCES stories(id),   -- the story of an incident figure; NULL for a running total
    measure TEXT NOT NULL,               -- kronika.claim.MEASURES
    subject_kind TEXT NOT NULL,          -- what is counted: soldiers, people, `share of inflation`,
                                         -- `money (PLN) for aid`
    actor TEXT,                          -- whose (canonical entity), NULL when no claim names one
    place TEXT,                          -- where (canonical), NULL when unnamed
    period TEXT,                         -- TIMEX3 month, week or year it counts (`2024-08`), NULL when none
    scope TEXT NOT NULL,                 -- incident (one event, one period) or running (a total so far)
    unit TEXT,                           -- percent, a currency code, or NULL for a head count
    label TEXT NOT NULL,                 -- measure · subject kind · actor · place, for people
    best REAL,                           -- a value some source stated (see rule); NULL when none is one number
    low REAL,                            -- envelope of the current estimates' stated bounds; NULL = open
    high REAL,                           -- ditto; NULL = open (`more than N`) or unknown
    rule TEXT NOT NULL,                  -- in words: which claim gave best and how low/high were taken
    as_of TEXT,                          -- the reference time of the newest estimate
    claims INTEGER NOT NULL,             -- claims it holds (members, parts and denials)
    sources INTEGER NOT NULL,            -- canonical sources among them
    independent_sources INTEGER NOT NULL,-- sources counted once, unattributed copies of one sentence once
    contested INTEGER NOT NULL,          -- how many conflicts it holds (0: none)
    part_of TEXT                         -- for a figure of parts: the id of the whole's figure
);
CREATE INDEX figures_story ON figures(story);
CREATE INDEX figures_measure_actor ON figures(measure, actor);

CREATE TABLE figure_claims (
    figure TEXT NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
    claim INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    role TEXT NOT NULL,                  -- member, part (a subset of whole_claim) or denial (denies the figure)
    whole_claim INTEGER REFERENCES claims(id) ON DELETE SET NULL,  -- a part's whole
    position INTEGER NOT NULL,           -- the claim's place in the figure's time order
    reference_time TEXT,                 -- as reconciled: `dzień wcześniej` moves it from the claim's own
    reference_basis TEXT,
    PRIMARY KEY (figure, claim)
);
CREATE INDEX figure_claims_claim ON figure_claims(claim);

CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    figure TEXT NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
    claim_a INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,  -- the earlier claim in time order
    claim_b INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                  -- disjoint, self_contradiction, cumulative_drop or denial
    reason TEXT NOT NULL                 -- one line naming both claims, sources and times
);
CREATE INDEX conflicts_figure ON conflicts(figure);
