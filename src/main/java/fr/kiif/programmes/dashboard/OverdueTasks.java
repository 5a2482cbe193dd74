package fr.kiif.programmes.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.security.SystemAccess;

/**
 * The call's open human tasks past their due date, in one engine query restricted to the call (process
 * variable {@code callId}, which every process of a call carries), then placed by incubator through the
 * business keys (application references) of their process instances.
 */
@Service
public class OverdueTasks {

    static final int LIMIT = 2000;
    static final String REVIEW_TASK = "UserTask_ReviewApplication";
    static final String UNASSIGNED = "(non attribuée)";
    static final String COORDINATION = "coordination";

    /** One overdue task; reference null for a task of the call itself (jury preparation, deliberation...). */
    public record Item(String taskId, String name, String activityId, String reference, String incubatorSlug,
            String territory, String assignee, Instant due, String processInstanceId, String tasklistUrl, String cockpitUrl) {
    }

    /** Overdue tasks in scope, and their counts per incubator and per person. */
    public record Overdue(List<Item> tasks, Map<String, Long> byIncubator, Map<String, Long> byPerson, boolean truncated) {

        long lateReviews(String incubatorSlug, String territory) {
            return tasks.stream().filter(t -> REVIEW_TASK.equals(t.activityId())
                    && (incubatorSlug == null || incubatorSlug.equals(t.incubatorSlug()))
                    && (territory == null || territory.equals(t.territory()))).count();
        }
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final CallApplications applications;
    private final SystemAccess systemAccess;

    public OverdueTasks(TaskService taskService, RuntimeService runtimeService, CallApplications applications,
            SystemAccess systemAccess) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.applications = applications;
        this.systemAccess = systemAccess;
    }

    public Overdue of(String callId, DashboardScope scope, Instant now) {
        // Read without the caller's engine authorizations: the scope has been checked, and restricts the rows below.
        List<Task> tasks = systemAccess.run(() -> taskService.createTaskQuery().processVariableValueEquals("callId", callId)
                .dueBefore(Date.from(now)).active().orderByDueDate().asc().listPage(0, LIMIT));
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            systemAccess.run(() -> runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list())
                    .forEach((ProcessInstance pi) -> businessKeys.put(pi.getId(), pi.getBusinessKey()));
        }
        Map<String, CallApplications.Place> places = applications.places(callId, businessKeys.values().stream()
                .filter(key -> key != null && !key.equals(callId)).collect(Collectors.toSet()));
        List<Item> rows = new ArrayList<>();
        Map<String, Long> byIncubator = new TreeMap<>();
        Map<String, Long> byPerson = new TreeMap<>();
        for (Task task : tasks) {
            String key = businessKeys.get(task.getProcessInstanceId());
            CallApplications.Place place = places.get(key);
            String incubator = place == null ? null : place.incubatorSlug();
            String territory = place == null ? null : place.territory();
            boolean inScope = place == null ? scope.all() : scope.covers(incubator, territory);
            if (!inScope) {
                continue;
            }
            rows.add(new Item(task.getId(), task.getName(), task.getTaskDefinitionKey(), place == null ? null : place.reference(),
                    incubator, territory, task.getAssignee(), task.getDueDate().toInstant(), task.getProcessInstanceId(),
                    EngineLinks.task(task.getId()), EngineLinks.processInstance(task.getProcessInstanceId())));
            byIncubator.merge(incubator == null ? COORDINATION : incubator, 1L, Long::sum);
            byPerson.merge(task.getAssignee() == null ? UNASSIGNED : task.getAssignee(), 1L, Long::sum);
        }
        return new Overdue(rows, byIncubator, byPerson, tasks.size() >= LIMIT);
    }
}
