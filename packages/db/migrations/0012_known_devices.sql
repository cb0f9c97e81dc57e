-- Issue 20: "sign-in from a new device, if you choose". A device is a browser that carries the
-- long-lived `atelier_device` cookie (a random token, HttpOnly, set at each sign-in) together
-- with its browser family read from the User-Agent (Firefox on Windows…). A sign-in is from a
-- new device when the person has no row here for that token and that family: a new browser, a
-- private window, or cookies cleared. Only the SHA-256 of the token is stored.

CREATE TABLE known_devices (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  device_hash text NOT NULL CHECK (device_hash ~ '^[0-9a-f]{64}$'),
  browser text NOT NULL CHECK (length(browser) BETWEEN 1 AND 100),
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, device_hash, browser)
);

-- The alert is an e-mail kind of its own (not a notification in the app), off unless chosen:
-- its preference is a row of kind 'new_device_sign_in' with 'immediate' (on) or 'off'.
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_kind_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN ('invitation', 'password_reset',
  'call_opened', 'call_closing', 'contribution_accepted', 'contribution_rejected', 'contribution_submitted',
  'membership_requested', 'membership_decided', 'digest', 'new_device_sign_in'));
ALTER TABLE email_preferences DROP CONSTRAINT email_preferences_kind_check;
ALTER TABLE email_preferences ADD CONSTRAINT email_preferences_kind_check CHECK (kind IN ('call_opened',
  'call_closing', 'contribution_accepted', 'contribution_rejected', 'contribution_submitted',
  'membership_requested', 'membership_decided', 'new_device_sign_in'));
-- A sign-in is told at once or not at all.
ALTER TABLE email_preferences ADD CONSTRAINT email_preferences_new_device_delivery_check
  CHECK (kind <> 'new_device_sign_in' OR delivery IN ('off', 'immediate'));
