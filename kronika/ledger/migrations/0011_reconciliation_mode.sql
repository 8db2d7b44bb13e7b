-- How each reconciliation ran: `full` (every figure rebuilt), `incremental` (the figures of the
-- stories an ingest changed, closed over running totals: kronika.reconcile.incremental) or `unchanged`
-- (nothing to rebuild), and how many claims it read into figures. Rows written before: NULL.
ALTER TABLE reconciliations ADD COLUMN mode TEXT;
ALTER TABLE reconciliations ADD COLUMN claims INTEGER;
