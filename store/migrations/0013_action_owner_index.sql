-- Question latency in large groups (issue 12). "Vad ska Maria Glemfelt göra?" looks for action items
-- whose owners name the person, as a folded LIKE over the owners joined: with no index for it, every
-- action item of the group was read (80 000 rows, 80 ms at 10 000 documents). A trigram index on the
-- same folded text finds them directly. array_to_string is only STABLE (element output in general),
-- so the expression is a function of its own, immutable for text[]; queries call it by name.
CREATE OR REPLACE FUNCTION action_owners_folded(owners text[], corrected text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT translate(lower(array_to_string(coalesce(corrected, owners), ' | ')), 'åäöéèüáàæø', 'aaoeeuaaao') $$;

CREATE INDEX IF NOT EXISTS action_items_owners_trgm_idx ON action_items
  USING gin (action_owners_folded(owners, corrected_owners) gin_trgm_ops) WITH (gin_pending_list_limit = 256);
