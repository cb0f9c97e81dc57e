-- Issue 17: the sign-in throttle's table becomes the store of every rate limit of the web app
-- (failed sign-ins, sign-ups, invitation acceptances, contributions), each a `bucket`, counted
-- per account and per client address. Keys stay SHA-256 hashes: no e-mail or address in clear.
ALTER TABLE sign_in_failures RENAME TO rate_limit_events;
ALTER TABLE rate_limit_events RENAME COLUMN failed_at TO occurred_at;
ALTER TABLE rate_limit_events RENAME CONSTRAINT sign_in_failures_pkey TO rate_limit_events_pkey;
ALTER TABLE rate_limit_events RENAME CONSTRAINT sign_in_failures_scope_check TO rate_limit_events_scope_check;
ALTER TABLE rate_limit_events RENAME CONSTRAINT sign_in_failures_key_check TO rate_limit_events_key_check;
-- The rows already there are failed sign-ins.
ALTER TABLE rate_limit_events
  ADD COLUMN bucket text NOT NULL DEFAULT 'sign_in_failure' CHECK (bucket ~ '^[a-z][a-z_]{0,39}$');
ALTER TABLE rate_limit_events ALTER COLUMN bucket DROP DEFAULT;
DROP INDEX sign_in_failures_key_idx;
CREATE INDEX rate_limit_events_key_idx ON rate_limit_events (bucket, scope, key, occurred_at);
ALTER INDEX sign_in_failures_failed_at_idx RENAME TO rate_limit_events_occurred_at_idx;
