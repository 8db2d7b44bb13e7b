-- A rejection stays as history when a later ingest reads the input after all (a newer version, a fixed
-- file): it is marked resolved rather than deleted. Listings show the open ones.
ALTER TABLE rejections ADD COLUMN resolved_at TEXT;   -- when the input was ingested after all
ALTER TABLE rejections ADD COLUMN resolved_as TEXT;   -- the article id it was stored (or found) as
CREATE INDEX rejections_input ON rejections(input);
