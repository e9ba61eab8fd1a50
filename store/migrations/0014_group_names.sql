-- Question latency in large groups (issue 12). The names a group's documents know (attendees and
-- action-item owners) are cached per process until a write bumps names_version (0009); reading them
-- again after every upload read all the group's attendees and action items (70 000 + 80 000 rows,
-- 70–80 ms at 10 000 documents, on the first question after each upload). Each group's names are now
-- kept here with how many rows name them, by statement triggers beside 0009's, so that reading them
-- is an index range. A name leaves when no row names it any more (a document forgotten, an owner
-- corrected). Same SQL for Postgres and PGlite.
CREATE TABLE IF NOT EXISTS group_names (
  group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  name     text NOT NULL,
  refs     integer NOT NULL,
  PRIMARY KEY (group_id, name)
);

INSERT INTO group_names (group_id, name, refs)
  SELECT group_id, name, count(*) FROM (
    SELECT group_id, name FROM attendees
    UNION ALL SELECT group_id, unnest(coalesce(corrected_owners, owners)) FROM action_items
  ) x WHERE name IS NOT NULL GROUP BY 1, 2
  ON CONFLICT DO NOTHING;

-- What a statement changed, as (group, name, +/- rows naming it): attendees name one person a row,
-- action items each of their (corrected) owners. An UPDATE counts its old rows down and its new rows
-- up, so one that leaves the names alone changes nothing. Names of a group being deleted are skipped
-- (its rows here go with it).
CREATE OR REPLACE FUNCTION count_group_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'attendees' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO group_names AS g (group_id, name, refs)
        SELECT group_id, name, count(*) FROM new_rows WHERE name IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (group_id, name) DO UPDATE SET refs = g.refs + EXCLUDED.refs;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO group_names AS g (group_id, name, refs)
        SELECT group_id, name, -count(*) FROM old_rows o WHERE name IS NOT NULL AND EXISTS (SELECT 1 FROM groups WHERE id = o.group_id)
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (group_id, name) DO UPDATE SET refs = g.refs + EXCLUDED.refs;
    ELSE
      INSERT INTO group_names AS g (group_id, name, refs)
        SELECT group_id, name, sum(n) FROM (
          SELECT group_id, name, 1 AS n FROM new_rows UNION ALL SELECT group_id, name, -1 FROM old_rows
        ) x WHERE name IS NOT NULL
        GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
        ON CONFLICT (group_id, name) DO UPDATE SET refs = g.refs + EXCLUDED.refs;
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN
      INSERT INTO group_names AS g (group_id, name, refs)
        SELECT group_id, o, count(*) FROM new_rows, unnest(coalesce(corrected_owners, owners)) o WHERE o IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (group_id, name) DO UPDATE SET refs = g.refs + EXCLUDED.refs;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO group_names AS g (group_id, name, refs)
        SELECT r.group_id, o, -count(*) FROM old_rows r, unnest(coalesce(r.corrected_owners, r.owners)) o
        WHERE o IS NOT NULL AND EXISTS (SELECT 1 FROM groups WHERE id = r.group_id)
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (group_id, name) DO UPDATE SET refs = g.refs + EXCLUDED.refs;
    ELSE
      INSERT INTO group_names AS g (group_id, name, refs)
        SELECT group_id, o, sum(n) FROM (
          SELECT group_id, coalesce(corrected_owners, owners) AS names, 1 AS n FROM new_rows
          UNION ALL SELECT group_id, coalesce(corrected_owners, owners), -1 FROM old_rows
        ) x, unnest(x.names) o WHERE o IS NOT NULL
        GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
        ON CONFLICT (group_id, name) DO UPDATE SET refs = g.refs + EXCLUDED.refs;
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM group_names WHERE refs <= 0 AND group_id IN (SELECT DISTINCT group_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER attendees_group_names_ins AFTER INSERT ON attendees REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_group_names();
CREATE TRIGGER attendees_group_names_del AFTER DELETE ON attendees REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_group_names();
CREATE TRIGGER attendees_group_names_upd AFTER UPDATE ON attendees REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_group_names();
CREATE TRIGGER action_items_group_names_ins AFTER INSERT ON action_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_group_names();
CREATE TRIGGER action_items_group_names_del AFTER DELETE ON action_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_group_names();
CREATE TRIGGER action_items_group_names_upd AFTER UPDATE ON action_items REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_group_names();
