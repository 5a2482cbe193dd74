package fr.kiif.programmes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What journey tests do to the engine as the users would: tasks completed in the engine REST API with
 * the demo users' logins, due jobs run, timers fired by moving the engine clock.
 */
@Component
public class EngineSteps {

    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final TestRestTemplate http;
    private final ObjectMapper json = new ObjectMapper();

    public EngineSteps(ManagementService managementService, RuntimeService runtimeService, TaskService taskService,
            TestRestTemplate http) {
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.http = http;
    }

    /** Completes a task as this demo user; {@code variables} is the REST API's variables object. */
    public ResponseEntity<String> complete(String user, String taskId, Map<String, Object> variables) {
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                new HttpEntity<>(write(Map.of("variables", variables)), jsonHeaders()), String.class);
    }

    /** Completes and expects success. */
    public void completeOk(String user, String taskId, Map<String, Object> variables) {
        ResponseEntity<String> response = complete(user, taskId, variables);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Completes and expects the form's validation to refuse it: 400 with the French reason alone; returns it. */
    public String completeRefused(String user, String taskId, Map<String, Object> variables) {
        ResponseEntity<String> response = complete(user, taskId, variables);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = read(response.getBody());
        assertThat(body.path("type").asText()).isEqualTo("TaskRefusal");
        assertThat(body.path("message").asText()).doesNotContain("ENGINE-", "TaskListener");
        return body.path("message").asText();
    }

    /** A variable as the REST API takes it. */
    public static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    /** A JSON variable as the REST API takes it (what Tasklist sends for lists). */
    public Map<String, Object> jsonValue(Object value) {
        return Map.of("value", write(value), "type", "Json");
    }

    /** The tasks this user sees in the engine REST API for a query string, e.g. {@code processInstanceId=…}. */
    public JsonNode queryTasks(String user, String query) {
        return read(http.withBasicAuth(user, "demo").getForObject("/engine-rest/task?" + query, String.class));
    }

    /** The one task this user sees for the query; fails unless there is exactly one. */
    public JsonNode singleTask(String user, String query) {
        JsonNode tasks = queryTasks(user, query);
        assertThat(tasks).as(user + " " + query).hasSize(1);
        return tasks.get(0);
    }

    /** The running instance of this process for the business key; fails if there is none. */
    public ProcessInstance instance(String processDefinitionKey, String businessKey) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(processDefinitionKey)
                .processInstanceBusinessKey(businessKey).singleResult();
        assertThat(pi).as(processDefinitionKey + " " + businessKey).isNotNull();
        return pi;
    }

    /** The single open task of this activity in the process instance. */
    public Task task(String processInstanceId, String activityId) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId).list();
        assertThat(tasks).as(activityId).hasSize(1);
        return tasks.get(0);
    }

    /** Runs the process's due jobs (not its future timers) until there is none. */
    public void executeJobs(String processInstanceId) {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                assertThat(job.getExceptionMessage()).as("job %s of %s", job.getId(), processInstanceId).isNull();
                managementService.executeJob(job.getId());
            }
        }
        throw new AssertionError("Jobs keep coming for " + processInstanceId);
    }

    /** Moves the engine clock just past the process's earliest timer of the activity, runs it, then the due jobs. */
    public void fire(String processInstanceId, String activityId) {
        runTimer(processInstanceId, activityId);
        executeJobs(processInstanceId);
    }

    /**
     * Moves the engine clock just past the process's earliest timer of the activity (never back), and runs that
     * timer alone: the jobs it leaves due stay for the test.
     */
    public void runTimer(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list()
                .stream().min(Comparator.comparing(Job::getDuedate))
                .orElseThrow(() -> new AssertionError("No timer " + activityId));
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        }
        managementService.executeJob(job.getId());
    }

    public JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
