-- Organisations a workshop's documents name without anyone holding a seat for them: those of a
-- workshop started from an open-data bundle. The room names them like its members' organisations.

CREATE TABLE workshop_organisations (
  workshop_id uuid NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  PRIMARY KEY (workshop_id, organisation_id)
);
CREATE INDEX workshop_organisations_organisation_id_idx ON workshop_organisations (organisation_id);
