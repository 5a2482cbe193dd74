package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.support.OutboxRows;
import fr.kiif.programmes.support.TestPdfs;

/**
 * In Debian's headless Chromium: an applicant submits the public form with a PDF and opens the
 * tracking link; the routed incubator's staff member logs into Tasklist and sees the eligibility
 * form with the application's data, and opens the uploaded PDF from the form's link. Needs /usr/bin/chromium and /usr/bin/chromedriver
 * (installed by .ci/run).
 */
class ApplicantToTasklistBrowserTest extends BrowserTestBase {

    @Test
    void applicantSubmitsWithAPdfAndTheRoutedStaffSeesTheEligibilityForm() throws Exception {
        String email = "navigateur-" + UUID.randomUUID() + "@example.org";
        Path pdf = Files.createTempFile("dossier", ".pdf");
        Files.write(pdf, TestPdfs.minimal());

        browser.get(base + "/");
        browser.findElement(By.partialLinkText("Fin de vie et deuil")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText("Candidater"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("organisationName")));

        type("organisationName", "Les Passeurs du Médoc");
        new Select(browser.findElement(By.name("legalForm"))).selectByValue("ASSOCIATION");
        new Select(browser.findElement(By.name("departement"))).selectByValue("33");
        type("contact.firstName", "Inès");
        type("contact.lastName", "Martin");
        type("contact.email", email);
        type("contact.phone", "06 01 02 03 04");
        type("projectTitle", "Café mortel du Médoc");
        type("summary", "Des cafés mortels itinérants dans les villages du Médoc.");
        type("socialNeed", "Isolement des personnes endeuillées en zone rurale.");
        type("beneficiaries", "Personnes endeuillées et aidants.");
        click(By.cssSelector("input[name='stage'][value='LAUNCH']"));
        clear("teamSize");
        type("teamSize", "2");
        clear("fundingToDate");
        type("fundingToDate", "15000");
        type("supportNeeds", "Modèle économique et partenariats.");
        type("themeFit", "Parler de la mort et du deuil au plus près des habitants.");
        browser.findElement(By.name("pitchDeck")).sendKeys(pdf.toAbsolutePath().toString());
        click(By.name("consent"));
        screenshot("application-form");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();

        WebElement confirmation = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        wait.until(ExpectedConditions.textMatches(By.tagName("main"), java.util.regex.Pattern.compile("FDV26-\\d{4}")));
        String reference = java.util.regex.Pattern.compile("FDV26-\\d{4}").matcher(confirmation.getText()).results()
                .findFirst().orElseThrow().group();
        screenshot("confirmation");

        List<OutboxRows.Mail> mails = OutboxRows.forApplication(jdbc, reference);
        assertThat(mails).hasSize(1);
        String trackingPath = mails.get(0).link("/suivi/").replaceFirst("^https?://[^/]+", "");
        browser.get(base + trackingPath);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), reference));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Déposée").contains("Café mortel du Médoc");
        screenshot("tracking");

        // Routing runs as a job: the test executes it (no job executor in tests).
        String processInstanceId = applicationInstance(reference).getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .singleResult().getId());
        String taskId = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();

        tasklist.login("atis-1");
        tasklist.openTask(taskId, "Votre décision");
        tasklist.waitForText("Café mortel du Médoc");
        String page = bodyText();
        assertThat(page).contains("Vérifier l'éligibilité").contains(reference).contains("Les Passeurs du Médoc")
                .contains("Recommandation des règles").contains("Éligible : la candidature passe à l'évaluation");
        screenshot("tasklist-eligibility-form");
        // Tasklist itself speaks French (our locales/fr.json), whatever the browser's language.
        JsonNode french = new ObjectMapper().readTree(getClass().getClassLoader()
                .getResource("META-INF/resources/webjars/camunda/app/tasklist/locales/fr.json")).get("labels");
        assertThat(page).contains(french.get("SET_FOLLOW_UP_DATE").asText(), french.get("COMMENT_CREATE").asText(),
                french.get("HISTORY").asText()).doesNotContain("Set follow-up date", "Add Comment");

        // The form links to the uploaded PDF; the Tasklist login is enough to list and download it.
        WebElement documentsLink = browser.findElement(By.linkText("Documents joints à la candidature"));
        assertThat(documentsLink.getAttribute("href")).endsWith("/pilotage/candidatures/" + reference + "/documents");
        browser.get(documentsLink.getAttribute("href"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Documents de la candidature"));
        WebElement file = browser.findElement(By.partialLinkText(pdf.getFileName().toString()));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Présentation du projet");
        screenshot("documents-from-tasklist");
        Object bytes = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
                    .then(b => done(b.byteLength), e => done('failed ' + e));""", file.getAttribute("href"));
        assertThat(bytes).isEqualTo((long) TestPdfs.minimal().length);
    }

    private void type(String name, String text) {
        browser.findElement(By.name(name)).sendKeys(text);
    }

    private void clear(String name) {
        browser.findElement(By.name(name)).clear();
    }

    private void click(By by) {
        tasklist.jsClick(browser.findElement(by));
    }
}
