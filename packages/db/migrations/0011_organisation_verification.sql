-- Issue 20, item 4: organisations without duplicates, and verified.
--
-- A new organisation is unverified until a platform administrator verifies it; a call for
-- contributions may be limited to verified organisations (before this, anyone could register a
-- "company" and then read and answer every call addressed to companies). Joining an existing
-- organisation is a request that one of its administrators approves. Names are compared folded
-- (no accents, no case, punctuation as spaces) so that "Aciéries de Florange" and
-- "ACIERIES DE FLORANGE" are recognised as the same name when a person creates one.

ALTER TABLE organisations
  ADD COLUMN verified_at timestamptz,
  ADD COLUMN verified_by uuid REFERENCES users (id) ON DELETE SET NULL;

-- Folded form of a name, the same on PostgreSQL and on the embedded database (no unaccent
-- extension there): accented Latin letters to their base letter, then lower case (ASCII only,
-- which does not depend on the database's locale), then every run of other characters to one space.
CREATE FUNCTION organisation_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(translate(name,
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝŸýÿŒœÆæ''’',
    'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYYyyOoAa  ')),
    '[^a-z0-9]+', ' ', 'g'))
$$;

-- A person's request to join an organisation, decided once by one of its administrators.
CREATE TABLE membership_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  message text NOT NULL DEFAULT '' CHECK (length(message) <= 1000),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')),
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
-- One pending request per person and organisation.
CREATE UNIQUE INDEX membership_requests_pending_key ON membership_requests (organisation_id, user_id)
  WHERE status = 'pending';
CREATE INDEX membership_requests_user_id_idx ON membership_requests (user_id);

-- Existing calls keep their audience as it was; the call form proposes the limit for new ones.
ALTER TABLE calls ADD COLUMN verified_only boolean NOT NULL DEFAULT false;

-- Organisation administrators are told of a request to join; the person, of the decision.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
  'contribution_accepted', 'contribution_rejected', 'contribution_submitted', 'call_opened', 'call_closing',
  'membership_requested', 'membership_decided'));
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_kind_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN ('invitation', 'password_reset',
  'call_opened', 'call_closing', 'contribution_accepted', 'contribution_rejected', 'contribution_submitted',
  'membership_requested', 'membership_decided', 'digest'));
ALTER TABLE email_preferences DROP CONSTRAINT email_preferences_kind_check;
ALTER TABLE email_preferences ADD CONSTRAINT email_preferences_kind_check CHECK (kind IN ('call_opened',
  'call_closing', 'contribution_accepted', 'contribution_rejected', 'contribution_submitted',
  'membership_requested', 'membership_decided'));
