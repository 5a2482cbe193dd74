package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.support.EngineSteps;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * Base of the browser tests: a fresh headless Chromium per test against the application on its random port,
 * the Tasklist helper, screenshots, and the engine look-ups and waits the tests share. No annotation of its own,
 * so the tests keep the one application context of {@link SpringTestBase}.
 */
abstract class BrowserTestBase extends SpringTestBase {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired EngineSteps engine;

    WebDriver browser;
    WebDriverWait wait;
    String base;
    TasklistPage tasklist;

    /** The window's height; tests of long Tasklist forms ask for more so that their screenshots show the form whole. */
    int windowHeight() {
        return 1600;
    }

    @BeforeEach
    void startBrowser() throws IOException {
        browser = HeadlessChromium.start(1280, windowHeight());
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        base = "http://localhost:" + port;
        tasklist = new TasklistPage(browser, wait, base);
    }

    @AfterEach
    void stopBrowser() {
        // Tests move the engine clock; the next test of the shared context must not inherit it.
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    // --- browser side ----------------------------------------------------------------------------

    String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** target/screenshots/{name}.png: the browser's window. */
    void screenshot(String name) throws IOException {
        Screenshots.save(browser, name);
    }

    /** target/screenshots/{name}.png: the whole page, beyond the window's height. */
    void fullPageScreenshot(String name) throws IOException {
        Screenshots.saveFullPage(browser, name);
    }

    /** target/screenshots/{name}.png and .html, to see why a wait failed. */
    void dump(String name) throws IOException {
        Screenshots.dump(browser, name);
    }

    // --- engine side -----------------------------------------------------------------------------

    ProcessInstance applicationInstance(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("application")
                .processInstanceBusinessKey(reference).singleResult();
    }

    ProcessInstance supportInstance(String reference) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(reference).singleResult();
        assertThat(pi).as("cohort-support for " + reference).isNotNull();
        return pi;
    }

    /** Tasklist's completion request is asynchronous to the test; {@code dumpName} names the page dump if it never lands. */
    void waitUntilCompleted(String taskId, String dumpName) throws IOException {
        waitFor(() -> taskService.createTaskQuery().taskId(taskId).count() == 0, dumpName, "Task " + taskId + " still open");
    }

    /**
     * Polls the probe for 20 seconds until it gives a value other than null or false (what a request from the
     * browser wrote), and returns it; otherwise dumps the page and fails with {@code failure} and the page's text.
     */
    <T> T waitFor(Supplier<T> probe, String dumpName, String failure) throws IOException {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200)).until(driver -> probe.get());
        } catch (TimeoutException e) {
            dump(dumpName);
            throw new AssertionError(failure + "; page: " + bodyText(), e);
        }
    }
}
