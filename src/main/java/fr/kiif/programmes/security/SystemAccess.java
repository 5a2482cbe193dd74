package fr.kiif.programmes.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs engine work without the current user's authorizations, then restores them. Only for steps
 * whose caller already checked who may do them (publishing a call, listing staff users).
 */
@Component
public class SystemAccess {

    private final IdentityService identityService;

    public SystemAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T run(Supplier<T> work) {
        var current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (current != null) {
                identityService.setAuthentication(current.getUserId(), current.getGroupIds(), current.getTenantIds());
            }
        }
    }
}
