package fr.kiif.programmes.dashboard;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.cohort.IncubatorStaffAccess;

/**
 * Who may see what on the dashboard, from {@link IncubatorStaffAccess} only: coordinators see everything,
 * incubator staff their incubator(s) (asking for another one is refused), anyone else (jurors) nothing.
 */
@Component
public class DashboardAccess {

    static final String STAFF_ONLY = "Le pilotage est réservé à la coordination du Kiif et aux équipes des incubateurs.";
    static final String OTHER_INCUBATOR = "Vous ne pouvez consulter que les chiffres de votre incubateur.";

    private final IncubatorStaffAccess staffAccess;
    private final AllianceReferenceData alliance;

    public DashboardAccess(IncubatorStaffAccess staffAccess, AllianceReferenceData alliance) {
        this.staffAccess = staffAccess;
        this.alliance = alliance;
    }

    /** The caller's scope under this filter; 403 for non-staff or another incubator, 400 for an unknown filter value. */
    public DashboardScope scope(DashboardFilter filter) {
        IncubatorStaffAccess.Staff staff = staffAccess.current().orElseThrow(() -> DashboardException.forbidden(STAFF_ONLY));
        if (filter.incubator() != null && alliance.incubator(filter.incubator()).isEmpty()) {
            throw new DashboardException(HttpStatus.BAD_REQUEST, "Incubateur inconnu : " + filter.incubator() + ".");
        }
        if (filter.territory() != null && alliance.territory(filter.territory()).isEmpty()) {
            throw new DashboardException(HttpStatus.BAD_REQUEST, "Territoire inconnu : " + filter.territory() + ".");
        }
        Set<String> incubators;
        if (filter.incubator() != null) {
            if (!staff.covers(filter.incubator())) {
                throw DashboardException.forbidden(OTHER_INCUBATOR);
            }
            incubators = Set.of(filter.incubator());
        } else {
            incubators = staff.coordinator() ? null : Set.copyOf(new LinkedHashSet<>(staff.incubatorSlugs()));
        }
        return new DashboardScope(staff.userId(), staff.coordinator(), incubators, filter.territory(), filter);
    }

    /** Whether the caller may open one application of this incubator (null incubator: coordinators only). */
    public DashboardScope forApplication(String incubatorSlug) {
        DashboardScope scope = scope(DashboardFilter.none());
        if (!scope.covers(incubatorSlug, null)) {
            throw DashboardException.forbidden("Cette candidature relève d'un autre incubateur : vous ne pouvez pas la consulter.");
        }
        return scope;
    }
}
