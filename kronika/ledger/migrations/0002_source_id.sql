-- The canonical source entity behind a claim's source phrase (aliases, abbreviations and inflected
-- forms of one source share it).
ALTER TABLE claims ADD COLUMN source_id TEXT;
CREATE INDEX claims_source_id ON claims(source_id);
