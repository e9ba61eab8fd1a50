-- Question latency in large groups (issue 12). A text search ranks only the chunks of the newest
-- documents holding a match once thousands match; those documents were found by looking up every
-- matching document by its primary key and sorting them (7 500 lookups, 25–35 ms, at 10 000
-- documents). Walking the group's documents newest first and stopping at the last one needed reads
-- a few dozen index entries instead; with the id as the last key (also the tie-break: documents
-- ingested together share created_at) the walk is index-only and its order deterministic.
-- 0006's index stays: the queries that use it break ties in its order, and answers must not change.
CREATE INDEX IF NOT EXISTS documents_group_order_idx ON documents (group_id, doc_date DESC NULLS LAST, created_at DESC, id);
