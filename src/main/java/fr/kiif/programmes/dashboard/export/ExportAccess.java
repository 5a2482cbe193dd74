package fr.kiif.programmes.dashboard.export;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.cohort.IncubatorStaffAccess;
import fr.kiif.programmes.dashboard.DashboardFilter;

/**
 * Which rows of a call the caller may export, from cohort/IncubatorStaffAccess: coordinators every row (or the
 * filtered incubator), incubator staff only their incubator(s) even without a filter, another incubator asked
 * for → 403, anyone else (jurors) → 403. Unknown call, incubator or territory → 404.
 */
@Component
class ExportAccess {

    /** Either the scope to export or a refusal (status and French detail). */
    record Outcome(IncubatorStaffAccess.Staff staff, ExportScope scope, HttpStatus refusal, String detail) {

        static Outcome refused(HttpStatus status, String detail) {
            return new Outcome(null, null, status, detail);
        }
    }

    static final String STAFF_ONLY = "Les exports sont réservés à la coordination du Kiif et aux équipes des incubateurs.";
    static final String OTHER_INCUBATOR = "Vous ne pouvez exporter que les dossiers de votre incubateur.";

    private final IncubatorStaffAccess access;
    private final AllianceReferenceData alliance;
    private final CallRepository calls;

    ExportAccess(IncubatorStaffAccess access, AllianceReferenceData alliance, CallRepository calls) {
        this.access = access;
        this.alliance = alliance;
        this.calls = calls;
    }

    Outcome resolve(String callId, DashboardFilter filter) {
        Optional<IncubatorStaffAccess.Staff> current = access.current();
        if (current.isEmpty()) {
            return Outcome.refused(HttpStatus.FORBIDDEN, STAFF_ONLY);
        }
        IncubatorStaffAccess.Staff staff = current.get();
        if (!calls.exists(callId)) {
            return Outcome.refused(HttpStatus.NOT_FOUND, "Cet appel à candidatures n'existe pas.");
        }
        if (filter.incubator() != null && alliance.incubator(filter.incubator()).isEmpty()) {
            return Outcome.refused(HttpStatus.NOT_FOUND, "Cet incubateur n'existe pas.");
        }
        if (filter.territory() != null && alliance.territory(filter.territory()).isEmpty()) {
            return Outcome.refused(HttpStatus.NOT_FOUND, "Ce territoire n'existe pas.");
        }
        if (filter.incubator() != null && !staff.covers(filter.incubator())) {
            return Outcome.refused(HttpStatus.FORBIDDEN, OTHER_INCUBATOR);
        }
        var incubators = filter.incubator() != null ? java.util.Set.of(filter.incubator())
                : staff.coordinator() ? null : staff.incubatorSlugs();
        boolean hideCrossReviewers = !staff.coordinator() && calls.selectionSettings(callId).blindReview();
        return new Outcome(staff, new ExportScope(callId, incubators, filter.territory(), hideCrossReviewers), null, null);
    }
}
