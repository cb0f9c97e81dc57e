-- Room issue: named versions of a workshop's documents ("after session 1"), saved by a
-- facilitator and opened read-only later. Each row holds the full Yjs state of both
-- documents at that moment, so a version stays readable after the log is compacted.

CREATE TABLE document_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  content_state bytea NOT NULL,
  facilitation_state bytea NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_versions_workshop_id_idx ON document_versions (workshop_id, created_at DESC);
