package fr.kiif.programmes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.support.SpringTestBase;

/**
 * A task for the Atis incubator is visible to Atis staff and coordinators only, through the real
 * REST API (HTTP Basic) and through the Java API with an authenticated user.
 */
class TaskVisibilityTest extends SpringTestBase {

    private static final String PROCESS_KEY = "identity-visibility-test";

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterService filterService;

    private final ObjectMapper json = new ObjectMapper();
    private String deploymentId;
    private String processInstanceId;
    private String taskId;

    @BeforeEach
    void deployAndStart() {
        deploymentId = repositoryService.createDeployment().name("identity-visibility-test")
                .addClasspathResource("identity/identity-visibility.bpmn")
                .addClasspathResource("identity/identity-visibility-test.form")
                .deploy().getId();
        processInstanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY).getId();
        taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void restTaskListShowsTheTaskToItsIncubatorAndCoordinationOnly() throws Exception {
        assertThat(restTaskIds("atis-1")).containsExactly(taskId);
        assertThat(restTaskIds("atis-2")).containsExactly(taskId);
        assertThat(restTaskIds("coordination-1")).containsExactly(taskId);
        assertThat(restTaskIds("ronalpia-1")).isEmpty();
        assertThat(restTaskIds("jury-1")).isEmpty();
    }

    @Test
    void anonymousAndWrongPasswordAreRejected() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // An unknown user: a wrong password on a real one would delay its next logins (brute-force guard).
        assertThat(http.withBasicAuth("personne", "demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void candidateGroupMemberCanOpenTheDeployedFormAndOthersCannot() {
        ResponseEntity<String> atis = get("atis-1", "/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(atis.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(atis.getBody()).contains("identity-visibility-test-form");
        assertThat(get("atis-1", "/engine-rest/task/" + taskId + "/form-variables").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("ronalpia-1", "/engine-rest/task/" + taskId + "/deployed-form").getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void restFiltersListTheTaskForItsIncubatorOnly() throws Exception {
        String filterId = filterId("Tâches de mon incubateur");
        assertThat(filterTaskIds("atis-1", filterId)).contains(taskId);
        assertThat(filterTaskIds("ronalpia-1", filterId)).doesNotContain(taskId);
        assertThat(filterTaskIds("coordination-1", filterId("Toutes les tâches"))).contains(taskId);
        // The coordination-wide filter is not readable by incubator staff.
        assertThat(get("atis-1", "/engine-rest/filter/" + filterId("Toutes les tâches") + "/list").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void candidateGroupMemberCanClaimAndComplete() {
        assertThat(http.withBasicAuth("atis-1", "demo").postForEntity("/engine-rest/task/" + taskId + "/claim",
                java.util.Map.of("userId", "atis-1"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.withBasicAuth("ronalpia-1", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                java.util.Map.of(), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("atis-1", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                java.util.Map.of(), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
    }

    @Test
    void javaApiWithAuthenticationBehavesTheSame() {
        assertThat(visibleTo("atis-1")).isOne();
        assertThat(visibleTo("coordination-2")).isOne();
        assertThat(visibleTo("ronalpia-1")).isZero();
        assertThat(visibleTo("jury-2")).isZero();

        String incubatorFilter = filterId("Tâches de mon incubateur");
        authenticate("atis-1");
        List<Task> atisTasks = filterService.list(incubatorFilter);
        assertThat(atisTasks).extracting(Task::getId).contains(taskId);
        authenticate("ronalpia-1");
        assertThat(filterService.<Task>list(incubatorFilter)).extracting(Task::getId).doesNotContain(taskId);
        identityService.clearAuthentication();
    }

    private long visibleTo(String userId) {
        authenticate(userId);
        try {
            return taskService.createTaskQuery().processInstanceId(processInstanceId).count();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void authenticate(String userId) {
        identityService.clearAuthentication();
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
    }

    private String filterId(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult().getId();
    }

    private List<String> restTaskIds(String userId) throws Exception {
        return ids(get(userId, "/engine-rest/task?processDefinitionKey=" + PROCESS_KEY));
    }

    private List<String> filterTaskIds(String userId, String filterId) throws Exception {
        return ids(get(userId, "/engine-rest/filter/" + filterId + "/list"));
    }

    private ResponseEntity<String> get(String userId, String path) {
        return http.withBasicAuth(userId, "demo").getForEntity(path, String.class);
    }

    private List<String> ids(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        for (JsonNode task : json.readTree(response.getBody())) {
            ids.add(task.get("id").asText());
        }
        return ids;
    }
}
