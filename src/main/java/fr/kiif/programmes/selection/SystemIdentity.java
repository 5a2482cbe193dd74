package fr.kiif.programmes.selection;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;

/**
 * Runs identity look-ups without the current user's authorization checks: a step may run in the
 * transaction of an incubator staff member (who may not read the user list) completing a task.
 */
final class SystemIdentity {

    private SystemIdentity() {
    }

    static <T> T call(IdentityService identity, Supplier<T> work) {
        var current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current.getUserId(), current.getGroupIds(), current.getTenantIds());
            }
        }
    }
}
