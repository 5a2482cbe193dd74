package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.support.CohortFixtures;

/**
 * One login, in Debian's headless Chromium: a coordinator opens the dashboard, logs in once on the French
 * login page, sees the call overview (screenshot under target/screenshots), follows the overdue task's link into
 * Tasklist and an application's link into Cockpit, and neither asks for a login again.
 */
class DashboardOneLoginBrowserTest extends BrowserTestBase {

    @Autowired CohortFixtures fixtures;

    @Test
    void coordinatorLogsInOnceThenOpensTasklistAndCockpitFromTheDashboard() throws Exception {
        ProgrammeCall call = fixtures.supportCall();
        String reference = overdueEligibilityCheck(call);

        // --- The dashboard asks for a login once, in French, then shows the overview.
        browser.get(base + "/pilotage/appels/" + call.id());
        wait.until(ExpectedConditions.urlContains("/connexion"));
        assertThat(bodyText()).contains("Se connecter");
        browser.findElement(By.id("username")).sendKeys("coordination-1");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.urlContains("/pilotage/appels/" + call.id()));
        tasklist.waitForText(call.title());
        screenshot("pilotage-overview");

        // --- The overdue task's link opens it in Tasklist, without a login form.
        WebElement taskLink = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href*='/camunda/app/tasklist/default/#/?task=']")));
        String taskHref = taskLink.getAttribute("href");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(taskHref).endsWith("task=" + task.getId());
        browser.get(taskHref);
        tasklist.waitForText("Vérifier l'éligibilité");
        assertThat(browser.findElements(By.cssSelector("input[type='password']"))).isEmpty();
        screenshot("pilotage-tasklist-task");

        // --- The application page's link opens its instance in Cockpit, without a login form either.
        browser.get(base + "/pilotage/candidatures/" + reference);
        tasklist.waitForText(reference);
        WebElement cockpitLink = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href*='/camunda/app/cockpit/default/#/process-instance/']")));
        String instanceId = applicationInstance(reference).getId();
        assertThat(cockpitLink.getAttribute("href")).contains(instanceId);
        browser.get(cockpitLink.getAttribute("href"));
        wait.until(driver -> driver.getCurrentUrl().contains(instanceId)
                && !driver.findElements(By.cssSelector(".process-instance, [cam-widget-bpmn-viewer], .ctn-main")).isEmpty());
        tasklist.waitForText(instanceId);
        List<WebElement> passwordFields = browser.findElements(By.cssSelector("input[type='password']"));
        assertThat(passwordFields).isEmpty();
        // Cockpit speaks French too (our locales/fr.json), whatever the browser's language.
        JsonNode french = new ObjectMapper().readTree(getClass().getClassLoader()
                .getResource("META-INF/resources/webjars/camunda/app/cockpit/locales/fr.json")).get("labels");
        assertThat(bodyText()).contains(french.get("DASHBOARD_DASHBOARD").asText(), french.get("COCKPIT_HUMAN_TASKS").asText())
                .doesNotContain("Dashboard", "Human Tasks");
        screenshot("pilotage-cockpit-instance");
    }

    /** An application of the call whose eligibility check was due days ago. */
    private String overdueEligibilityCheck(ProgrammeCall call) {
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(20))));
        ProcessInstance pi = fixtures.submitted(call, "33");
        engine.executeJobs(pi.getId());
        ClockUtil.reset();
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_CheckEligibility")
                .singleResult();
        assertThat(task.getDueDate()).isBefore(new Date());
        return pi.getBusinessKey();
    }
}
