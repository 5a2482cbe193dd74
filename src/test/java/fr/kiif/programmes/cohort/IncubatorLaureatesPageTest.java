package fr.kiif.programmes.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.SpringTestBase;

/** "/incubateur/laureats": incubator staff see their running laureates, reassign the coach, report a withdrawal. */
class IncubatorLaureatesPageTest extends SpringTestBase {

    static final String PAGE = "/incubateur/laureats";

    @Autowired CohortFixtures fixtures;
    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ApplicationSubmissionService submissions;
    @Autowired CallRepository calls;
    @Autowired JdbcClient jdbc;

    @Test
    void staffSeeTheRunningLaureatesOfTheirIncubatorOnly() {
        ProgrammeCall call = fixtures.supportCall();
        String gironde = fixtures.laureate(call, "33");
        String lyon = fixtures.laureate(call, "69");

        ResponseEntity<String> atis = staff("atis-1").getForEntity(PAGE, String.class);
        assertThat(atis.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(atis)).contains("Lauréats accompagnés").contains(gironde).doesNotContain(lyon)
                .contains("Lancement (plan à établir)").contains("Pas encore planifié");
        assertThat(text(atis)).contains("(" + coach(gironde) + ")");

        ResponseEntity<String> ronalpia = staff("ronalpia-1").getForEntity(PAGE, String.class);
        assertThat(text(ronalpia)).contains(lyon).doesNotContain(gironde);

        ResponseEntity<String> coordination = staff("coordination-1").getForEntity(PAGE, String.class);
        assertThat(text(coordination)).contains(lyon).contains(gironde).contains("Tous les incubateurs");

        // Ended supports are not listed
        jdbc.sql("update laureate_support set status = 'FINISHED' where application_id = "
                + "(select id from application where reference = ?)").param(lyon).update();
        assertThat(text(staff("ronalpia-1").getForEntity(PAGE, String.class))).doesNotContain(lyon);
    }

    @Test
    void reassigningTheCoachMovesTheOpenCoachTask() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        String current = coach(ref);
        String other = current.equals("atis-1") ? "atis-2" : "atis-1";
        assertThat(onboarding(ref).getAssignee()).isEqualTo(current);

        ResponseEntity<String> done = post(staff(current), PAGE + "/" + ref + "/coach", form("coachId", other));
        assertThat(onboarding(ref).getAssignee()).isEqualTo(other);
        assertThat(coach(ref)).isEqualTo(other);
        assertThat(afterRedirect(staff(other), done)).contains("Le coach du lauréat " + ref + " a été changé");
    }

    @Test
    void reassignmentErrorsAreInFrench() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        String current = coach(ref);

        ResponseEntity<String> empty = post(staff("atis-1"), PAGE + "/" + ref + "/coach", form("coachId", ""));
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(empty)).contains("Erreur : ").contains(IncubatorLaureatesController.COACH_REQUIRED);

        ResponseEntity<String> outsider = post(staff("atis-1"), PAGE + "/" + ref + "/coach", form("coachId", "ronalpia-1"));
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(outsider)).contains(IncubatorLaureatesController.COACH_NOT_STAFF);

        ResponseEntity<String> same = post(staff("atis-1"), PAGE + "/" + ref + "/coach", form("coachId", current));
        assertThat(same.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(same)).contains(IncubatorLaureatesController.COACH_SAME);
        assertThat(coach(ref)).isEqualTo(current);
        assertThat(onboarding(ref).getAssignee()).isEqualTo(current);
    }

    @Test
    void theCoachReportsAWithdrawalWhichEndsTheSupport() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");

        ResponseEntity<String> missing = post(staff("atis-2"), PAGE + "/" + ref + "/retrait", form("reason", "  "));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(missing)).contains(IncubatorLaureatesController.REASON_REQUIRED)
                .contains(IncubatorLaureatesController.CONFIRM_REQUIRED);

        ResponseEntity<String> unconfirmed = post(staff("atis-2"), PAGE + "/" + ref + "/retrait",
                form("reason", "Le porteur a trouvé un emploi."));
        assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(unconfirmed)).contains(IncubatorLaureatesController.CONFIRM_REQUIRED)
                .doesNotContain(IncubatorLaureatesController.REASON_REQUIRED).contains("Le porteur a trouvé un emploi.");
        assertThat(support(ref, "status")).isEqualTo("ONBOARDING");

        MultiValueMap<String, String> ok = form("reason", "Le porteur a trouvé un emploi.");
        ok.add("confirmed", "true");
        ResponseEntity<String> done = post(staff("atis-2"), PAGE + "/" + ref + "/retrait", ok);
        String after = afterRedirect(staff("atis-2"), done);
        assertThat(support(ref, "status")).isEqualTo("WITHDRAWN");
        assertThat(support(ref, "ended_by")).isEqualTo("COACH");
        assertThat(support(ref, "end_reason")).isEqualTo("Le porteur a trouvé un emploi.");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(ref).count()).isZero();
        assertThat(after).contains("Le retrait du lauréat " + ref + " a été enregistré")
                .doesNotContain("laureat-" + ref);

        // A second post on an ended support: not found any more
        assertThat(post(staff("atis-2"), PAGE + "/" + ref + "/retrait", ok).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void othersAreRefused() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        String current = coach(ref);
        MultiValueMap<String, String> withdrawal = form("reason", "Abandon.");
        withdrawal.add("confirmed", "true");

        // Staff of another incubator: the laureate is not theirs
        assertThat(post(staff("ronalpia-1"), PAGE + "/" + ref + "/coach", form("coachId", "ronalpia-2")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(staff("ronalpia-1"), PAGE + "/" + ref + "/retrait", withdrawal).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(staff("atis-1"), PAGE + "/KIIF-INCONNU/retrait", withdrawal).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // Authenticated but no incubator: jury member
        assertThat(staff("jury-1").getForEntity(PAGE, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(staff("jury-1"), PAGE + "/" + ref + "/retrait", withdrawal).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // Anonymous
        assertThat(http.getForEntity(PAGE, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(http, PAGE + "/" + ref + "/retrait", withdrawal).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("personne-inconnue", "faux").getForEntity(PAGE, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        // Cross-site post with a staff member's credentials
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("Origin", "https://ailleurs.example");
        ResponseEntity<String> crossSite = staff("atis-1").postForEntity(PAGE + "/" + ref + "/retrait",
                new HttpEntity<>(withdrawal, headers), String.class);
        assertThat(crossSite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(support(ref, "status")).isEqualTo("ONBOARDING");
        assertThat(coach(ref)).isEqualTo(current);
    }

    // ---- helpers

    private TestRestTemplate staff(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private static String text(ResponseEntity<String> response) {
        return HtmlUtils.htmlUnescape(response.getBody() == null ? "" : response.getBody());
    }

    /** The page shown after a successful post (PRG), whether or not the client followed the redirect. */
    private static String afterRedirect(TestRestTemplate client, ResponseEntity<String> response) {
        if (response.getStatusCode().is3xxRedirection()) {
            assertThat(response.getHeaders().getLocation().getPath()).isEqualTo(PAGE);
            return text(client.getForEntity(response.getHeaders().getLocation(), String.class));
        }
        assertThat(response.getStatusCode()).as(text(response)).isEqualTo(HttpStatus.OK);
        return text(response);
    }

    private static MultiValueMap<String, String> form(String name, String value) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add(name, value);
        return form;
    }

    private static ResponseEntity<String> post(TestRestTemplate client, String path, MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return client.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    private Task onboarding(String ref) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(ref).singleResult();
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_Onboarding")
                .singleResult();
    }

    private String coach(String ref) {
        return (String) support(ref, "coach_id");
    }

    private Object support(String ref, String column) {
        return jdbc.sql("select s." + column + " from laureate_support s join application a on a.id = s.application_id "
                + "where a.reference = ?").param(ref).query().singleValue();
    }

    private void complete(ProcessInstance pi, String activityId, Map<String, Object> variables) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
        assertThat(tasks).hasSize(1);
        taskService.complete(tasks.get(0).getId(), variables);
    }

}
