-- Contributions issue: calls for contributions between workshops, the moderation of
-- contributions, and in-app notifications.

CREATE TABLE calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  text text NOT NULL DEFAULT '' CHECK (length(text) <= 5000),
  asks text[] NOT NULL CHECK (cardinality(asks) BETWEEN 1 AND 4
    AND asks <@ ARRAY['needs', 'training_offer', 'comment', 'answers']),
  audience_kinds text[] NOT NULL DEFAULT '{}',
  audience_organisation_ids uuid[] NOT NULL DEFAULT '{}',
  questions jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(questions) = 'array'),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_at > opens_at)
);
CREATE INDEX calls_workshop_id_idx ON calls (workshop_id, opens_at);

-- A contribution answers a call (older rows have none); it is a draft until submitted,
-- then moderated once: accepted (merged into the content document) or rejected.
ALTER TABLE contributions
  ADD COLUMN call_id uuid REFERENCES calls (id) ON DELETE CASCADE,
  ADD COLUMN submitted_at timestamptz,
  ADD COLUMN moderated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  ADD COLUMN moderated_at timestamptz,
  ADD COLUMN rejection_reason text CHECK (length(rejection_reason) <= 2000),
  -- What was merged when a facilitator accepted with edits (else the payload itself).
  ADD COLUMN merged_payload jsonb,
  ADD CONSTRAINT contributions_payload_size CHECK (octet_length(payload::text) <= 1048576);
CREATE INDEX contributions_call_id_idx ON contributions (call_id, status);
CREATE INDEX contributions_author_updated_idx ON contributions (author_id, updated_at DESC);

-- Invitation links may point at a call: the invited person lands on it.
ALTER TABLE invitations ADD COLUMN call_id uuid REFERENCES calls (id) ON DELETE SET NULL;

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  workshop_id uuid REFERENCES workshops (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('contribution_accepted', 'contribution_rejected', 'contribution_submitted')),
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_id_idx ON notifications (user_id, created_at DESC);
