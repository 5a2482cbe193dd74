package fr.kiif.programmes.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Idempotent group grants: adds the missing permissions to one GRANT row per group and resource. */
public final class CamundaGrants {

    private CamundaGrants() {
    }

    public static void grantOnAll(AuthorizationService authorizations, String groupId, Resource resource,
                                  Permission... permissions) {
        grant(authorizations, groupId, resource, ANY, permissions);
    }

    public static void grant(AuthorizationService authorizations, String groupId, Resource resource,
                             String resourceId, Permission... permissions) {
        List<Authorization> existing = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .list();
        Authorization grant;
        if (existing.isEmpty()) {
            grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        } else {
            grant = existing.get(0);
            boolean complete = true;
            for (Permission permission : permissions) {
                complete &= grant.isPermissionGranted(permission);
            }
            if (complete) {
                return;
            }
        }
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}
