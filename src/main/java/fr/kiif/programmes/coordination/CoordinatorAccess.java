package fr.kiif.programmes.coordination;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.Groups;

/**
 * Who is calling the coordination API and pages. The engine authentication filter (HTTP Basic
 * against the Camunda identity) has already set the engine's current authentication; this reads it
 * and checks the groups: kiif-coordination or camunda-admin.
 */
@Component
public class CoordinatorAccess {

    private final IdentityService identityService;

    public CoordinatorAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The current user's id when they are a coordinator. */
    public Optional<String> currentCoordinator() {
        var authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return Optional.empty();
        }
        List<String> groups = authentication.getGroupIds();
        if (groups == null || !(groups.contains(Groups.COORDINATION) || groups.contains(Groups.ADMIN))) {
            return Optional.empty();
        }
        return Optional.of(authentication.getUserId());
    }

    /** The current coordinator's id, or {@link NotCoordinatorException}. */
    public String requireCoordinator() {
        return currentCoordinator().orElseThrow(NotCoordinatorException::new);
    }
}
