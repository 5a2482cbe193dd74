package fr.kiif.programmes.selection;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.Groups;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.coordination.CoordinatorAccess;

/** Who may read a call's jury dossiers: its jury (group jury-&lt;callId&gt;) and the coordination. */
@Component
public class JuryAccess {

    /** Applications the jury reads: those it deliberates on, and those it decided. */
    public static final Set<ApplicationStatus> JURY_SET = Set.of(ApplicationStatus.ELIGIBLE, ApplicationStatus.IN_REVIEW,
            ApplicationStatus.REVIEWED, ApplicationStatus.SELECTED, ApplicationStatus.WAITLISTED, ApplicationStatus.REJECTED,
            ApplicationStatus.IN_SUPPORT, ApplicationStatus.SUPPORT_FINISHED);

    private final IdentityService identityService;
    private final CoordinatorAccess coordinators;

    public JuryAccess(IdentityService identityService, CoordinatorAccess coordinators) {
        this.identityService = identityService;
        this.coordinators = coordinators;
    }

    /** The current caller is a member of this call's jury. */
    public boolean juror(String callId) {
        return groups().contains(Groups.jury(callId));
    }

    public boolean coordinator() {
        return coordinators.currentCoordinator().isPresent();
    }

    private List<String> groups() {
        var authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }
}
