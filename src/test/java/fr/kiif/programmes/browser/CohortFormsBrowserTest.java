package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.support.CohortFixtures;

/**
 * In Debian's headless Chromium, the laureate's coach in the real Tasklist: fills and completes the
 * onboarding form (kickoff date, three objectives in the dynamic list, expected hours), then, once the
 * baseline impact is measured and the first check-in is due, fills and completes the check-in form.
 * The laureate comes from the real application process, as in CohortSupportProcessTest.
 */
class CohortFormsBrowserTest extends BrowserTestBase {

    @Autowired CohortFixtures fixtures;
    @Autowired ApplicationRepository applications;

    @Override
    int windowHeight() {
        return 2000;
    }

    @Test
    void coachFillsOnboardingAndCheckInInTasklist() throws Exception {
        String ref = fixtures.laureate(fixtures.supportCall(), "33");
        long applicationId = applications.findByReference(ref).orElseThrow().id();
        ProcessInstance pi = supportInstance(ref);
        Task onboarding = engine.task(pi.getId(), "UserTask_Onboarding");
        String coach = onboarding.getAssignee();
        assertThat(coach).startsWith("atis-");

        // --- Onboarding in Tasklist
        tasklist.login(coach);
        tasklist.openTask(onboarding.getId(), "Lancement de l'accompagnement");
        assertThat(bodyText()).contains(ref).contains("Plan d'accompagnement");
        screenshot("tasklist-onboarding-form");
        tasklist.date("Datetime_Kickoff", "03/02/2026");
        for (int i = 0; i < 3; i++) {
            tasklist.type("Textfield_Objective_" + i, "Objectif navigateur " + (i + 1));
            tasklist.type("Textfield_Target_" + i, "Cible navigateur " + (i + 1));
            tasklist.type("Number_DueMonth_" + i, String.valueOf(i + 1));
        }
        tasklist.type("Number_ExpectedHours", "42");
        screenshot("tasklist-onboarding-filled");
        tasklist.submitForm();
        waitUntilCompleted(onboarding.getId(), "cohort-not-completed");

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
        engine.runTimer(pi.getId(), "Timer_CheckInDue");
        Task checkIn = engine.task(pi.getId(), "UserTask_CheckIn");
        assertThat(checkIn.getAssignee()).isEqualTo(coach);

        tasklist.openTask(checkIn.getId(), "Point d'étape");
        tasklist.waitForText("Avancement des objectifs");
        assertThat(tasklist.field("Textfield_ProgressObjective_0").getAttribute("value")).isEqualTo("Objectif navigateur 1");
        assertThat(tasklist.field("Textfield_ProgressObjective_2").getAttribute("value")).isEqualTo("Objectif navigateur 3");
        screenshot("tasklist-check-in-form");
        tasklist.chooseSelect("Select_Progress_0", "En cours");
        tasklist.chooseSelect("Select_Progress_1", "Atteint");
        tasklist.type("Textfield_ProgressComment_1", "Premier client signé.");
        tasklist.type("Number_SupportHours", "2.5");
        tasklist.chooseRadio("Radio_RiskLevel", "Moyen");
        tasklist.type("Textarea_NextSteps", "Préparer le comité de suivi.");
        screenshot("tasklist-check-in-filled");
        tasklist.submitForm();
        waitUntilCompleted(checkIn.getId(), "cohort-not-completed");

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
}
