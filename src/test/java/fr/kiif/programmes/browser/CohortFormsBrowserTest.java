package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
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
import org.openqa.selenium.Keys;
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
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.application.SubmissionResult;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.Criterion;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.selection.ReviewCriteria;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * In Debian's headless Chromium, the laureate's coach in the real Tasklist: fills and completes the
 * onboarding form (kickoff date, three objectives in the dynamic list, expected hours), then, once the
 * baseline impact is measured and the first check-in is due, fills and completes the check-in form.
 * The laureate comes from the real application process, as in CohortSupportProcessTest.
 */
class CohortFormsBrowserTest extends SpringTestBase {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired CallRepository calls;
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
    void coachFillsOnboardingAndCheckInInTasklist() throws Exception {
        String ref = laureate(call());
        long applicationId = applications.findByReference(ref).orElseThrow().id();
        ProcessInstance pi = support(ref);
        Task onboarding = single(pi, "UserTask_Onboarding");
        String coach = onboarding.getAssignee();
        assertThat(coach).startsWith("atis-");

        // --- Onboarding in Tasklist
        login(coach);
        openTask(onboarding.getId(), "Lancement de l'accompagnement");
        assertThat(bodyText()).contains(ref).contains("Plan d'accompagnement");
        screenshot("tasklist-onboarding-form");
        date("Datetime_Kickoff", "03/02/2026");
        for (int i = 0; i < 3; i++) {
            type("Textfield_Objective_" + i, "Objectif navigateur " + (i + 1));
            type("Textfield_Target_" + i, "Cible navigateur " + (i + 1));
            type("Number_DueMonth_" + i, String.valueOf(i + 1));
        }
        type("Number_ExpectedHours", "42");
        screenshot("tasklist-onboarding-filled");
        submitForm();
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

        // --- Baseline impact measured, the first check-in falls due
        runtimeService.createMessageCorrelation("ImpactMeasured").processInstanceBusinessKey(ref).correlate();
        fire(pi, "Timer_CheckInDue");
        Task checkIn = single(pi, "UserTask_CheckIn");
        assertThat(checkIn.getAssignee()).isEqualTo(coach);

        openTask(checkIn.getId(), "Point d'étape");
        waitForText("Avancement des objectifs");
        assertThat(field("Textfield_ProgressObjective_0").getAttribute("value")).isEqualTo("Objectif navigateur 1");
        assertThat(field("Textfield_ProgressObjective_2").getAttribute("value")).isEqualTo("Objectif navigateur 3");
        screenshot("tasklist-check-in-form");
        chooseSelect("Select_Progress_0", "En cours");
        chooseSelect("Select_Progress_1", "Atteint");
        type("Textfield_ProgressComment_1", "Premier client signé.");
        type("Number_SupportHours", "2.5");
        chooseRadio("Radio_RiskLevel", "Moyen");
        type("Textarea_NextSteps", "Préparer le comité de suivi.");
        screenshot("tasklist-check-in-filled");
        submitForm();
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
        logout();
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

    /** A laureate: submitted, eligible, reviewed, then selected as the call process does. */
    private String laureate(ProgrammeCall call) {
        ApplicationForm form = ApplicationForms.valid("33", "coach-navigateur-" + UUID.randomUUID() + "@example.org");
        form.setOrganisationName("Structure " + UUID.randomUUID());
        form.setSiret(null);
        SubmissionResult result = submissions.submit(call.id(), form, Optional.empty(), null);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(result.reference())
                .processDefinitionKey("application").singleResult();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        taskService.complete(single(pi, "UserTask_CheckEligibility").getId(), Map.of("eligibilityOutcome", "ELIGIBLE"));
        Map<String, Object> review = new HashMap<>();
        review.put("conflictOfInterest", false);
        review.put("scoreSocialImpact", 4);
        review.put("scoreInnovation", 4);
        review.put("scoreTeam", 4);
        review.put("scoreEconomicModel", 4);
        review.put("scoreThemeFit", 4);
        review.put("reviewComment", "Solide.");
        review.put("recommendation", "SELECT");
        taskService.complete(single(pi, "UserTask_ReviewApplication").getId(), review);
        Map<String, Object> decision = new HashMap<>();
        decision.put("decision", "SELECTED");
        decision.put("waitlistRank", null);
        runtimeService.createMessageCorrelation("SelectionDecision").processInstanceBusinessKey(result.reference())
                .setVariables(decision).correlate();
        return result.reference();
    }

    private ProgrammeCall call() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        List<Criterion> criteria = new ArrayList<>();
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            criteria.add(new Criterion(criterion.code(), criterion.label(), "Repères.", criterion.code().equals("scaling") ? 0 : 1));
        }
        ProgrammeCall call = new ProgrammeCall("test-" + suffix, "fin-de-vie", "Fin de vie et deuil",
                "Appel cohorte navigateur " + suffix, "Un appel de test.", "Tout le monde.", "K" + suffix.substring(0, 6).toUpperCase(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), List.of("gironde", "lyon-ain"),
                EnumSet.allOf(LegalForm.class), EnumSet.allOf(Stage.class), Duration.ofDays(14), Duration.ofDays(10), criteria);
        calls.insert(call);
        calls.saveSelectionSettings(call.id(), new SelectionSettings(Map.of("atis", 2, "ronalpia", 2), 4, 4, 1, 0,
                Duration.ofDays(21), Duration.ofDays(3), Duration.ofDays(7), false, List.of(), Duration.ofDays(60),
                Duration.ofDays(90), Duration.ofDays(28)));
        return call;
    }

    /** Tasklist's completion request is asynchronous to the test. */
    private void waitUntilCompleted(String taskId) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        dump("cohort-not-completed");
        throw new AssertionError("Task " + taskId + " still open; page: " + bodyText());
    }

    /** form-js' date picker (flatpickr, typed input): type the date, then leave the field so it is parsed. */
    private void date(String componentId, String text) throws Exception {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[id*='-" + componentId + "']")));
        input.click();
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        Thread.sleep(600);
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
            dump("cohort-missing-text");
            throw e;
        }
    }

    /** A form-js field by its component id (form-js prefixes ids with the form's own id). */
    private WebElement field(String componentId) throws Exception {
        try {
            return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-" + componentId + "']")));
        } catch (TimeoutException e) {
            dump("cohort-field-" + componentId);
            throw e;
        }
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
            dump("cohort-select-" + componentId);
            throw e;
        }
    }

    /**
     * The form's own submit button. Tasklist 7.24 keeps its "Complete" button disabled once a field of a
     * dynamic list changed (form-js leaves an empty error entry for the list, which Tasklist counts as an
     * error); form-js' submit validates the whole form again, then Tasklist completes the task.
     */
    private void submitForm() {
        jsClick(browser.findElement(By.cssSelector("button.fjs-button[type='submit']")));
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
