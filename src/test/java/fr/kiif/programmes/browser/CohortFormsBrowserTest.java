package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * In Debian's headless Chromium, the laureate's coach in the real Tasklist: fills and completes the
 * onboarding form (kickoff date, three objectives in the dynamic list, expected hours), then, once the
 * baseline impact is measured and the first check-in is due, fills and completes the check-in form.
 * The laureate comes from the real application process, as in CohortSupportProcessTest.
 */
class CohortFormsBrowserTest extends SpringTestBase {

    @LocalServerPort int port;
    @Autowired CohortFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired CallRepository calls;
    @Autowired ApplicationSubmissionService submissions;
    @Autowired ApplicationRepository applications;

    private WebDriver browser;
    private String base;
    private TasklistPage tasklist;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1280, 2000);
        base = "http://localhost:" + port;
        tasklist = new TasklistPage(browser, base);
    }

    @AfterEach
    void stopBrowser() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void coachFillsOnboardingAndCheckInInTasklist() throws Exception {
        String ref = fixtures.laureate(fixtures.supportCall(), "33");
        long applicationId = applications.findByReference(ref).orElseThrow().id();
        ProcessInstance pi = support(ref);
        Task onboarding = single(pi, "UserTask_Onboarding");
        String coach = onboarding.getAssignee();
        assertThat(coach).startsWith("atis-");

        // --- Onboarding in Tasklist
        tasklist.login(coach);
        tasklist.openTask(onboarding.getId(), "Lancement de l'accompagnement");
        assertThat(tasklist.bodyText()).contains(ref).contains("Plan d'accompagnement");
        tasklist.screenshot("tasklist-onboarding-form");
        tasklist.date("Datetime_Kickoff", "03/02/2026");
        for (int i = 0; i < 3; i++) {
            tasklist.type("Textfield_Objective_" + i, "Objectif navigateur " + (i + 1));
            tasklist.type("Textfield_Target_" + i, "Cible navigateur " + (i + 1));
            tasklist.type("Number_DueMonth_" + i, String.valueOf(i + 1));
        }
        tasklist.type("Number_ExpectedHours", "42");
        tasklist.screenshot("tasklist-onboarding-filled");
        tasklist.submitForm();
        waitUntilCompleted(onboarding.getId());

        List<Map<String, Object>> objectives = jdbc.sql(
                "select position, objective, target, due_month from support_objective where application_id = ? order by position")
                .param(applicationId).query().listOfRows();
        assertThat(objectives).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(((Number) objectives.get(i).get("position")).intValue()).isEqualTo(i + 1);
            assertThat(objectives.get(i).get("objective")).isEqualTo("Objectif navigateur " + (i + 1));
            assertThat(objectives.get(i).get("target")).isEqualTo("Cible navigateur " + (i + 1));
            assertThat(((Number) objectives.get(i).get("due_month")).intValue()).isEqualTo(i + 1);
        }
        assertThat(supportValue(ref, "status")).isEqualTo("ACTIVE");
        assertThat(supportValue(ref, "kickoff_date").toString()).isEqualTo("2026-03-02");
        assertThat(((Number) supportValue(ref, "expected_hours")).intValue()).isEqualTo(42);

        // --- The baseline impact measurement runs beside the support period: the first check-in falls due
        fire(pi, "Timer_CheckInDue");
        Task checkIn = single(pi, "UserTask_CheckIn");
        assertThat(checkIn.getAssignee()).isEqualTo(coach);

        tasklist.openTask(checkIn.getId(), "Point d'étape");
        tasklist.waitForText("Avancement des objectifs");
        assertThat(tasklist.field("Textfield_ProgressObjective_0").getAttribute("value")).isEqualTo("Objectif navigateur 1");
        assertThat(tasklist.field("Textfield_ProgressObjective_2").getAttribute("value")).isEqualTo("Objectif navigateur 3");
        tasklist.screenshot("tasklist-check-in-form");
        tasklist.chooseSelect("Select_Progress_0", "En cours");
        tasklist.chooseSelect("Select_Progress_1", "Atteint");
        tasklist.type("Textfield_ProgressComment_1", "Premier client signé.");
        tasklist.type("Number_SupportHours", "2.5");
        tasklist.chooseRadio("Radio_RiskLevel", "Moyen");
        tasklist.type("Textarea_NextSteps", "Préparer le comité de suivi.");
        tasklist.screenshot("tasklist-check-in-filled");
        tasklist.submitForm();
        waitUntilCompleted(checkIn.getId());

        List<Map<String, Object>> rows = jdbc.sql("select * from check_in where application_id = ? and done_at is not null")
                .param(applicationId).query().listOfRows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("coach_id")).isEqualTo(coach);
        assertThat(row.get("incubator_slug")).isEqualTo("atis");
        assertThat((BigDecimal) row.get("support_hours")).isEqualByComparingTo("2.5");
        assertThat(row.get("risk_level")).isEqualTo("MEDIUM");
        assertThat(row.get("next_steps")).isEqualTo("Préparer le comité de suivi.");
        assertThat(row.get("progress")).asString().contains("IN_PROGRESS").contains("ACHIEVED").contains("NOT_STARTED")
                .contains("Premier client signé.");
        tasklist.logout();
    }

    // --- engine side -----------------------------------------------------------------------------

    private Object supportValue(String ref, String column) {
        return jdbc.sql("select s." + column + " from laureate_support s join application a on a.id = s.application_id where a.reference = ?")
                .param(ref).query().singleValue();
    }

    private ProcessInstance support(String ref) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(ref).singleResult();
        assertThat(pi).as("cohort-support for " + ref).isNotNull();
        return pi;
    }

    private Task single(ProcessInstance pi, String activityId) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
        assertThat(tasks).as(activityId).hasSize(1);
        return tasks.get(0);
    }

    /** Moves the engine clock past the timer's due date and executes it. */
    private void fire(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().list().stream()
                .min(Comparator.comparing(Job::getDuedate)).orElseThrow(() -> new AssertionError("No timer " + activityId));
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        }
        managementService.executeJob(job.getId());
    }

    /** Tasklist's completion request is asynchronous to the test. */
    private void waitUntilCompleted(String taskId) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        tasklist.dump("cohort-not-completed");
        throw new AssertionError("Task " + taskId + " still open; page: " + tasklist.bodyText());
    }

}
