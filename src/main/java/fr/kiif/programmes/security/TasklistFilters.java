package fr.kiif.programmes.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Shared Tasklist filters (DESIGN §5), created once by name and then left alone (an administrator
 * may tune them in Tasklist), each readable by the audiences that use it.
 */
public final class TasklistFilters {

    /** Kinds of groups, each with its own set of filters. */
    public enum Audience { INCUBATOR, JURY, COORDINATION }

    /** One shared filter. Names are what users see, in French. */
    public enum Definition {
        MY_TASKS("Mes tâches", "Les tâches qui me sont attribuées", -10, "#1f6fb2",
                EnumSet.allOf(Audience.class),
                tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                        .orderByDueDate().asc()),
        INCUBATOR_TASKS("Tâches de mon incubateur", "Les tâches de mon incubateur, attribuées ou non", 0,
                "#2e8b57", EnumSet.of(Audience.INCUBATOR),
                tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc()),
        JURY_TASKS("Tâches du jury", "Les tâches des jurys dont je fais partie", 5, "#7b3fa0",
                EnumSet.of(Audience.JURY),
                tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc()),
        OVERDUE("En retard", "Les tâches de mes groupes dont l'échéance est dépassée", 10, "#c0392b",
                EnumSet.of(Audience.INCUBATOR, Audience.JURY),
                tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc()),
        ALL_TASKS("Toutes les tâches", "Toutes les tâches ouvertes de tous les incubateurs et jurys", 20,
                "#555555", EnumSet.of(Audience.COORDINATION),
                tasks -> tasks.createTaskQuery().orderByDueDate().asc()),
        ALL_OVERDUE("Toutes les tâches en retard", "Toutes les tâches dont l'échéance est dépassée", 30,
                "#d35400", EnumSet.of(Audience.COORDINATION),
                tasks -> tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());

        private final String filterName;
        private final String description;
        private final int priority;
        private final String color;
        private final Set<Audience> audiences;
        private final Function<TaskService, TaskQuery> query;

        Definition(String filterName, String description, int priority, String color, Set<Audience> audiences,
                   Function<TaskService, TaskQuery> query) {
            this.filterName = filterName;
            this.description = description;
            this.priority = priority;
            this.color = color;
            this.audiences = audiences;
            this.query = query;
        }

        public String filterName() {
            return filterName;
        }

        public Set<Audience> audiences() {
            return audiences;
        }

        Map<String, Object> properties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("color", color);
            properties.put("refresh", true);
            // Process variables of DESIGN §6, shown in the task list.
            properties.put("variables", List.of(
                    Map.of("name", "applicationRef", "label", "Dossier"),
                    Map.of("name", "callId", "label", "Appel"),
                    Map.of("name", "territory", "label", "Territoire")));
            properties.put("showUndefinedVariable", false);
            return properties;
        }
    }

    private TasklistFilters() {
    }

    /** Creates the missing filters. @return filter id per definition */
    public static Map<Definition, String> ensure(FilterService filters, TaskService tasks) {
        Map<Definition, String> ids = new LinkedHashMap<>();
        for (Definition definition : Definition.values()) {
            List<Filter> existing = filters.createFilterQuery()
                    .filterResourceType("Task").filterName(definition.filterName).list();
            if (!existing.isEmpty()) {
                ids.put(definition, existing.get(0).getId());
                continue;
            }
            Filter filter = filters.newTaskFilter(definition.filterName)
                    .setQuery(definition.query.apply(tasks))
                    .setProperties(definition.properties());
            ids.put(definition, filters.saveFilter(filter).getId());
        }
        return ids;
    }

    /** Lets a group read the filters of its audience. */
    public static void grantRead(AuthorizationService authorizations, Map<Definition, String> filterIds,
                                 String groupId, Audience audience) {
        filterIds.forEach((definition, filterId) -> {
            if (definition.audiences.contains(audience)) {
                CamundaGrants.grant(authorizations, groupId, Resources.FILTER, filterId, Permissions.READ);
            }
        });
    }
}
