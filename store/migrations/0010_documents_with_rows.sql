-- Question latency in large groups (issue 12). Budget and activity questions rank the rows of each
-- group's ten newest documents that hold budget lines (plan activities). Finding them walked the
-- group's documents newest first and probed the table for each: 5 500 documents and 30–50 ms at
-- 10 000 documents when most are minutes. A flag per document, kept by statement triggers (ingest
-- deletes and inserts a document's rows; a deleted document takes its rows with it), and a partial
-- date index make them a short index read.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS has_budget_lines boolean NOT NULL DEFAULT false;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS has_activities boolean NOT NULL DEFAULT false;

UPDATE documents d SET
  has_budget_lines = EXISTS (SELECT 1 FROM budget_lines b WHERE b.document_id = d.id),
  has_activities = EXISTS (SELECT 1 FROM plan_activities a WHERE a.document_id = d.id);

CREATE INDEX IF NOT EXISTS documents_budget_recent_idx ON documents (group_id, doc_date DESC NULLS LAST, created_at DESC) WHERE has_budget_lines;
CREATE INDEX IF NOT EXISTS documents_activities_recent_idx ON documents (group_id, doc_date DESC NULLS LAST, created_at DESC) WHERE has_activities;

CREATE OR REPLACE FUNCTION mark_documents_with_budget_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE documents SET has_budget_lines = true WHERE id IN (SELECT document_id FROM new_rows) AND NOT has_budget_lines;
  ELSE
    UPDATE documents d SET has_budget_lines = EXISTS (SELECT 1 FROM budget_lines b WHERE b.document_id = d.id)
    WHERE d.id IN (SELECT document_id FROM old_rows) AND d.has_budget_lines;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION mark_documents_with_activities() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE documents SET has_activities = true WHERE id IN (SELECT document_id FROM new_rows) AND NOT has_activities;
  ELSE
    UPDATE documents d SET has_activities = EXISTS (SELECT 1 FROM plan_activities a WHERE a.document_id = d.id)
    WHERE d.id IN (SELECT document_id FROM old_rows) AND d.has_activities;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER budget_lines_mark_ins AFTER INSERT ON budget_lines REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mark_documents_with_budget_lines();
CREATE TRIGGER budget_lines_mark_del AFTER DELETE ON budget_lines REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mark_documents_with_budget_lines();
CREATE TRIGGER plan_activities_mark_ins AFTER INSERT ON plan_activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mark_documents_with_activities();
CREATE TRIGGER plan_activities_mark_del AFTER DELETE ON plan_activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION mark_documents_with_activities();
