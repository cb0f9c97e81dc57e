-- Exports issue: the history of a workshop's exports (who, when, which format, options and
-- version), with the file itself so that it can be downloaded again as it was; and which
-- exports participants may download once the workshop is closed (the "public report").

CREATE TABLE exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  format text NOT NULL CHECK (format IN ('pdf', 'docx', 'xlsx', 'csv', 'json')),
  locale text NOT NULL CHECK (locale IN ('fr', 'en', 'de')),
  anonymised boolean NOT NULL,
  -- Null: the documents' state at export time; else the saved version exported. The name is
  -- kept so that the history still says which version once it is deleted.
  version_id uuid REFERENCES document_versions (id) ON DELETE SET NULL,
  version_name text CHECK (length(version_name) BETWEEN 1 AND 200),
  -- Format options: licence (json), separator and table (csv).
  options jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(options) = 'object'),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (length(content_type) BETWEEN 1 AND 200),
  size integer NOT NULL CHECK (size >= 0),
  file bytea NOT NULL,
  -- Participants and observers may download it once the workshop is closed.
  public boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exports_workshop_id_idx ON exports (workshop_id, created_at DESC);
