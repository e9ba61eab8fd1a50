-- Groups, documents, pages, searchable chunks and the extracted facts.
-- Append new numbered files; never edit a migration that has shipped.

CREATE TABLE groups (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL UNIQUE,
  -- Teams identity when the group is a team or a group chat (null for CLI-only groups).
  teams_team_id text UNIQUE,
  conversation_id text,
  tenant_id     text,
  chair_user_id text,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE documents (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id        uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  sha256          text NOT NULL,
  file_name       text NOT NULL,
  mime_type       text,
  size_bytes      bigint NOT NULL,
  blob_key        text NOT NULL,
  uploader_id     text NOT NULL,
  uploader_name   text,
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'parsing', 'done', 'failed')),
  error_code      text,
  error_message   text,
  attempts        integer NOT NULL DEFAULT 0,
  page_count      integer,
  title           text,
  kind            text,
  doc_date        date,
  organisation    text,
  language        text,
  facts           jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  parsed_at       timestamptz,
  UNIQUE (group_id, sha256)
);
CREATE INDEX documents_group_idx ON documents (group_id, status);

CREATE TABLE pages (
  document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_no     integer NOT NULL,
  text        text NOT NULL,
  PRIMARY KEY (document_id, page_no)
);

-- Passages for full-text search. ts_config follows the document language.
CREATE TABLE chunks (
  id          bigserial PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  group_id    uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  page_no     integer NOT NULL,
  ord         integer NOT NULL,
  section     text,
  text        text NOT NULL,
  ts_config   regconfig NOT NULL DEFAULT 'swedish',
  tsv         tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector(ts_config, coalesce(section, '')), 'B') ||
                setweight(to_tsvector(ts_config, text), 'A') ||
                to_tsvector('simple', text)) STORED,
  UNIQUE (document_id, ord)
);
CREATE INDEX chunks_tsv_idx ON chunks USING gin (tsv);
CREATE INDEX chunks_group_idx ON chunks (group_id);

CREATE TABLE attendees (
  id           bigserial PRIMARY KEY,
  document_id  uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  group_id     uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  ord          integer NOT NULL,
  name         text NOT NULL,
  role         text,
  organisation text,
  present      boolean NOT NULL,
  flags        text[] NOT NULL DEFAULT '{}',
  presence     text,
  page         integer,
  quote        text,
  UNIQUE (document_id, ord)
);
CREATE INDEX attendees_group_idx ON attendees (group_id);

CREATE TABLE action_items (
  id            bigserial PRIMARY KEY,
  document_id   uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  group_id      uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  ord           integer NOT NULL,
  owners        text[] NOT NULL DEFAULT '{}',
  task          text NOT NULL,
  due           date,
  due_text      text,
  page          integer,
  section       text,
  quote         text NOT NULL,
  -- Follow-up state, owned by people (reminders, corrections), never by re-extraction.
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  snoozed_until date,
  done_at       timestamptz,
  done_by       text,
  corrected_owners text[],
  corrected_due date,
  corrected_by  text,
  UNIQUE (document_id, ord)
);
CREATE INDEX action_items_group_idx ON action_items (group_id, status);

CREATE TABLE decisions (
  id          bigserial PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  group_id    uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  text        text NOT NULL,
  section     text,
  page        integer,
  quote       text,
  UNIQUE (document_id, ord)
);

CREATE TABLE next_meetings (
  document_id uuid PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  group_id    uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  date        date,
  time        text,
  place       text,
  text        text NOT NULL,
  page        integer
);

CREATE TABLE budget_lines (
  id          bigserial PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  group_id    uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  label       text NOT NULL,
  amount_sek  bigint NOT NULL,
  amount_text text NOT NULL,
  period      text,
  kind        text NOT NULL,
  source      text,
  section     text,
  page        integer,
  quote       text,
  UNIQUE (document_id, ord)
);
CREATE INDEX budget_lines_group_idx ON budget_lines (group_id);

CREATE TABLE plan_activities (
  id          bigserial PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  group_id    uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  ref         text,
  name        text NOT NULL,
  goal        text,
  responsible text,
  timeline    text,
  area        text,
  page        integer,
  UNIQUE (document_id, ord)
);
