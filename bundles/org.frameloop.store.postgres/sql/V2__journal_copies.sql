-- Frameloop projects on PostgreSQL, schema version 2 (docs/team.md).
-- A journal record's annotator stays the database user who stored it (session_user, enforced by the
-- policies of V1). recorded_annotator is who the client says labelled the sample when that is not a
-- database user: the simulated annotator of a `frameloop run` on a team project, or the annotator a folder's
-- journal names when a project is copied in (`frameloop project copy`). Null when it is the database user.
-- detail holds a record's members that have no column: an "import" record's source and pixel count.
ALTER TABLE frameloop.journal ADD COLUMN recorded_annotator text CHECK (recorded_annotator <> '');
ALTER TABLE frameloop.journal ADD COLUMN detail jsonb;
