-- Budget and activity lookups of the answer engine. Questions name an activity, a programme
-- area or a funding source; those words are matched accent-folded and as substrings ("aldre"
-- finds "Äldre", "barometern" finds "Hallandsbarometern") against budget_lines(label, section,
-- source) and plan_activities(ref, name, area, goal). The folded text is stored (generated
-- column), not computed per row at query time: folding thousands of rows per question is what
-- made budget questions take seconds in a large group. The folding must equal answers' `fold`.

ALTER TABLE budget_lines ADD COLUMN IF NOT EXISTS search_text text GENERATED ALWAYS AS (
  translate(lower(label || ' ' || coalesce(section, '') || ' ' || coalesce(source, '')), 'åäöéèüáàæø', 'aaoeeuaaao')
) STORED;
CREATE INDEX IF NOT EXISTS budget_lines_search_trgm_idx ON budget_lines USING gin (search_text gin_trgm_ops);

ALTER TABLE plan_activities ADD COLUMN IF NOT EXISTS search_text text GENERATED ALWAYS AS (
  translate(lower(coalesce(ref, '') || ' ' || name || ' ' || coalesce(area, '') || ' ' || coalesce(goal, '')), 'åäöéèüáàæø', 'aaoeeuaaao')
) STORED;
CREATE INDEX IF NOT EXISTS plan_activities_search_trgm_idx ON plan_activities USING gin (search_text gin_trgm_ops);

-- Activities named by letter/number ("aktivitet C"), and all activities of a few plans.
CREATE INDEX IF NOT EXISTS plan_activities_group_ref_idx ON plan_activities (group_id, ref);
CREATE INDEX IF NOT EXISTS plan_activities_doc_idx ON plan_activities (document_id, ord);
