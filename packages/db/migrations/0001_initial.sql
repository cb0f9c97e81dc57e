-- Initial schema: people, organisations, workshops and the realtime log.
-- Later changes come as new numbered files; this one is never edited once applied.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  password_hash text NOT NULL,
  is_admin boolean NOT NULL DEFAULT false,
  locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en', 'de')),
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  -- SHA-256 (hex) of the session token; the token itself is never stored.
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  user_agent text CHECK (length(user_agent) <= 512),
  ip text CHECK (length(ip) <= 64)
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('company', 'school', 'training_body', 'public_body', 'association', 'metropole')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  siren text CHECK (siren ~ '^[0-9]{9}$'),
  commune_code text NOT NULL CHECK (commune_code ~ '^(2A|2B|[0-9]{2})[0-9]{3}$'),
  fictional boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_siren_key ON organisations (siren) WHERE siren IS NOT NULL;

CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX memberships_organisation_id_idx ON memberships (organisation_id);

CREATE TABLE workshops (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'live', 'closed')),
  starts_at timestamptz,
  territory text NOT NULL CHECK (length(territory) BETWEEN 1 AND 200),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workshop_members (
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workshop_id, user_id),
  -- A person represents an organisation they belong to.
  FOREIGN KEY (user_id, organisation_id) REFERENCES memberships (user_id, organisation_id) ON DELETE CASCADE
);
CREATE INDEX workshop_members_user_id_idx ON workshop_members (user_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  role text NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer')),
  organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  organisation_kind text CHECK (organisation_kind IN ('company', 'school', 'training_body', 'public_body', 'association', 'metropole')),
  expires_at timestamptz NOT NULL,
  max_uses integer NOT NULL CHECK (max_uses > 0),
  uses integer NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= max_uses),
  revoked_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (organisation_id IS NULL OR organisation_kind IS NULL)
);
CREATE INDEX invitations_workshop_id_idx ON invitations (workshop_id);

CREATE TABLE yjs_updates (
  doc_name text NOT NULL CHECK (length(doc_name) BETWEEN 1 AND 200),
  seq bigint NOT NULL CHECK (seq >= 0),
  update bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (doc_name, seq)
);

CREATE TABLE yjs_snapshots (
  doc_name text NOT NULL CHECK (length(doc_name) BETWEEN 1 AND 200),
  -- The snapshot contains every update with a sequence number up to and including this one.
  seq bigint NOT NULL CHECK (seq >= 0),
  state bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (doc_name, seq)
);

CREATE TABLE contributions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('needs', 'training_offer', 'comment', 'answers')),
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'accepted', 'rejected', 'withdrawn')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contributions_workshop_id_idx ON contributions (workshop_id);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  action text NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
  subject_type text NOT NULL CHECK (length(subject_type) BETWEEN 1 AND 50),
  subject_id text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_created_at_idx ON audit_log (created_at);
