-- Frameloop projects on PostgreSQL, schema version 1 (docs/team.md).
-- Applied once by SchemaMigrations, in one transaction, by a user who may create schemas and roles (the
-- database owner). Never edit an applied file: its checksum is recorded; change the schema in V2__*.sql.
--
-- Who is who: a person is a database user (session_user); Frameloop users get the group role
-- frameloop_user (table privileges); what they may see and change of a project is decided by their row
-- in frameloop.members, enforced by row-level security below, not by the client.

CREATE SCHEMA IF NOT EXISTS frameloop;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'frameloop_user') THEN
        CREATE ROLE frameloop_user NOLOGIN;
    END IF;
END
$$;

CREATE TABLE frameloop.projects (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name <> ''),
    video_name  text NOT NULL,
    video_path  text,
    frame_count int NOT NULL CHECK (frame_count > 0),
    width       int NOT NULL CHECK (width > 0),
    height      int NOT NULL CHECK (height > 0),
    label_map   jsonb NOT NULL,
    settings    jsonb NOT NULL DEFAULT '{}',
    created_by  name NOT NULL DEFAULT session_user,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE frameloop.members (
    project_id bigint NOT NULL REFERENCES frameloop.projects ON DELETE CASCADE,
    member     name NOT NULL,
    role       text NOT NULL CHECK (role IN ('annotator', 'reviewer', 'owner')),
    PRIMARY KEY (project_id, member)
);

-- The samples chosen for each round (the folder journal's "chosen" records) and who holds or labelled
-- each: a sample is open while labelled_by is null; a lease is live while lease_until is in the future.
CREATE TABLE frameloop.samples (
    project_id  bigint NOT NULL REFERENCES frameloop.projects ON DELETE CASCADE,
    round       int NOT NULL CHECK (round >= 1),
    ordinal     int NOT NULL CHECK (ordinal >= 0),
    frame       int NOT NULL CHECK (frame >= 0),
    region      jsonb NOT NULL,
    chosen_at   timestamptz NOT NULL DEFAULT now(),
    leased_to   name,
    lease_until timestamptz,
    labelled_by name,
    labelled_at timestamptz,
    PRIMARY KEY (project_id, round, ordinal),
    CHECK ((leased_to IS NULL) = (lease_until IS NULL)),
    CHECK ((labelled_by IS NULL) = (labelled_at IS NULL))
);
CREATE INDEX samples_open ON frameloop.samples (project_id, round, ordinal) WHERE labelled_by IS NULL;

-- A frame's human labels: 8-bit palette PNG, 255 = unlabeled (as labels/human/NNNNNN.png).
CREATE TABLE frameloop.human_labels (
    project_id bigint NOT NULL REFERENCES frameloop.projects ON DELETE CASCADE,
    frame      int NOT NULL CHECK (frame >= 0),
    png        bytea NOT NULL,
    written_by name NOT NULL DEFAULT session_user,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, frame)
);

-- The automatic labels of the latest finished round (derived, as labels/auto/).
CREATE TABLE frameloop.auto_labels (
    project_id bigint NOT NULL REFERENCES frameloop.projects ON DELETE CASCADE,
    frame      int NOT NULL CHECK (frame >= 0),
    round      int NOT NULL CHECK (round >= 0),
    png        bytea NOT NULL,
    PRIMARY KEY (project_id, frame)
);

-- What people did, append-only (no UPDATE or DELETE is granted): "sample" (a chosen sample labelled,
-- at most once: the unique key), "import" (a mask), "edit" (labels saved outside a sample).
CREATE TABLE frameloop.journal (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES frameloop.projects ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('sample', 'import', 'edit')),
    round      int,
    ordinal    int,
    frame      int NOT NULL CHECK (frame >= 0),
    region     jsonb,
    clicks     int NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    seconds    double precision NOT NULL DEFAULT 0,
    annotator  name NOT NULL DEFAULT session_user,
    at         timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (project_id, round, ordinal) REFERENCES frameloop.samples,
    UNIQUE (project_id, round, ordinal),
    CHECK ((kind = 'sample') = (round IS NOT NULL AND ordinal IS NOT NULL AND region IS NOT NULL))
);

-- Each finished round's report (the folder journal's "round" records), as JournalJson writes it.
CREATE TABLE frameloop.rounds (
    project_id  bigint NOT NULL REFERENCES frameloop.projects ON DELETE CASCADE,
    round       int NOT NULL CHECK (round >= 0),
    report      jsonb NOT NULL,
    finished_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, round)
);

-- The model checkpoint's files (derived, as model/).
CREATE TABLE frameloop.checkpoint_files (
    project_id bigint NOT NULL REFERENCES frameloop.projects ON DELETE CASCADE,
    file       text NOT NULL CHECK (file <> '' AND file NOT LIKE '%/%'),
    bytes      bytea NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, file)
);

-- The caller's role in a project, null for a non-member. SECURITY DEFINER: it reads members past
-- row-level security (a policy on members that read members would recurse).
CREATE FUNCTION frameloop.role_in(project bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT role FROM frameloop.members WHERE project_id = project AND member = session_user $$;

CREATE FUNCTION frameloop.may_read(project bigint) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
    AS $$ SELECT frameloop.role_in(project) IS NOT NULL $$;

CREATE FUNCTION frameloop.may_label(project bigint) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
    AS $$ SELECT coalesce(frameloop.role_in(project) IN ('annotator', 'owner'), false) $$;

CREATE FUNCTION frameloop.may_own(project bigint) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
    AS $$ SELECT coalesce(frameloop.role_in(project) = 'owner', false) $$;

-- Creating a project makes its creator the owner, in one step no policy could allow row by row.
CREATE FUNCTION frameloop.create_project(project_name text, video_name text, video_path text, frame_count int,
        width int, height int, label_map jsonb, settings jsonb) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    created bigint;
BEGIN
    IF NOT pg_has_role(session_user, 'frameloop_user', 'MEMBER') THEN
        RAISE EXCEPTION 'database user % may not create Frameloop projects: grant it frameloop_user', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO frameloop.projects (name, video_name, video_path, frame_count, width, height, label_map, settings)
        VALUES (project_name, video_name, video_path, frame_count, width, height, label_map, settings)
        RETURNING id INTO created;
    INSERT INTO frameloop.members (project_id, member, role) VALUES (created, session_user, 'owner');
    RETURN created;
END
$$;

ALTER TABLE frameloop.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE frameloop.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE frameloop.samples ENABLE ROW LEVEL SECURITY;
ALTER TABLE frameloop.human_labels ENABLE ROW LEVEL SECURITY;
ALTER TABLE frameloop.auto_labels ENABLE ROW LEVEL SECURITY;
ALTER TABLE frameloop.journal ENABLE ROW LEVEL SECURITY;
ALTER TABLE frameloop.rounds ENABLE ROW LEVEL SECURITY;
ALTER TABLE frameloop.checkpoint_files ENABLE ROW LEVEL SECURITY;

-- Members of any role read the whole project.
CREATE POLICY members_read ON frameloop.projects FOR SELECT USING (frameloop.may_read(id));
CREATE POLICY members_read ON frameloop.members FOR SELECT USING (frameloop.may_read(project_id));
CREATE POLICY members_read ON frameloop.samples FOR SELECT USING (frameloop.may_read(project_id));
CREATE POLICY members_read ON frameloop.human_labels FOR SELECT USING (frameloop.may_read(project_id));
CREATE POLICY members_read ON frameloop.auto_labels FOR SELECT USING (frameloop.may_read(project_id));
CREATE POLICY members_read ON frameloop.journal FOR SELECT USING (frameloop.may_read(project_id));
CREATE POLICY members_read ON frameloop.rounds FOR SELECT USING (frameloop.may_read(project_id));
CREATE POLICY members_read ON frameloop.checkpoint_files FOR SELECT USING (frameloop.may_read(project_id));

-- Owners change the project, its members, the chosen samples (and their leases), the automatic labels,
-- the rounds and the checkpoint: what the trainer does.
CREATE POLICY owners_write ON frameloop.projects FOR UPDATE
    USING (frameloop.may_own(id)) WITH CHECK (frameloop.may_own(id));
CREATE POLICY owners_delete ON frameloop.projects FOR DELETE USING (frameloop.may_own(id));
CREATE POLICY owners_write ON frameloop.members FOR ALL
    USING (frameloop.may_own(project_id)) WITH CHECK (frameloop.may_own(project_id));
CREATE POLICY owners_write ON frameloop.samples FOR ALL
    USING (frameloop.may_own(project_id)) WITH CHECK (frameloop.may_own(project_id));
CREATE POLICY owners_write ON frameloop.auto_labels FOR ALL
    USING (frameloop.may_own(project_id)) WITH CHECK (frameloop.may_own(project_id));
CREATE POLICY owners_write ON frameloop.rounds FOR ALL
    USING (frameloop.may_own(project_id)) WITH CHECK (frameloop.may_own(project_id));
CREATE POLICY owners_write ON frameloop.checkpoint_files FOR ALL
    USING (frameloop.may_own(project_id)) WITH CHECK (frameloop.may_own(project_id));

-- Annotators (and owners) take an open sample that nobody else holds, or whose lease expired, for
-- themselves, and mark it labelled by themselves: a live lease of someone else is out of reach.
CREATE POLICY labellers_lease ON frameloop.samples FOR UPDATE
    USING (frameloop.may_label(project_id) AND labelled_by IS NULL
           AND (leased_to IS NULL OR leased_to = session_user OR lease_until < now()))
    WITH CHECK (frameloop.may_label(project_id) AND (leased_to IS NULL OR leased_to = session_user)
                AND (labelled_by IS NULL OR labelled_by = session_user));

-- Human labels and journal records are written in the writer's own name only.
CREATE POLICY labellers_insert ON frameloop.human_labels FOR INSERT
    WITH CHECK (frameloop.may_label(project_id) AND written_by = session_user);
CREATE POLICY labellers_update ON frameloop.human_labels FOR UPDATE
    USING (frameloop.may_label(project_id)) WITH CHECK (frameloop.may_label(project_id) AND written_by = session_user);
CREATE POLICY labellers_insert ON frameloop.journal FOR INSERT
    WITH CHECK (frameloop.may_label(project_id) AND annotator = session_user);

GRANT USAGE ON SCHEMA frameloop TO frameloop_user;
GRANT SELECT, UPDATE, DELETE ON frameloop.projects TO frameloop_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON frameloop.members, frameloop.samples, frameloop.auto_labels,
    frameloop.rounds, frameloop.checkpoint_files TO frameloop_user;
GRANT SELECT, INSERT, UPDATE ON frameloop.human_labels TO frameloop_user;
GRANT SELECT, INSERT ON frameloop.journal TO frameloop_user;
REVOKE ALL ON FUNCTION frameloop.role_in(bigint), frameloop.may_read(bigint), frameloop.may_label(bigint),
    frameloop.may_own(bigint), frameloop.create_project(text, text, text, int, int, int, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION frameloop.role_in(bigint), frameloop.may_read(bigint), frameloop.may_label(bigint),
    frameloop.may_own(bigint), frameloop.create_project(text, text, text, int, int, int, jsonb, jsonb)
    TO frameloop_user;
GRANT SELECT ON frameloop.schema_version TO frameloop_user;
