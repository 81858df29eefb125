-- Frameloop projects on PostgreSQL, schema version 3 (docs/team.md).
-- Wakes whoever waits on a project (the trainer, `frameloop serve`; later the IDEs) when its samples change:
-- a NOTIFY on channel frameloop_project_<id> with the payload 'labelled' (a sample was labelled) or 'chosen'
-- (a round's samples were chosen). Notifications are sent at commit, once per transaction and payload.
CREATE FUNCTION frameloop.notify_samples() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM pg_notify('frameloop_project_' || NEW.project_id,
        CASE WHEN TG_OP = 'INSERT' THEN 'chosen' ELSE 'labelled' END);
    RETURN NULL;
END
$$;

CREATE TRIGGER samples_chosen AFTER INSERT ON frameloop.samples
    FOR EACH ROW EXECUTE FUNCTION frameloop.notify_samples();
CREATE TRIGGER samples_labelled AFTER UPDATE OF labelled_by ON frameloop.samples
    FOR EACH ROW WHEN (NEW.labelled_by IS NOT NULL AND OLD.labelled_by IS NULL)
    EXECUTE FUNCTION frameloop.notify_samples();
