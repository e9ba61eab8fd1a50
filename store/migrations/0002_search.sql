-- Indexes for the answer engine: trigram search over accent-folded text, so that names,
-- Swedish compounds and questions typed without å/ä/ö still find their passages and facts.
-- The folding expression must match answers' SQL exactly for the index to be used.

-- In public, so that every schema's search_path finds gin_trgm_ops (tests use one schema each).
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE INDEX IF NOT EXISTS chunks_fold_trgm_idx ON chunks
  USING gin (translate(lower(text), 'åäöéèüáàæø', 'aaoeeuaaao') gin_trgm_ops);
CREATE INDEX IF NOT EXISTS chunks_doc_page_idx ON chunks (document_id, page_no);
CREATE INDEX IF NOT EXISTS attendees_doc_idx ON attendees (document_id);
CREATE INDEX IF NOT EXISTS action_items_doc_idx ON action_items (document_id);
CREATE INDEX IF NOT EXISTS decisions_group_idx ON decisions (group_id);
CREATE INDEX IF NOT EXISTS next_meetings_group_idx ON next_meetings (group_id);
CREATE INDEX IF NOT EXISTS plan_activities_group_idx ON plan_activities (group_id);
CREATE INDEX IF NOT EXISTS budget_lines_doc_idx ON budget_lines (document_id);
