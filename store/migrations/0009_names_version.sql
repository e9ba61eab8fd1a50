-- Question latency in large groups (issue 12). Every question resolves the people it names
-- against all names the group's documents know (attendees and action-item owners); reading them
-- took 45–90 ms a question at 10 000 documents (70 000 attendees, 40 000 action items). The answer
-- engine now keeps them in memory per group, checked on every use against this counter, which
-- every statement that writes those tables bumps (the bot and the workers are separate
-- processes, and corrections are plain UPDATEs). Statement-level: one bump per write, not per
-- row; the group's row is then held until the writing transaction commits, which only orders
-- concurrent ingests into the same group from their attendee insert on.
ALTER TABLE groups ADD COLUMN IF NOT EXISTS names_version bigint NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION bump_names_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE groups SET names_version = names_version + 1 WHERE id IN (SELECT group_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE groups SET names_version = names_version + 1 WHERE id IN (SELECT group_id FROM old_rows);
  ELSE
    UPDATE groups SET names_version = names_version + 1
    WHERE id IN (SELECT group_id FROM new_rows UNION SELECT group_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER attendees_names_ins AFTER INSERT ON attendees REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_names_version();
CREATE TRIGGER attendees_names_del AFTER DELETE ON attendees REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_names_version();
CREATE TRIGGER attendees_names_upd AFTER UPDATE ON attendees REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_names_version();
CREATE TRIGGER action_items_names_ins AFTER INSERT ON action_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_names_version();
CREATE TRIGGER action_items_names_del AFTER DELETE ON action_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_names_version();
CREATE TRIGGER action_items_names_upd AFTER UPDATE ON action_items REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_names_version();
