-- Evidence units (issue 10): every sentence, table row (rendered with its column headers and
-- caption) and extracted fact of a document, with page and section, built at ingest
-- (parsers/units). The answer engine picks a group's candidate documents through the chunks'
-- text-search index and then reads these units per document, so they need no text-search index
-- of their own: only the per-document read below. Same SQL for Postgres and PGlite.
CREATE TABLE IF NOT EXISTS evidence_units (
  id          bigserial PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  group_id    uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  page        integer NOT NULL,
  kind        text NOT NULL,
  section     text,
  text        text NOT NULL,
  quote       text NOT NULL,
  UNIQUE (document_id, ord)
);
