-- Reminders: a sent-log that makes every reminder go out once per recipient and day (checked
-- inside the send job, so two workers, retries and restarts do not double-send), and an audit
-- trail of what people did from the cards.

CREATE TABLE reminder_sends (
  -- reminder-<kind>-<group>-<recipient>-<yyyy-mm-dd>: also the BullMQ job id.
  key            text PRIMARY KEY,
  group_id       uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('chair-digest', 'owner-due', 'weekly-overdue')),
  day            date NOT NULL,
  recipient_id   text,
  recipient_name text,
  item_ids       bigint[] NOT NULL DEFAULT '{}',
  -- pending: claimed or retrying; sent; dead: the conversation is gone (403/404) or there is none.
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  claimed_by     text,
  claimed_at     timestamptz,
  attempts       integer NOT NULL DEFAULT 0,
  conversation_ref_id text,
  activity_id    text,
  error          text,
  -- When the chair was told that this reminder could not be delivered.
  reported_at    timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  sent_at        timestamptz
);
CREATE INDEX reminder_sends_group_idx ON reminder_sends (group_id, status);

ALTER TABLE action_items ADD COLUMN IF NOT EXISTS snoozed_by text;

CREATE TABLE action_item_events (
  id          bigserial PRIMARY KEY,
  item_id     bigint NOT NULL REFERENCES action_items(id) ON DELETE CASCADE,
  verb        text NOT NULL,
  actor_id    text NOT NULL,
  actor_name  text,
  detail      jsonb,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_item_events_item_idx ON action_item_events (item_id);
