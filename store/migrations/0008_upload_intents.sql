-- An upload being received: written before the file is downloaded, removed once the upload has an
-- outcome the user saw. A row left behind means the process died in between (issue 14 #5a); the
-- next start tells the uploader, in the acknowledgement message, to send the file again.
CREATE TABLE upload_intents (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_ref_id text NOT NULL,
  ack_activity_id     text,
  file_name           text NOT NULL,
  -- hostname:pid:instance of the process receiving it, so a restart knows which rows are orphans.
  owner               text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now()
);
