package fr.kiif.programmes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.StaffPages;

/** The dashboard on H2: known numbers of a seeded call, restrictions on pages and JSON, links into Tasklist and Cockpit. */
class DashboardPagesTest extends SpringTestBase {

    @Autowired DashboardSeed seed;
    @Autowired TestRestTemplate http;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private DashboardSeed.Seeded seeded;

    @BeforeEach
    void seedCall() {
        seeded = seed.seed();
    }

    @Test
    void overviewCountsMatchTheSeededCall() throws Exception {
        DashboardCounts.assertFullCall(getJson("coordination-1", "/api/pilotage/appels/" + callId()));

        String page = getPage("coordination-1", "/pilotage/appels/" + callId());
        assertThat(page).contains("Entonnoir").contains("Par incubateur").contains("Par territoire").contains("Gironde")
                .contains("2 / 2").contains("data-chart=").contains("Rapport d'impact de l'appel")
                .contains("/coordination/appels/" + callId() + "/impact");
        // The overdue eligibility check opens in Tasklist
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(seeded.inCheckAtis()).singleResult().getId();
        assertThat(page).contains("/camunda/app/tasklist/default/#/?task=" + taskId).contains(seeded.inCheckAtis());
        // Exports of what the page shows, with its filters
        assertThat(page).contains("/pilotage/appels/" + callId() + "/exports/candidatures.csv")
                .contains("/pilotage/appels/" + callId() + "/exports/accompagnement.xlsx");
        assertThat(getPage("coordination-1", "/pilotage/appels/" + callId() + "?incubateur=atis"))
                .contains("/exports/evaluations.csv?incubateur=atis");

        JsonNode row = callRow(getJson("coordination-1", "/api/pilotage/appels"));
        assertThat(row.path("applications").asLong()).isEqualTo(8);
        assertThat(row.path("inSelection").asLong()).isEqualTo(2);
        assertThat(row.path("laureates").asLong()).isEqualTo(3);
        assertThat(getPage("coordination-1", "/pilotage")).contains(seeded.call().title()).contains("Pilotage des programmes");
    }

    @Test
    void filtersNarrowTheCounts() throws Exception {
        JsonNode ronalpia = getJson("coordination-1", "/api/pilotage/appels/" + callId() + "?incubateur=ronalpia");
        assertThat(ronalpia.path("funnel").path("call").path("total").asLong()).isEqualTo(3);
        assertThat(ronalpia.path("overdue").path("tasks")).isEmpty();
        assertThat(ronalpia.path("engine").isNull()).isTrue();
        JsonNode gironde = getJson("coordination-1", "/api/pilotage/appels/" + callId() + "?territoire=gironde");
        assertThat(gironde.path("funnel").path("call").path("total").asLong()).isEqualTo(5);
        assertThat(get("coordination-1", "/api/pilotage/appels/" + callId() + "?territoire=nulle-part").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void staffSeeOnlyTheirIncubator() throws Exception {
        JsonNode ronalpia = getJson("ronalpia-1", "/api/pilotage/appels/" + callId());
        assertThat(ronalpia.path("funnel").path("call").path("total").asLong()).isEqualTo(3);
        assertThat(ronalpia.path("funnel").path("byIncubator")).hasSize(1);
        assertThat(ronalpia.path("overdue").path("tasks")).isEmpty();
        String page = getPage("ronalpia-1", "/pilotage/appels/" + callId());
        String ronalpiaReport = "/incubateur/impact/" + callId() + "/incubateurs/ronalpia";
        // No assessed evaluation yet: no link to a report that does not exist.
        assertThat(page).doesNotContain(seeded.inCheckAtis()).doesNotContain("Rapport d'impact de l'appel")
                .doesNotContain(ronalpiaReport);
        assessedBaseline(seeded.laureateRonalpia());
        assertThat(getPage("ronalpia-1", "/pilotage/appels/" + callId())).contains("href=\"" + ronalpiaReport + "\"")
                .contains("Rapport d'impact : Ronalpia");
        assertThat(get("ronalpia-1", ronalpiaReport).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode atis = getJson("atis-1", "/api/pilotage/appels/" + callId());
        assertThat(atis.path("funnel").path("call").path("total").asLong()).isEqualTo(5);
        assertThat(atis.path("overdue").path("tasks")).hasSize(1);

        // Another incubator, asked for explicitly, or one of its applications: 403, pages and JSON alike
        for (String path : new String[] {"/pilotage/appels/" + callId() + "?incubateur=atis",
                "/api/pilotage/appels/" + callId() + "?incubateur=atis", "/pilotage/candidatures/" + seeded.inCheckAtis(),
                "/api/pilotage/candidatures/" + seeded.inCheckAtis()}) {
            assertThat(get("ronalpia-1", path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(get("ronalpia-1", "/pilotage/candidatures/" + seeded.laureateRonalpia()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(callRow(getJson("ronalpia-1", "/api/pilotage/appels")).path("applications").asLong()).isEqualTo(3);
    }

    @Test
    void overdueTasksOfTheCallItselfCountForTheCoordinationOnly() throws Exception {
        // The call's own process (business key: the call's id) at a coordination task due weeks ago.
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(30))));
        String callProcess;
        try {
            callProcess = runtimeService.createProcessInstanceByKey("programme-call").businessKey(callId())
                    .setVariable("callId", callId()).setVariable("prepareDelay", "P7D")
                    .startBeforeActivity("UserTask_PrepareJury").execute().getId();
        } finally {
            ClockUtil.reset();
        }
        try {
            JsonNode overdue = getJson("coordination-1", "/api/pilotage/appels/" + callId()).path("overdue");
            assertThat(overdue.path("byIncubator").path("coordination").asLong()).isEqualTo(1);
            assertThat(overdue.path("byIncubator").path("atis").asLong()).isEqualTo(1);
            assertThat(overdue.path("tasks").findValuesAsText("name")).contains("Préparer le jury");
            JsonNode atis = getJson("atis-1", "/api/pilotage/appels/" + callId()).path("overdue");
            assertThat(atis.path("byIncubator").has("coordination")).isFalse();
            assertThat(atis.path("tasks").findValuesAsText("name")).doesNotContain("Préparer le jury");
        } finally {
            runtimeService.deleteProcessInstance(callProcess, "test over");
        }
    }

    @Test
    void jurorsAndAnonymousCallersAreRefused() {
        for (String path : new String[] {"/pilotage", "/pilotage/appels/" + callId(), "/pilotage/candidatures/" + seeded.laureateAtis(),
                "/api/pilotage/appels", "/api/pilotage/appels/" + callId(), "/api/pilotage/candidatures/" + seeded.laureateAtis()}) {
            assertThat(get("jury-1", path).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(get("coordination-1", "/pilotage/appels/inconnu").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("coordination-1", "/api/pilotage/candidatures/INCONNU-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void applicationPageShowsTimelineMailsReviewsAndEngineLinks() throws Exception {
        String reference = seeded.laureateAtis();
        String page = getPage("atis-1", "/pilotage/candidatures/" + reference);
        assertThat(page).contains(reference).contains("Historique").contains("Déposée").contains("Sélectionnée");
        // The engine's history: the eligibility check and the review, as tasks
        assertThat(page).contains("Vérifier l'éligibilité");
        String subject = jdbc.sql("select subject from mail_outbox where application_ref = ? order by id").param(reference)
                .query(String.class).list().get(0);
        assertThat(page).contains(subject);
        String supportPi = runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(reference).singleResult().getId();
        assertThat(page).contains("/camunda/app/cockpit/default/#/process-instance/" + supportPi + "/runtime");
        String openTask = taskService.createTaskQuery().processInstanceBusinessKey(reference).list().get(0).getId();
        assertThat(page).contains("/camunda/app/tasklist/default/#/?task=" + openTask);
        assertThat(page).contains("Faite").contains("Sélectionner").contains("Territoriale");

        JsonNode dossier = getJson("coordination-1", "/api/pilotage/candidatures/" + reference);
        assertThat(dossier.path("application").path("status").asText()).isEqualTo("SELECTED");
        assertThat(dossier.path("reviews")).hasSize(1);
        assertThat(dossier.path("mails").size()).isGreaterThan(0);
        assertThat(dossier.path("timeline").size()).isGreaterThan(3);
    }

    /** An entry evaluation the coach assessed (one answer), as the impact process leaves it. */
    private void assessedBaseline(String reference) {
        long applicationId = jdbc.sql("select id from application where reference = ?").param(reference).query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into impact_evaluation (application_id, call_id, incubator_slug, phase, indicator_set, status, started_at,
                    contribution_assessment, assessment_comment) values (?, ?, 'ronalpia', 'BASELINE', 'socle-kiif', 'ASSESSED', ?, 4, 'Bon départ.')
                """).params(applicationId, callId(), now).update();
        long evaluationId = jdbc.sql("select max(id) from impact_evaluation where application_id = ?").param(applicationId)
                .query(Long.class).single();
        jdbc.sql("""
                insert into impact_value (evaluation_id, indicator_id, value_number, implausible, updated_at)
                values (?, 'founder-confidence', 3, false, ?)""").params(evaluationId, now).update();
    }

    /** The seeded call's row in the list of programmes and calls; fails when it is missing. */
    private JsonNode callRow(JsonNode programmes) {
        for (JsonNode programme : programmes) {
            for (JsonNode call : programme.path("calls")) {
                if (call.path("id").asText().equals(callId())) {
                    return call;
                }
            }
        }
        throw new AssertionError("Call " + callId() + " missing from " + programmes);
    }

    private String callId() {
        return seeded.call().id();
    }

    private ResponseEntity<String> get(String user, String path) {
        return new StaffPages(http).get(user, path);
    }

    private String getPage(String user, String path) {
        return new StaffPages(http).page(user, path);
    }

    private JsonNode getJson(String user, String path) throws Exception {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }
}
