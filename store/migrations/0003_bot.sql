-- Teams bot state: where the bot can talk (conversation references, for replies and proactive
-- messages), who is in which group (roster cache), per-user preferences and uploads waiting
-- for the group question.

-- One row per conversation the bot is in: a team channel, a group chat, or a personal chat.
-- `id` is Teams' conversation id (channel thread suffix `;messageid=…` removed).
CREATE TABLE conversation_refs (
  id            text PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('personal', 'groupChat', 'channel')),
  -- Personal chats: the user the chat is with (Teams user id `29:…`) and their AAD object id.
  user_id       text,
  aad_object_id text,
  team_id       text,
  channel_id    text,
  tenant_id     text,
  group_id      uuid REFERENCES groups(id) ON DELETE SET NULL,
  service_url   text NOT NULL,
  -- botbuilder ConversationReference (JSON), as `TurnContext.getConversationReference` returns it.
  reference     jsonb NOT NULL,
  -- Set when Teams says the bot can no longer post here (uninstalled, 403/404): senders skip it.
  dead_at       timestamptz,
  dead_reason   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_refs_user_idx ON conversation_refs (user_id) WHERE kind = 'personal';
CREATE INDEX conversation_refs_group_idx ON conversation_refs (group_id);

-- A group chat has no team id: it is found by its conversation id.
CREATE UNIQUE INDEX groups_chat_conversation_idx ON groups (conversation_id) WHERE teams_team_id IS NULL AND conversation_id IS NOT NULL;
ALTER TABLE groups ADD COLUMN IF NOT EXISTS kind text;
ALTER TABLE groups ADD COLUMN IF NOT EXISTS roster_refreshed_at timestamptz;
-- A personal group holds what one user uploaded outside any team; only that user sees it.
ALTER TABLE groups ADD COLUMN IF NOT EXISTS owner_user_id text;

-- Roster cache: members of a team or group chat, as Teams reported them.
CREATE TABLE group_members (
  group_id      uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  user_id       text NOT NULL,
  aad_object_id text,
  name          text,
  email         text,
  -- 'owner' (installed the bot, or marked by Teams), 'member', 'guest'.
  role          text NOT NULL DEFAULT 'member',
  refreshed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user_idx ON group_members (user_id);
CREATE INDEX group_members_aad_idx ON group_members (aad_object_id);

CREATE TABLE user_prefs (
  user_id          text PRIMARY KEY,
  default_group_id uuid REFERENCES groups(id) ON DELETE SET NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- A file downloaded at once (its URL expires) whose group the uploader has not chosen yet.
CREATE TABLE pending_uploads (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id             text NOT NULL,
  user_name           text,
  conversation_ref_id text NOT NULL,
  file_name           text NOT NULL,
  mime_type           text,
  sha256              text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now()
);
