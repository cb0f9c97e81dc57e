-- Issue 19: guests. People who join a live workshop by its code (or QR code) without an account
-- are users of kind 'guest': no e-mail, no password, a session like everyone's that ends with
-- the workshop day, and a seat in exactly one workshop (role participant, guest rights). The
-- seat is a row of workshop_guests rather than of workshop_members: a member represents an
-- organisation they belong to (its foreign key to memberships), a guest belongs to none.

ALTER TABLE users ADD COLUMN kind text NOT NULL DEFAULT 'account' CHECK (kind IN ('account', 'guest'));
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_credentials_by_kind CHECK (
  CASE kind
    WHEN 'account' THEN email IS NOT NULL AND password_hash IS NOT NULL
    ELSE email IS NULL AND password_hash IS NULL AND is_admin = false
  END
);

-- One guest access per workshop: its code while open. Reopening gives a new code.
CREATE TABLE guest_access (
  workshop_id uuid PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
  -- Six symbols without 0/O, 1/I/L (packages/domain JOIN_CODE_ALPHABET).
  code text NOT NULL CHECK (code ~ '^[A-HJKMNP-Z2-9]{6}$'),
  -- Whether guests may add needs for the organisation they chose when joining.
  allow_needs boolean NOT NULL DEFAULT false,
  opened_by uuid REFERENCES users (id) ON DELETE SET NULL,
  opened_at timestamptz NOT NULL,
  -- The end of the workshop day: the code stops working and guests' sessions end.
  expires_at timestamptz NOT NULL,
  closed_at timestamptz,
  CHECK (expires_at > opened_at)
);
-- A code names one open access; a closed one frees its code.
CREATE UNIQUE INDEX guest_access_code_key ON guest_access (code) WHERE closed_at IS NULL;

-- A guest's seat. The row stays when the guest leaves (removed, access closed) so that the room
-- and the report still name their ideas and count their votes; `left_at` ends the seat.
CREATE TABLE workshop_guests (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  -- The organisation the guest said they come from (the workshop's list), or none.
  organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  joined_at timestamptz NOT NULL,
  left_at timestamptz,
  -- The account the guest became through an invitation (see invitations.guest_user_id).
  account_id uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX workshop_guests_workshop_id_idx ON workshop_guests (workshop_id, joined_at);

-- An invitation made to turn a guest into an account of the workshop.
ALTER TABLE invitations ADD COLUMN guest_user_id uuid REFERENCES users (id) ON DELETE SET NULL;
