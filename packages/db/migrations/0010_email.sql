-- Issue 20: e-mail. A durable outbox written in the transaction of the event that causes each
-- message, sent by the web server's worker; each person's choice of which notifications come by
-- e-mail (immediately or in a daily digest); password resets; invitations to an address; and the
-- record of who was told that a call opened or closes soon, so that scheduled notices survive
-- restarts and are never given twice.

CREATE TABLE email_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- One message per key: enqueuing the same thing twice is a no-op, and the key gives the
  -- message its Message-ID, so that a resend after a crash is recognisable as the same message.
  idempotency_key text NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('invitation', 'password_reset', 'call_opened', 'call_closing',
    'contribution_accepted', 'contribution_rejected', 'contribution_submitted', 'digest')),
  -- The recipient's account; none for an invitation to an address that has no account.
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
  locale text NOT NULL CHECK (locale IN ('fr', 'en', 'de')),
  -- What the message is rendered from when it is sent. A link's secret (reset or invitation
  -- token) is removed once the message is sent.
  payload jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(payload) = 'object'),
  -- pending → sending (claimed by a worker until lease_until) → sent; back to pending with a
  -- later due_at after a failure; failed after the last attempt; kept when no SMTP server is
  -- configured (shown to platform administrators instead).
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'kept', 'failed')),
  due_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  lease_until timestamptz,
  claimed_by text CHECK (length(claimed_by) <= 100),
  last_error text CHECK (length(last_error) <= 1000),
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_outbox_due_idx ON email_outbox (due_at) WHERE status IN ('pending', 'sending');
CREATE INDEX email_outbox_created_at_idx ON email_outbox (created_at DESC);
CREATE INDEX email_outbox_user_id_idx ON email_outbox (user_id);

-- A person's choice per notification kind; no row means the kind's default.
CREATE TABLE email_preferences (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('call_opened', 'call_closing', 'contribution_accepted',
    'contribution_rejected', 'contribution_submitted')),
  delivery text NOT NULL CHECK (delivery IN ('off', 'immediate', 'digest')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);

-- The key that signs unsubscribe links (one row, made on first use).
CREATE TABLE email_secrets (
  id smallint PRIMARY KEY CHECK (id = 1),
  secret text NOT NULL CHECK (secret ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Password reset links: only the SHA-256 of the token is stored; used once, then kept until it
-- would have expired anyway.
CREATE TABLE password_resets (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_resets_user_id_idx ON password_resets (user_id);

-- Who was told that a call opened, or that it closes in 48 hours.
CREATE TABLE call_notices (
  call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  notice text NOT NULL CHECK (notice IN ('opened', 'closing')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (call_id, notice, user_id)
);

-- An invitation may be sent to one address: the link then creates that person's account.
ALTER TABLE invitations
  ADD COLUMN email text CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
  'contribution_accepted', 'contribution_rejected', 'contribution_submitted', 'call_opened', 'call_closing'));
