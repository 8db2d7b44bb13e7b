-- The figures list filtered by one facet (measure, actor, place or story) in its display order: each
-- index starts with the facet's column and goes on in the order of figures_listing (0007), so a
-- filtered page is a walk of one index that stops at the page, not a sort of every figure of the
-- facet (a measure holds a sixth of the figures: 50 ms per page on 130,000 figures without it).
CREATE INDEX IF NOT EXISTS figures_measure_listing ON figures(measure, contested DESC, claims DESC, id);
CREATE INDEX IF NOT EXISTS figures_actor_listing ON figures(actor, contested DESC, claims DESC, id);
CREATE INDEX IF NOT EXISTS figures_place_listing ON figures(place, contested DESC, claims DESC, id);
CREATE INDEX IF NOT EXISTS figures_story_listing ON figures(story, contested DESC, claims DESC, id);

-- A source filter matches `source_id IN (...) OR (source_id IS NULL AND source IN (...))`: with the
-- index on source_id alone (0002) the second half read every claim without a canonical source (50 ms
-- on 300,000 claims for a source nobody named). The same index name, now on (source_id, source):
-- both halves are index searches, and a source's aliases are read from the index alone.
DROP INDEX IF EXISTS claims_source_id;
CREATE INDEX claims_source_id ON claims(source_id, source);
