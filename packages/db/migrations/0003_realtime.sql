-- Realtime issue: sequence numbers for the Yjs log shared by every instance, and the
-- facilitation state of live workshops (polls, ballots, speaking queue, timer, agenda
-- step) so that it survives a restart and is the same on every instance.

-- Several realtime instances append to one document's log: a sequence gives each row a
-- unique number without a read-then-insert race.
CREATE SEQUENCE yjs_updates_seq AS bigint;
ALTER TABLE yjs_updates ALTER COLUMN seq SET DEFAULT nextval('yjs_updates_seq');
CREATE INDEX yjs_snapshots_doc_name_idx ON yjs_snapshots (doc_name, seq DESC);

CREATE TABLE workshop_live_state (
  workshop_id uuid PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
  agenda_step_id text CHECK (length(agenda_step_id) <= 100),
  -- {"status":"idle"} | {"status":"running","durationMs":..,"endsAt":..} | {"status":"paused",..}
  timer jsonb NOT NULL DEFAULT '{"status":"idle"}'::jsonb,
  speaker_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE speaking_queue (
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  raised_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workshop_id, user_id)
);

CREATE TABLE polls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 500),
  options jsonb NOT NULL CHECK (jsonb_typeof(options) = 'array'),
  kind text NOT NULL CHECK (kind IN ('poll', 'dots')),
  dots_per_person integer NOT NULL CHECK (dots_per_person BETWEEN 1 AND 20),
  anonymous boolean NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
CREATE INDEX polls_workshop_id_idx ON polls (workshop_id, created_at);

-- One ballot per person and poll; a new vote replaces it while the poll is open.
CREATE TABLE poll_ballots (
  poll_id uuid NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- option index (as text) -> dots
  allocation jsonb NOT NULL CHECK (jsonb_typeof(allocation) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (poll_id, user_id)
);
