-- Accounts issue: sign-in throttling, the agenda outline of a workshop, and an index
-- for reading the audit log of one subject.

-- One row per failed sign-in. `key` is the SHA-256 (hex) of the lower-cased e-mail
-- (scope 'account') or of the client address (scope 'ip'), so that the table holds
-- no e-mail address of people who have no account.
CREATE TABLE sign_in_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scope text NOT NULL CHECK (scope IN ('account', 'ip')),
  key text NOT NULL CHECK (key ~ '^[0-9a-f]{64}$'),
  failed_at timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_key_idx ON sign_in_failures (scope, key, failed_at);
CREATE INDEX sign_in_failures_failed_at_idx ON sign_in_failures (failed_at);

ALTER TABLE workshops ADD COLUMN agenda text NOT NULL DEFAULT '' CHECK (length(agenda) <= 5000);

CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id);
CREATE INDEX contributions_author_id_idx ON contributions (author_id);
CREATE INDEX invitations_organisation_id_idx ON invitations (organisation_id);
