-- Answer latency in large groups. GIN indexes (trigram, text search) buffer new entries in a
-- "pending list" that every search scans linearly until a vacuum merges it: after a few hundred
-- documents were ingested that made a budget lookup scan tens of thousands of rows (70–100 ms)
-- instead of a few index pages (< 1 ms), and the planner, costing the list, fell back to
-- sequential scans. Turning the list off makes every insert update the index row by row (bulk
-- loads ~5× slower); a small list (256 kB instead of 4 MB) is merged in batches by the inserts
-- themselves and keeps what a search must scan short.
ALTER INDEX chunks_tsv_idx SET (gin_pending_list_limit = 256);
ALTER INDEX chunks_fold_trgm_idx SET (gin_pending_list_limit = 256);
ALTER INDEX budget_lines_search_trgm_idx SET (gin_pending_list_limit = 256);
ALTER INDEX plan_activities_search_trgm_idx SET (gin_pending_list_limit = 256);

-- A group's documents newest first (the answer engine ranks the newest plans' lines first).
CREATE INDEX IF NOT EXISTS documents_group_date_idx ON documents (group_id, doc_date DESC NULLS LAST, created_at DESC);
