package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import fr.kiif.programmes.application.ApplicationForm;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.application.SubmissionResult;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.call.Criterion;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.call.process.CallLifecycle;
import fr.kiif.programmes.selection.ReviewCriteria;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.OutboxRows;

/**
 * In Debian's headless Chromium, the selection in the real Tasklist: the assigned reviewer fills and
 * completes the review form (Camunda Form), then a juror claims the call's deliberation, sees the
 * application in the table, decides in the dynamic list and completes. The engine side (publication,
 * submission, eligibility, closing the call, preparing the jury) runs through the services with the
 * engine clock moved, as in the process tests. Needs /usr/bin/chromium and /usr/bin/chromedriver.
 */
class ReviewAndJuryBrowserTest extends BrowserTestBase {

    private static final String REVIEW = "UserTask_ReviewApplication";

    @Autowired CallRepository calls;
    @Autowired CallLifecycle lifecycle;
    @Autowired ApplicationSubmissionService submissions;
    @Autowired ApplicationRepository applications;

    @Override
    int windowHeight() {
        return 2000;
    }

    @Test
    void reviewerCompletesTheReviewAndTheJuryDeliberatesInTasklist() throws Exception {
        // A short call of its own: one territorial reviewer, no cross review, one place at Atis, jury-1 on the jury.
        ProgrammeCall call = call();
        ProcessInstance callProcess = callInstance(call.id());
        managementService.executeJob(timer(callProcess, "Timer_CallOpens").getId());
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.OPEN);

        String organisation = "Structure " + UUID.randomUUID().toString().substring(0, 8);
        String project = "Veillées du Médoc " + UUID.randomUUID().toString().substring(0, 4);
        String reference = eligibleApplication(call, organisation, project);
        long applicationId = applications.findByReference(reference).orElseThrow().id();
        ProcessInstance application = applicationInstance(reference);

        // The call closes: its process waits for the reviews.
        ClockUtil.setCurrentTime(Date.from(call.closesAt().plusSeconds(1)));
        managementService.executeJob(timer(callProcess, "Timer_CallCloses").getId());
        engine.executeJobs(callProcess.getId());
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.SELECTION);

        Task review = taskService.createTaskQuery().processInstanceId(application.getId()).taskDefinitionKey(REVIEW)
                .singleResult();
        String reviewer = review.getAssignee();
        assertThat(reviewer).startsWith("atis-");

        // --- The reviewer in Tasklist
        tasklist.login(reviewer);
        tasklist.openTask(review.getId(), "Impact social : votre note");
        String page = bodyText();
        assertThat(page).contains("Évaluer la candidature " + reference).contains("territoriale")
                .contains(organisation).contains(project)
                .contains("Innovation : votre note").contains("Lien avec la thématique : votre note")
                .doesNotContain("Changement d'échelle : votre note");
        screenshot("tasklist-review-form");

        WebElement conflict = tasklist.field("Checkbox_Conflict");
        assertThat(conflict.isSelected()).isFalse();
        tasklist.chooseRadio("Radio_scoreSocialImpact", "4");
        tasklist.chooseRadio("Radio_scoreInnovation", "3");
        tasklist.chooseRadio("Radio_scoreTeam", "5");
        tasklist.chooseRadio("Radio_scoreEconomicModel", "2");
        tasklist.chooseRadio("Radio_scoreThemeFit", "4");
        tasklist.type("Textarea_ReviewComment", "Projet ancré dans son territoire ; le modèle économique reste à consolider.");
        tasklist.chooseRadio("Radio_Recommendation", "Sélectionner");
        screenshot("tasklist-review-filled");
        tasklist.complete();

        Map<String, Object> row = waitForRow("select * from review where application_id = ? and status = 'DONE'", applicationId);
        assertThat(row.get("reviewer_id")).isEqualTo(reviewer);
        assertThat(((Number) row.get("score_social_impact")).intValue()).isEqualTo(4);
        assertThat(((Number) row.get("score_innovation")).intValue()).isEqualTo(3);
        assertThat(((Number) row.get("score_team")).intValue()).isEqualTo(5);
        assertThat(((Number) row.get("score_economic_model")).intValue()).isEqualTo(2);
        assertThat(((Number) row.get("score_theme_fit")).intValue()).isEqualTo(4);
        assertThat(row.get("score_scaling")).isNull();
        assertThat(row.get("recommendation")).isEqualTo("SELECT");
        assertThat(row.get("review_comment")).asString().contains("modèle économique reste à consolider");
        // (4*3 + 3*2 + 5*2 + 2*1 + 4*1) / 9 = 34 / 9 = 3.78
        assertThat(jdbc.sql("select weighted_score from application_score where application_id = ?").param(applicationId)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("3.78");
        assertThat(applications.findById(applicationId).orElseThrow().status()).isEqualTo(ApplicationStatus.REVIEWED);
        tasklist.logout();

        // --- Every review is done: the coordination confirms the jury's agenda in Tasklist.
        engine.executeJobs(callProcess.getId());
        Task prepare = taskService.createTaskQuery().processInstanceId(callProcess.getId())
                .taskDefinitionKey("UserTask_PrepareJury").singleResult();
        assertThat(prepare).as("UserTask_PrepareJury after all reviews").isNotNull();
        tasklist.login("coordination-1");
        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + prepare.getId());
        tasklist.claim();
        tasklist.waitForText("Je confirme l'ordre du jour du jury");
        assertThat(bodyText()).contains("Préparer le jury").contains(call.id()).contains("1 candidature éligible, dont 1 évaluée");
        tasklist.jsClick(tasklist.field("Checkbox_AgendaConfirmed"));
        screenshot("tasklist-prepare-jury");
        tasklist.complete();
        waitUntilCompleted(prepare.getId(), "not-completed");
        tasklist.logout();
        Task deliberation = taskService.createTaskQuery().processInstanceId(callProcess.getId())
                .taskDefinitionKey("UserTask_JuryDeliberation").singleResult();
        assertThat(deliberation).isNotNull();
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.JURY);

        // --- The juror in Tasklist
        tasklist.login("jury-1");
        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + deliberation.getId());
        tasklist.claim();
        tasklist.waitForText("Candidatures soumises au jury");
        tasklist.waitForText(project);
        page = bodyText();
        assertThat(page).contains("Délibération du jury").contains(call.id()).contains(reference).contains(project)
                .contains("3,78").contains("Projet ancré dans son territoire").contains("Cohorte : 1 place");
        screenshot("tasklist-jury-form");

        // The form links to the jury's dossiers, which the Tasklist login opens; then back to the task.
        String dossiers = browser.findElement(By.linkText("Lire les dossiers complets des candidatures")).getAttribute("href");
        assertThat(dossiers).endsWith("/jury/appels/" + call.id());
        browser.get(dossiers);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Dossiers du jury"));
        assertThat(bodyText()).contains(reference, project, "Avis des évaluateurs", "Projet ancré dans son territoire");
        screenshot("jury-dossiers");
        tasklist.openTask(deliberation.getId(), "Candidatures soumises au jury");
        tasklist.waitForText(project);

        assertThat(tasklist.field("Textfield_ApplicationRef_0").getAttribute("value")).isEqualTo(reference);
        // A waitlist the call does not have: the server refuses, Tasklist shows why, the task stays open.
        tasklist.chooseSelect("Select_Decision_0", "Liste d'attente");
        tasklist.type("Number_WaitlistRank_0", "1");
        tasklist.submitForm();
        tasklist.waitForText("pour une liste de 0 place au plus");
        screenshot("tasklist-jury-refused");
        // Only the French reason: not the engine's English wrapping of a listener's exception.
        assertThat(bodyText()).doesNotContain("ENGINE-", "TaskListener", "Cannot submit task form");
        assertThat(taskService.createTaskQuery().taskId(deliberation.getId()).count()).isOne();

        // The jury reloads the task and decides again.
        browser.navigate().refresh();
        tasklist.waitForText(project);
        tasklist.chooseSelect("Select_Decision_0", "Sélectionnée");
        tasklist.type("Textarea_Rationale_0", "Le projet le mieux noté d'Atis.");
        screenshot("tasklist-jury-filled");
        tasklist.submitForm();

        waitUntilCompleted(deliberation.getId(), "not-completed");
        engine.executeJobs(callProcess.getId());
        Map<String, Object> decision = waitForRow("select * from jury_decision where application_id = ?", applicationId);
        assertThat(decision.get("decision")).isEqualTo("SELECTED");
        assertThat(decision.get("waitlist_rank")).isNull();
        assertThat(decision.get("rationale")).isEqualTo("Le projet le mieux noté d'Atis.");

        // The decision reached the application: its process ended with the welcome mail.
        assertThat(applications.findById(applicationId).orElseThrow().status()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(application.getId()).count()).isZero();
        List<OutboxRows.Mail> mails = OutboxRows.forApplication(jdbc, reference);
        assertThat(mails.get(mails.size() - 1).subject()).contains("sélectionné");
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.DECIDED);
    }

    // --- engine side -----------------------------------------------------------------------------

    private ProgrammeCall call() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        Map<String, Integer> weights = Map.of("socialImpact", 3, "innovation", 2, "team", 2, "economicModel", 1,
                "themeFit", 1, "scaling", 0);
        List<Criterion> criteria = new ArrayList<>();
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            criteria.add(new Criterion(criterion.code(), criterion.label(), "Repères.", weights.get(criterion.code())));
        }
        ProgrammeCall call = new ProgrammeCall("test-" + suffix, "fin-de-vie", "Fin de vie et deuil",
                "Appel navigateur " + suffix, "Un appel de test.", "Tout le monde.", "B" + suffix.substring(0, 6).toUpperCase(),
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofMinutes(10)), List.of("gironde", "lyon-ain"),
                EnumSet.allOf(LegalForm.class), EnumSet.allOf(Stage.class), Duration.ofDays(14), Duration.ofDays(10), criteria);
        calls.insert(call);
        calls.saveSelectionSettings(call.id(), new SelectionSettings(Map.of("atis", 1), 1, 0, 1, 0,
                Duration.ofDays(21), Duration.ofDays(3), Duration.ofDays(7), false, List.of("jury-1"),
                Duration.ofDays(60), Duration.ofDays(270), Duration.ofDays(28)));
        lifecycle.publish(call.id());
        return call;
    }

    private String eligibleApplication(ProgrammeCall call, String organisation, String project) {
        ApplicationForm form = ApplicationForms.valid("33", "jury-navigateur-" + UUID.randomUUID() + "@example.org");
        form.setOrganisationName(organisation);
        form.setSiret(null);
        form.setProjectTitle(project);
        SubmissionResult result = submissions.submit(call.id(), form, Optional.empty(), null);
        ProcessInstance pi = applicationInstance(result.reference());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        Task check = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_CheckEligibility")
                .singleResult();
        taskService.complete(check.getId(), Map.of("eligibilityOutcome", "ELIGIBLE"));
        return result.reference();
    }

    private ProcessInstance callInstance(String callId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CallLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey(callId).singleResult();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    /** The row written when Tasklist's completion went through (the request is asynchronous to the test). */
    private Map<String, Object> waitForRow(String sql, long applicationId) throws Exception {
        return waitFor(() -> jdbc.sql(sql).param(applicationId).query().listOfRows().stream().findFirst().orElse(null),
                "no-row", "No row for " + sql);
    }
}
