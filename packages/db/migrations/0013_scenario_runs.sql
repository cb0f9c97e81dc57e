-- Issue 21, item 2: one source of truth per figure. A scenario's results are computed once, on
-- the server, per fingerprint of the lab's compiled inputs (`scenarioHash`) and version of the
-- models, and stored here; the report, the XLSX and the open-data JSON read the same row. A
-- browser's own computation (the lab's web worker) is never stored: a client could post anything.
-- `result` is checked by the domain's schema (`scenarioRunResultSchema`) on every read.

CREATE TABLE scenario_runs (
  fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{16}$'),
  model_version text NOT NULL CHECK (length(model_version) BETWEEN 1 AND 200),
  result jsonb NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (fingerprint, model_version)
);
