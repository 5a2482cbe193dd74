package fr.kiif.programmes.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.selection.JuryAccess;

/**
 * The documents an applicant uploaded (pitch deck, completion answers), for the people who process the application:
 * the coordination, the staff of its incubator, and the reviewers it is assigned to, a cross reviewer from another
 * incubator included (they open them from the Tasklist form), except on a blind-review call, and the call's jury for
 * the applications it deliberates on.
 */
@Service
public class ApplicationDocuments {

    static final String NOT_YOURS = "Ces documents sont réservés à l'incubateur de la candidature, à la coordination, "
            + "aux personnes chargées de l'évaluer et au jury de l'appel.";
    static final String BLIND = "Évaluation croisée anonyme : les documents joints, qui peuvent nommer la structure, "
            + "ne sont pas transmis à l'évaluation croisée de cet appel.";

    public record Document(long id, String kind, String kindLabel, String fileName, long sizeBytes, Instant uploadedAt,
            String downloadUrl) {

        /** Rounded up: a small PDF is "1 Ko", not "0 Ko". */
        public long sizeKb() {
            return (sizeBytes + 1023) / 1024;
        }
    }

    /** dossierVisible: whether the caller may also open the application's full page. */
    public record Listing(String reference, String projectTitle, String organisationName, boolean dossierVisible,
            List<Document> documents) {
    }

    /** A document's bytes as uploaded (only PDFs are accepted at upload). */
    public record DocumentFile(String fileName, String contentType, byte[] content) {
    }

    private record Owner(long applicationId, String reference, String callId, String projectTitle, String organisationName,
            String incubatorSlug, ApplicationStatus status) {
    }

    private final JdbcClient jdbc;
    private final DashboardAccess access;
    private final CallRepository calls;
    private final JuryAccess juryAccess;

    public ApplicationDocuments(JdbcClient jdbc, DashboardAccess access, CallRepository calls, JuryAccess juryAccess) {
        this.jdbc = jdbc;
        this.access = access;
        this.calls = calls;
        this.juryAccess = juryAccess;
    }

    @Transactional(readOnly = true)
    public Listing listing(String reference) {
        Owner owner = owner(reference);
        boolean dossierVisible = allowed(owner);
        return new Listing(owner.reference(), owner.projectTitle(), owner.organisationName(), dossierVisible,
                of(owner.applicationId(), owner.reference()));
    }

    @Transactional(readOnly = true)
    public DocumentFile file(String reference, long documentId) {
        Owner owner = owner(reference);
        allowed(owner);
        return jdbc.sql("select file_name, content_type, content from application_document where application_id = ? and id = ?")
                .params(owner.applicationId(), documentId)
                .query((rs, n) -> new DocumentFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional().orElseThrow(() -> DashboardException.notFound("Ce document n'existe pas pour cette candidature."));
    }

    /** The documents of an application whose access was already checked (the dossier page). */
    List<Document> of(long applicationId, String reference) {
        return jdbc.sql("select id, kind, file_name, size_bytes, uploaded_at from application_document where application_id = ? order by id")
                .param(applicationId)
                .query((rs, n) -> new Document(rs.getLong(1), rs.getString(2), kindLabel(rs.getString(2)), rs.getString(3),
                        rs.getLong(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        "/pilotage/candidatures/" + reference + "/documents/" + rs.getLong(1)))
                .list();
    }

    private Owner owner(String reference) {
        return jdbc.sql("""
                select id, reference, call_id, project_title, organisation_name, incubator_slug, status from application
                where reference = ?""")
                .param(reference)
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), ApplicationStatus.valueOf(rs.getString(7))))
                .optional().orElseThrow(() -> DashboardException.notFound("Cette candidature n'existe pas."));
    }

    /** @return whether the caller sees the whole application (its incubator or the coordination), else a reviewer of it */
    private boolean allowed(Owner owner) {
        // The call's jury reads the applications it deliberates on (from its dossiers page).
        if (!juryAccess.coordinator() && juryAccess.juror(owner.callId()) && JuryAccess.JURY_SET.contains(owner.status())) {
            return false;
        }
        DashboardScope scope = access.scope(DashboardFilter.none());
        if (scope.covers(owner.incubatorSlug(), null)) {
            return true;
        }
        boolean reviewer = jdbc.sql("""
                select count(*) from review where application_id = ? and reviewer_id = ? and status in ('ASSIGNED', 'DONE')""")
                .params(owner.applicationId(), scope.userId()).query(Long.class).single() > 0;
        if (!reviewer) {
            throw DashboardException.forbidden(NOT_YOURS);
        }
        // Blind review hides the organisation from cross reviewers; a pitch deck would name it.
        if (calls.selectionSettings(owner.callId()).blindReview()) {
            throw DashboardException.forbidden(BLIND);
        }
        return false;
    }

    static String kindLabel(String kind) {
        return switch (kind) {
            case "PITCH_DECK" -> "Présentation du projet";
            case "COMPLETION" -> "Complément demandé";
            default -> kind;
        };
    }
}
