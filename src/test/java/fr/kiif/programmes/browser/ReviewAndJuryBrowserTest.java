package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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
import fr.kiif.programmes.support.SpringTestBase;

/**
 * In Debian's headless Chromium, the selection in the real Tasklist: the assigned reviewer fills and
 * completes the review form (Camunda Form), then a juror claims the call's deliberation, sees the
 * application in the table, decides in the dynamic list and completes. The engine side (publication,
 * submission, eligibility, closing the call, preparing the jury) runs through the services with the
 * engine clock moved, as in the process tests. Needs /usr/bin/chromium and /usr/bin/chromedriver.
 */
class ReviewAndJuryBrowserTest extends SpringTestBase {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String REVIEW = "UserTask_ReviewApplication";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired CallRepository calls;
    @Autowired CallLifecycle lifecycle;
    @Autowired ApplicationSubmissionService submissions;
    @Autowired ApplicationRepository applications;

    private WebDriver browser;
    private WebDriverWait wait;
    private String base;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1280, 2000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        base = "http://localhost:" + port;
    }

    @AfterEach
    void stopBrowser() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
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
        executeJobs(callProcess);
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.SELECTION);

        Task review = taskService.createTaskQuery().processInstanceId(application.getId()).taskDefinitionKey(REVIEW)
                .singleResult();
        String reviewer = review.getAssignee();
        assertThat(reviewer).startsWith("atis-");

        // --- The reviewer in Tasklist
        login(reviewer);
        openTask(review.getId(), "Impact social : votre note");
        String page = bodyText();
        assertThat(page).contains("Évaluer la candidature " + reference).contains("territoriale")
                .contains(organisation).contains(project)
                .contains("Innovation : votre note").contains("Lien avec la thématique : votre note")
                .doesNotContain("Changement d'échelle : votre note");
        screenshot("tasklist-review-form");

        WebElement conflict = field("Checkbox_Conflict");
        assertThat(conflict.isSelected()).isFalse();
        chooseRadio("Radio_scoreSocialImpact", "4");
        chooseRadio("Radio_scoreInnovation", "3");
        chooseRadio("Radio_scoreTeam", "5");
        chooseRadio("Radio_scoreEconomicModel", "2");
        chooseRadio("Radio_scoreThemeFit", "4");
        type("Textarea_ReviewComment", "Projet ancré dans son territoire ; le modèle économique reste à consolider.");
        chooseRadio("Radio_Recommendation", "Sélectionner");
        screenshot("tasklist-review-filled");
        complete();

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
        logout();

        // --- Every review is done: the coordination confirms the jury's agenda in Tasklist.
        executeJobs(callProcess);
        Task prepare = taskService.createTaskQuery().processInstanceId(callProcess.getId())
                .taskDefinitionKey("UserTask_PrepareJury").singleResult();
        assertThat(prepare).as("UserTask_PrepareJury after all reviews").isNotNull();
        login("coordination-1");
        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + prepare.getId());
        claim();
        waitForText("Je confirme l'ordre du jour du jury");
        assertThat(bodyText()).contains("Préparer le jury").contains(call.id()).contains("1 candidature éligible, dont 1 évaluée");
        jsClick(field("Checkbox_AgendaConfirmed"));
        screenshot("tasklist-prepare-jury");
        complete();
        waitUntilCompleted(prepare.getId());
        logout();
        Task deliberation = taskService.createTaskQuery().processInstanceId(callProcess.getId())
                .taskDefinitionKey("UserTask_JuryDeliberation").singleResult();
        assertThat(deliberation).isNotNull();
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.JURY);

        // --- The juror in Tasklist
        login("jury-1");
        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + deliberation.getId());
        claim();
        waitForText("Candidatures soumises au jury");
        waitForText(project);
        page = bodyText();
        assertThat(page).contains("Délibération du jury").contains(call.id()).contains(reference).contains(project)
                .contains("3,78").contains("Projet ancré dans son territoire").contains("Cohorte : 1 place");
        screenshot("tasklist-jury-form");

        assertThat(field("Textfield_ApplicationRef_0").getAttribute("value")).isEqualTo(reference);
        // A waitlist the call does not have: the server refuses, Tasklist shows why, the task stays open.
        chooseSelect("Select_Decision_0", "Liste d'attente");
        type("Number_WaitlistRank_0", "1");
        submitForm();
        waitForText("pour une liste de 0 place au plus");
        screenshot("tasklist-jury-refused");
        assertThat(taskService.createTaskQuery().taskId(deliberation.getId()).count()).isOne();

        // The jury reloads the task and decides again.
        browser.navigate().refresh();
        waitForText(project);
        chooseSelect("Select_Decision_0", "Sélectionnée");
        type("Textarea_Rationale_0", "Le projet le mieux noté d'Atis.");
        screenshot("tasklist-jury-filled");
        submitForm();

        waitUntilCompleted(deliberation.getId());
        executeJobs(callProcess);
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

    private ProcessInstance applicationInstance(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("application")
                .processInstanceBusinessKey(reference).singleResult();
    }

    private ProcessInstance callInstance(String callId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CallLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey(callId).singleResult();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    /** Runs the process's due asynchronous jobs (not its future timers) until there is none. */
    private void executeJobs(ProcessInstance pi) {
        for (int round = 0; round < 200; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list()
                    .stream().filter(job -> job.getExceptionMessage() == null).toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming for " + pi.getId());
    }

    /** Tasklist's completion request is asynchronous to the test. */
    private void waitUntilCompleted(String taskId) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        dump("not-completed");
        throw new AssertionError("Task " + taskId + " still open; page: " + bodyText());
    }

    /** The row written when Tasklist's completion went through (the request is asynchronous to the test). */
    private Map<String, Object> waitForRow(String sql, long applicationId) throws Exception {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> rows = jdbc.sql(sql).param(applicationId).query().listOfRows();
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            Thread.sleep(200);
        }
        dump("no-row");
        throw new AssertionError("No row for " + sql + "; page: " + bodyText());
    }

    // --- browser side ----------------------------------------------------------------------------

    private void login(String user) {
        browser.get(base + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type='password']")));
        browser.findElement(By.cssSelector("input[ng-model='username'], input#username, input[autocomplete='username']"))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
    }

    private void logout() {
        jsClick(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.logout a"))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type='password']")));
    }

    private void openTask(String taskId, String expected) throws Exception {
        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
        waitForText(expected);
    }

    private void waitForText(String text) throws Exception {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        } catch (TimeoutException e) {
            dump("missing-text");
            throw e;
        }
    }

    /** A form-js field by its component id (form-js prefixes ids with the form's own id). */
    private WebElement field(String componentId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-" + componentId + "']")));
    }

    /** Types into a form-js text field and lets its debounced change reach the form's state. */
    private void type(String componentId, String text) throws Exception {
        WebElement input = field(componentId);
        input.click();
        input.sendKeys(text);
        wait.until(driver -> text.equals(input.getAttribute("value")));
        Thread.sleep(600);
    }

    /** A radio option by the start of its label (form-js does not render the option's value). */
    private void chooseRadio(String componentId, String label) {
        List<WebElement> inputs = browser.findElements(By.cssSelector("input[type='radio'][id*='-" + componentId + "-']"));
        WebElement input = inputs.stream().filter(i -> browser.findElement(By.cssSelector("label[for='" + i.getAttribute("id") + "']"))
                        .getText().trim().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No radio " + label + " for " + componentId + " among " + inputs.size()));
        jsClick(input);
        assertThat(input.isSelected()).as(componentId + "=" + label).isTrue();
    }

    /** form-js' select is a drop-down: clear it, open it and click the option's label. */
    private void chooseSelect(String componentId, String label) throws Exception {
        WebElement group = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@id, '" + componentId + "')]/ancestor::div[contains(@class, 'fjs-form-field')][1]")));
        List<WebElement> cross = group.findElements(By.cssSelector(".fjs-select-cross"));
        if (!cross.isEmpty()) {
            cross.get(0).click();
            Thread.sleep(300);
        }
        // The drop-down toggles on mouse down; clearing may already have opened it.
        By items = By.cssSelector(".fjs-dropdownlist-item");
        for (int attempt = 0; attempt < 3 && group.findElements(items).isEmpty(); attempt++) {
            group.findElement(By.cssSelector(".fjs-select-display")).click();
            Thread.sleep(300);
        }
        try {
            WebElement option = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space(.)=\"" + label + "\"]")));
            option.click();
            wait.until(ExpectedConditions.textToBePresentInElement(group, label));
        } catch (TimeoutException e) {
            dump("select-" + componentId);
            throw e;
        }
    }

    private void claim() {
        jsClick(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[ng-click='claim()']"))));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click='unclaim()']")));
    }

    /**
     * The form's own submit button. Tasklist 7.24 keeps its "Complete" button disabled once a field of a
     * dynamic list changed (form-js leaves an empty error entry for the list, which Tasklist counts as an
     * error); form-js' submit validates the whole form again, then Tasklist completes the task.
     */
    private void submitForm() {
        jsClick(browser.findElement(By.cssSelector("button.fjs-button[type='submit']")));
    }

    private void complete() throws Exception {
        WebElement button;
        try {
            button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
        } catch (TimeoutException e) {
            dump("complete-disabled");
            Object state = ((JavascriptExecutor) browser).executeScript("""
                    var s = angular.element(document.querySelector("button[ng-click='complete()']")).scope();
                    return JSON.stringify({invalid: s.$invalid, options: s.options, removed: s.taskRemoved,
                        inProgress: s.completeInProgress});""");
            throw new AssertionError("Complete stays disabled: " + state, e);
        }
        button.click();
    }

    private String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void jsClick(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }

    private void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private void dump(String name) throws Exception {
        screenshot(name);
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
    }
}
