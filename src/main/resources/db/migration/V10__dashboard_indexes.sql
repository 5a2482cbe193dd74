-- Dashboard (pilotage): the call overview groups a call's applications by incubator, territory and status.
-- Works on H2 and PostgreSQL.
create index application_call_scope on application (call_id, incubator_slug, territory, status);
create index review_application_status on review (application_id, status);
create index check_in_application_due on check_in (application_id, done_at, due_at);
