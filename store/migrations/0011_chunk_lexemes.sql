-- Question latency in large groups (issue 12). A question's words reach text search as prefixes
-- ('barn':*, 'stöd':*), and a GIN index reads every posting list a prefix matches in full, in
-- every group, with no skipping: at 10 000 documents a seven-word question spent 170 ms in the
-- index alone. Each group's vocabulary (the lexemes of its chunks) lets the engine turn a prefix
-- into the exact words the group holds, which the index can intersect by skipping (2–4× less
-- time). Kept by statement triggers; words of deleted chunks stay (a word with no chunk matches
-- nothing, and the group's vocabulary only grows by new words). Same SQL for Postgres and PGlite.
CREATE TABLE IF NOT EXISTS chunk_lexemes (
  group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  -- Byte order, so that a prefix is a range of the primary key.
  lexeme   text COLLATE "C" NOT NULL,
  PRIMARY KEY (group_id, lexeme)
);

INSERT INTO chunk_lexemes (group_id, lexeme)
  SELECT DISTINCT c.group_id, l.lexeme FROM chunks c CROSS JOIN LATERAL unnest(tsvector_to_array(c.tsv)) AS l(lexeme)
  ON CONFLICT DO NOTHING;

-- In key order, so that two ingests adding the same new words wait for each other instead of deadlocking.
CREATE OR REPLACE FUNCTION remember_chunk_lexemes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chunk_lexemes (group_id, lexeme)
    SELECT DISTINCT n.group_id, l.lexeme COLLATE "C" FROM new_rows n CROSS JOIN LATERAL unnest(tsvector_to_array(n.tsv)) AS l(lexeme)
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER chunks_lexemes_ins AFTER INSERT ON chunks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION remember_chunk_lexemes();
CREATE TRIGGER chunks_lexemes_upd AFTER UPDATE ON chunks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION remember_chunk_lexemes();
