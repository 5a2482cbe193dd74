package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * One login, in Debian's headless Chromium: a coordinator opens the dashboard, logs in once on the French
 * login page, sees the call overview (screenshot under target/screenshots), follows the overdue task's link into
 * Tasklist and an application's link into Cockpit, and neither asks for a login again.
 */
class DashboardOneLoginBrowserTest extends SpringTestBase {

    @LocalServerPort int port;
    @Autowired CohortFixtures fixtures;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;

    private WebDriver browser;
    private WebDriverWait wait;
    private TasklistPage pages;
    private String base;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = HeadlessChromium.start(1280, 1600);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        base = "http://localhost:" + port;
        pages = new TasklistPage(browser, base);
    }

    @AfterEach
    void stopBrowser() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void coordinatorLogsInOnceThenOpensTasklistAndCockpitFromTheDashboard() throws Exception {
        ProgrammeCall call = fixtures.supportCall();
        String reference = overdueEligibilityCheck(call);

        // --- The dashboard asks for a login once, in French, then shows the overview.
        browser.get(base + "/pilotage/appels/" + call.id());
        wait.until(ExpectedConditions.urlContains("/connexion"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Se connecter");
        browser.findElement(By.id("username")).sendKeys("coordination-1");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.urlContains("/pilotage/appels/" + call.id()));
        pages.waitForText(call.title());
        pages.screenshot("pilotage-overview");

        // --- The overdue task's link opens it in Tasklist, without a login form.
        WebElement taskLink = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href*='/camunda/app/tasklist/default/#/?task=']")));
        String taskHref = taskLink.getAttribute("href");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(taskHref).endsWith("task=" + task.getId());
        browser.get(taskHref);
        pages.waitForText("Vérifier l'éligibilité");
        assertThat(browser.findElements(By.cssSelector("input[type='password']"))).isEmpty();
        pages.screenshot("pilotage-tasklist-task");

        // --- The application page's link opens its instance in Cockpit, without a login form either.
        browser.get(base + "/pilotage/candidatures/" + reference);
        pages.waitForText(reference);
        WebElement cockpitLink = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href*='/camunda/app/cockpit/default/#/process-instance/']")));
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("application").singleResult().getId();
        assertThat(cockpitLink.getAttribute("href")).contains(instanceId);
        browser.get(cockpitLink.getAttribute("href"));
        wait.until(driver -> driver.getCurrentUrl().contains(instanceId)
                && !driver.findElements(By.cssSelector(".process-instance, [cam-widget-bpmn-viewer], .ctn-main")).isEmpty());
        pages.waitForText(instanceId);
        List<WebElement> passwordFields = browser.findElements(By.cssSelector("input[type='password']"));
        assertThat(passwordFields).isEmpty();
        pages.screenshot("pilotage-cockpit-instance");
    }

    /** An application of the call whose eligibility check was due days ago. */
    private String overdueEligibilityCheck(ProgrammeCall call) {
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(20))));
        ProcessInstance pi = fixtures.submitted(call, "33");
        managementService.createJobQuery().processInstanceId(pi.getId()).executable().list()
                .forEach(job -> managementService.executeJob(job.getId()));
        ClockUtil.reset();
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_CheckEligibility")
                .singleResult();
        assertThat(task.getDueDate()).isBefore(new Date());
        return pi.getBusinessKey();
    }
}
