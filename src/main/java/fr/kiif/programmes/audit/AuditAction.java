package fr.kiif.programmes.audit;

/** What a staff member did, as recorded in the audit trail. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    ACCOUNT_UNLOCKED,
    CALL_CREATED,
    CALL_UPDATED,
    CALL_PUBLISHED,
    PROGRAMME_CREATED,
    CONFLICT_ADDED,
    CONFLICT_REMOVED,
    COACH_CHANGED,
    DOCUMENT_DOWNLOADED,
    EXPORT_DOWNLOADED,
    ERASURE_REQUESTED,
    APPLICATION_ERASED,
    LINK_RENEWED
}
