-- The workbench's figures list walks figures in its display order (contested first, then the most
-- reported, then the id) and stops at the page: this index is that order, so a page is an index walk
-- rather than a sort of every figure. IF NOT EXISTS: ledgers served before this migration existed had
-- the same index made at serve time under the same name.
CREATE INDEX IF NOT EXISTS figures_listing ON figures(contested DESC, claims DESC, id);
