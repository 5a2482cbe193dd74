package fr.kiif.programmes.security;

import static fr.kiif.programmes.security.CamundaGrants.grant;
import static fr.kiif.programmes.security.CamundaGrants.grantOnAll;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

import fr.kiif.programmes.alliance.Groups;

/**
 * What each kind of group may do in the engine and the webapps (DESIGN §5). All grants are
 * idempotent. Task visibility for staff and jurors comes only from candidate-group links: the
 * engine then grants READ + TASK_WORK on that single task.
 */
public final class AccessPolicy {

    public static final String TASKLIST = "tasklist";
    public static final String COCKPIT = "cockpit";

    private AccessPolicy() {
    }

    /** camunda-admin: everything, like the starter's initial admin user would get. */
    public static void applyAdmin(AuthorizationService authorizations) {
        for (Resources resource : Resources.values()) {
            grantOnAll(authorizations, Groups.ADMIN, resource, Permissions.ALL);
        }
    }

    /**
     * Incubator staff and jurors: Tasklist, and reading process definitions (process name, diagram
     * tab). Deliberately no TASK, PROCESS_INSTANCE or history permission on "*": they would expose
     * the applications of other territories. Rendering a deployed Camunda Form needs only READ on
     * the task (the engine reads the form resource without a DEPLOYMENT check).
     */
    public static void applyStaff(AuthorizationService authorizations, String groupId) {
        grant(authorizations, groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grantOnAll(authorizations, groupId, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ);
    }

    /** Coordinators follow and unblock every call in Cockpit and Tasklist, without administering. */
    public static void applyCoordination(AuthorizationService authorizations) {
        String group = Groups.COORDINATION;
        grant(authorizations, group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        grant(authorizations, group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grantOnAll(authorizations, group, Resources.PROCESS_DEFINITION,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, ProcessDefinitionPermissions.RETRY_JOB,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE,
                ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.TASK_WORK);
        grantOnAll(authorizations, group, Resources.PROCESS_INSTANCE,
                ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE,
                ProcessInstancePermissions.CREATE, ProcessInstancePermissions.RETRY_JOB,
                ProcessInstancePermissions.UPDATE_VARIABLE);
        grantOnAll(authorizations, group, Resources.TASK,
                TaskPermissions.READ, TaskPermissions.UPDATE, TaskPermissions.TASK_ASSIGN,
                TaskPermissions.TASK_WORK, TaskPermissions.READ_VARIABLE, TaskPermissions.UPDATE_VARIABLE,
                TaskPermissions.READ_HISTORY);
        // Only checked when historic instance permissions are enabled; harmless otherwise.
        grantOnAll(authorizations, group, Resources.HISTORIC_TASK,
                HistoricTaskPermissions.READ, HistoricTaskPermissions.READ_VARIABLE);
        grantOnAll(authorizations, group, Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);
        grantOnAll(authorizations, group, Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
        grantOnAll(authorizations, group, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ);
        grantOnAll(authorizations, group, Resources.DEPLOYMENT, Permissions.READ);
        grantOnAll(authorizations, group, Resources.OPERATION_LOG_CATEGORY, UserOperationLogCategoryPermissions.READ);
        // Names in Tasklist and Cockpit, and assigning a task to someone else.
        grantOnAll(authorizations, group, Resources.USER, Permissions.READ);
        grantOnAll(authorizations, group, Resources.GROUP, Permissions.READ);
    }
}
