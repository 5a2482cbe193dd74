-- Whether each application's process received its SelectionDecision message (call process, callflow).
alter table jury_decision add column delivered_at timestamp with time zone;
alter table jury_decision add column delivery_problem text;
