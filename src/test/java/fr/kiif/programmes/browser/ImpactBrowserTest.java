package fr.kiif.programmes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.impact.evaluation.Evaluation;
import fr.kiif.programmes.impact.evaluation.EvaluationStatus;
import fr.kiif.programmes.impact.evaluation.ImpactEvaluationService;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.ImpactEvaluations;
import fr.kiif.programmes.support.OutboxRows;

/**
 * In Debian's headless Chromium: a laureate answers the BASELINE impact questionnaire by the private link of
 * the mail, page by page (a French error, the answer kept when going back, the confirmation); the coach
 * assesses it in the real Tasklist (a value flagged implausible); a coordinator reads the call's impact
 * report, whose Chart.js charts must really draw.
 */
class ImpactBrowserTest extends BrowserTestBase {

    @Autowired CohortFixtures fixtures;
    @Autowired ImpactEvaluations impact;
    @Autowired ImpactEvaluationService service;

    @Test
    void laureateAnswersByPrivateLinkThenCoachFlagsAValueInTasklist() throws Exception {
        String ref = onboarded(fixtures.supportCall(), "33");
        Evaluation evaluation = impact.evaluation(ref, ImpactPhase.BASELINE);
        assertThat(evaluation.status()).isEqualTo(EvaluationStatus.SENT);
        Map<String, String> answers = impact.validAnswers(evaluation);

        // --- The laureate follows the link of the mail (the public base URL of the mail is not the test server's)
        String link = OutboxRows.forApplication(jdbc, ref).stream().filter(m -> m.subject().contains("questionnaire d'impact"))
                .reduce((a, b) -> b).orElseThrow().link("/impact/baseline");
        String path = link.substring(link.indexOf("/suivi/"));
        browser.get(base + path);
        waitForText("Étape 1 sur 3");
        assertThat(browser.getCurrentUrl()).endsWith(path + "/1");
        assertThat(bodyText()).contains("Questionnaire d'impact", ref, "La personne qui porte le projet", "Enregistrer et continuer");
        screenshot("impact-questionnaire-page-1");
        fillPage(answers);
        clickButton("Enregistrer et continuer");

        // Page 2: a letter in an integer gives the French error, what was typed is kept
        waitForText("Étape 2 sur 3");
        assertThat(bodyText()).contains("Prérempli d'après votre candidature");
        fillPage(answers);
        setText("team-size", "4a");
        clickButton("Enregistrer et continuer");
        waitForText("Vos réponses n'ont pas été enregistrées");
        assertThat(browser.getTitle()).startsWith("Erreur : ");
        WebElement error = browser.findElement(By.id("q-team-size-error"));
        assertThat(error.getText()).contains("Saisissez un nombre entier, sans virgule (par exemple 12).");
        assertThat(browser.findElement(By.id("q-team-size")).getAttribute("value")).isEqualTo("4a");
        assertThat(browser.findElement(By.id("q-team-size")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(bodyText()).contains("Nombre de personnes dans l'équipe : Saisissez un nombre entier");
        screenshot("impact-questionnaire-page-2-error");
        assertThat(service.values(impact.evaluation(ref, ImpactPhase.BASELINE))).doesNotContainKey("team-size");
        setText("team-size", "4");
        clickButton("Enregistrer et continuer");

        // Page 3, then back to page 2: the corrected answer was kept
        waitForText("Étape 3 sur 3");
        fillPage(answers);
        clickButton("Enregistrer et revenir");
        waitForText("Étape 2 sur 3");
        assertThat(browser.findElement(By.id("q-team-size")).getAttribute("value")).isEqualTo("4");
        assertThat(bodyText()).doesNotContain("Prérempli d'après votre candidature");
        clickButton("Enregistrer et continuer");
        waitForText("Étape 3 sur 3");
        assertThat(browser.findElement(By.cssSelector("input[name='territorial-cooperation'][value='"
                + answers.get("territorial-cooperation") + "']")).isSelected()).isTrue();
        screenshot("impact-questionnaire-page-3");
        clickButton("Envoyer mes réponses");

        waitForText("Merci, vos réponses au questionnaire d'impact ont bien été envoyées");
        assertThat(browser.getCurrentUrl()).doesNotContain("/impact/");
        assertThat(bodyText()).doesNotContain("Répondre au questionnaire");
        screenshot("impact-questionnaire-sent");
        Evaluation submitted = impact.evaluation(ref, ImpactPhase.BASELINE);
        assertThat(submitted.status()).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(service.values(submitted).get("team-size").number()).isEqualByComparingTo("4");

        // --- The coach assesses in Tasklist and flags the team size
        Task assess = impact.assessmentTask(ref, ImpactPhase.BASELINE);
        String coach = assess.getAssignee();
        assertThat(coach).startsWith("atis-");
        tasklist.login(coach);
        tasklist.openTask(assess.getId(), "Apprécier la mesure d'impact");
        tasklist.waitForText("Nombre de personnes dans l'équipe");
        assertThat(bodyText()).contains(ref, "Valeurs invraisemblables (facultatif)", "Voir les réponses");
        screenshot("tasklist-impact-assess-form");
        checkOption("Checklist_ImplausibleIndicators", "Nombre de personnes dans l'équipe");
        tasklist.type("Textarea_ImplausibleNote", "Quatre personnes, alors que le dossier en annonçait deux.");
        tasklist.chooseRadio("Radio_ContributionAssessment", "4");
        tasklist.type("Textarea_AssessmentComment", "L'accompagnement a aidé à structurer l'équipe.");
        screenshot("tasklist-impact-assess-filled");
        // Tasklist's own Complete button (no dynamic list in this form, so it is expected to be enabled).
        tasklist.complete();
        waitUntilCompleted(assess.getId(), "impact-assess-not-completed");

        Map<String, Object> row = jdbc.sql("""
                select e.status, e.contribution_assessment from impact_evaluation e join application a on a.id = e.application_id
                where a.reference = ? and e.phase = 'BASELINE'""").param(ref).query().singleRow();
        assertThat(row.get("status")).isEqualTo("ASSESSED");
        assertThat(((Number) row.get("contribution_assessment")).intValue()).isEqualTo(4);
        List<Map<String, Object>> flagged = jdbc.sql("""
                select v.indicator_id, v.implausible_note from impact_value v join impact_evaluation e on e.id = v.evaluation_id
                join application a on a.id = e.application_id where a.reference = ? and e.phase = 'BASELINE' and v.implausible""")
                .param(ref).query().listOfRows();
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0).get("indicator_id")).isEqualTo("team-size");
        assertThat(flagged.get(0).get("implausible_note")).isEqualTo("Quatre personnes, alors que le dossier en annonçait deux.");
        tasklist.logout();
    }

    @Test
    void coordinatorSeesTheCallReportWithChartsDrawn() throws Exception {
        ProgrammeCall call = fixtures.supportCall();
        List<String> laureates = List.of(onboarded(call, "33"), onboarded(call, "33"), onboarded(call, "69"));
        int[] confidenceAtEntry = {2, 3, 1};
        int[] confidenceAtEnd = {4, 4, 3};
        for (int i = 0; i < laureates.size(); i++) {
            answer(laureates.get(i), ImpactPhase.BASELINE, confidenceAtEntry[i], i);
            impact.assess(laureates.get(i), ImpactPhase.BASELINE);
        }
        for (int i = 0; i < laureates.size(); i++) {
            String ref = laureates.get(i);
            ProcessInstance support = supportInstance(ref);
            engine.runTimer(support.getId(), "Timer_MidTerm");
            taskService.complete(engine.task(support.getId(), "UserTask_MidTermReview").getId(),
                    Map.of("continueSupport", true, "midTermSummary", "Tout va bien."));
            impact.complete(ref, ImpactPhase.MIDTERM);
            engine.runTimer(support.getId(), "Timer_SupportEnd");
            taskService.complete(engine.task(support.getId(), "UserTask_FinalReview").getId(), Map.of("finalSummary", "Bilan positif.",
                    "objectivesReached", "[{\"reached\":true},{\"reached\":false,\"comment\":\"Reporté\"},{\"reached\":true}]"));
            answer(ref, ImpactPhase.FINAL, confidenceAtEnd[i], i + 2);
            impact.assess(ref, ImpactPhase.FINAL);
            assertThat(impact.evaluation(ref, ImpactPhase.FINAL).status()).isEqualTo(EvaluationStatus.ASSESSED);
        }

        // HTTP Basic for every request of the page (Chromium refuses user:password@ addresses)
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("coordination-1:demo".getBytes(StandardCharsets.UTF_8)))));

        browser.get(base + "/coordination/appels/" + call.id() + "/impact");
        waitForText("Rapport d'impact de l'appel");
        assertThat(bodyText()).contains(call.title(), "Tous les incubateurs", "Chiffres provisoires",
                "3 lauréat(s) avec au moins une évaluation validée par son coach",
                "3 mesure(s) à l'entrée, 3 mesure(s) en fin d'accompagnement",
                "Confiance dans sa capacité à mener le projet", "Par incubateur", "Par territoire", "Par lauréat",
                "Télécharger le rapport (PDF)");
        int charts = assertChartsDrawn();
        assertThat(charts).isGreaterThanOrEqualTo(3);
        // The contribution chart counts laureates: whole-number ticks only (no "0,5").
        Object ticks = ((JavascriptExecutor) browser).executeScript("return Chart.getChart(document.querySelector("
                + "'canvas[data-chart]')).scales.y.ticks.map(function (t) { return t.value; });");
        assertThat((List<?>) ticks).isNotEmpty().allSatisfy(t -> assertThat(((Number) t).doubleValue() % 1).isZero());
        fullPageScreenshot("impact-report-call");

        // An incubator's report and a laureate's page, through the links
        clickLink("Atis");
        waitForText("Rapport d'impact de l'incubateur");
        assertThat(bodyText()).contains("2 lauréat(s) avec au moins une évaluation validée par son coach");
        assertChartsDrawn();
        fullPageScreenshot("impact-report-incubator");

        clickLink(laureates.get(0));
        waitForText("Mesures d'impact – " + laureates.get(0));
        assertThat(bodyText()).contains("Appréciation du coach", "Confiance dans sa capacité à mener le projet");
        fullPageScreenshot("impact-report-laureate");
    }

    // --- browser side ----------------------------------------------------------------------------

    /** Every question of the page shown, answered with the valid answer (radios clicked, text replaced). */
    private void fillPage(Map<String, String> answers) {
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            List<WebElement> radios = browser.findElements(By.cssSelector("input[type='radio'][name='" + answer.getKey() + "']"));
            if (!radios.isEmpty()) {
                WebElement radio = radios.stream().filter(r -> answer.getValue().equals(r.getAttribute("value"))).findFirst()
                        .orElseThrow(() -> new AssertionError("No option " + answer + " on the page"));
                tasklist.jsClick(radio);
                assertThat(radio.isSelected()).as(answer.toString()).isTrue();
            } else if (!browser.findElements(By.name(answer.getKey())).isEmpty()) {
                setText(answer.getKey(), answer.getValue());
            }
        }
    }

    private void setText(String name, String value) {
        WebElement input = browser.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
        assertThat(input.getAttribute("value")).isEqualTo(value);
    }

    private void clickButton(String label) {
        clickAndWaitForNextPage(browser.findElement(By.xpath("//button[normalize-space(.)=\"" + label + "\"]")));
    }

    private void clickLink(String text) {
        clickAndWaitForNextPage(browser.findElement(By.partialLinkText(text)));
    }

    /**
     * Clicks, then waits for the next document to be loaded. A mark left on the current window tells the pages
     * apart (ChromeDriver 156 answers "unknown error" rather than "stale element" for a node of a previous page,
     * so Selenium's stalenessOf cannot be used).
     */
    private void clickAndWaitForNextPage(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.kiifPreviousPage = true;");
        element.click();
        wait.until(driver -> Boolean.TRUE.equals(js.executeScript(
                "return window.kiifPreviousPage === undefined && document.readyState === 'complete';")));
    }

    /** A form-js checklist option, by its label. */
    private void checkOption(String componentId, String label) throws Exception {
        List<WebElement> boxes = wait.until(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector("input[type='checkbox'][id*='-" + componentId + "-']"));
            return found.isEmpty() ? null : found;
        });
        WebElement box = boxes.stream().filter(b -> browser.findElement(By.cssSelector("label[for='" + b.getAttribute("id") + "']"))
                .getText().trim().startsWith(label + " :")).findFirst()
                .orElseThrow(() -> new AssertionError("No option " + label + " among " + boxes.size()));
        tasklist.jsClick(box);
        wait.until(driver -> box.isSelected());
    }

    /** Every chart canvas of the page holds a Chart.js instance and has drawn pixels; returns their number. */
    private int assertChartsDrawn() throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        try {
            wait.until(driver -> Boolean.TRUE.equals(js.executeScript("""
                    var canvases = document.querySelectorAll('canvas[data-chart]');
                    if (canvases.length === 0 || typeof Chart === 'undefined') return false;
                    return Array.prototype.every.call(canvases, function (c) {
                      var chart = Chart.getChart(c);
                      if (!chart || c.width === 0 || c.height === 0) return false;
                      var data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                      for (var i = 3; i < data.length; i += 4) { if (data[i] !== 0) return true; }
                      return false;
                    });""")));
        } catch (TimeoutException e) {
            dump("impact-charts-not-drawn");
            throw new AssertionError("Charts not drawn: " + js.executeScript("""
                    return Array.prototype.map.call(document.querySelectorAll('canvas[data-chart]'), function (c) {
                      return (typeof Chart !== 'undefined' && Chart.getChart(c) ? 'chart ' : 'none ') + c.width + 'x' + c.height;
                    }).join(', ') + ' / Chart: ' + typeof Chart;"""), e);
        }
        return ((Number) js.executeScript("return document.querySelectorAll('canvas[data-chart]').length;")).intValue();
    }

    private void waitForText(String text) throws Exception {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        } catch (TimeoutException e) {
            dump("impact-missing-text");
            throw new AssertionError("Missing \"" + text + "\" in: " + bodyText(), e);
        }
    }

    // --- engine side -----------------------------------------------------------------------------

    /** A laureate of the call whose coach completed the onboarding: the BASELINE evaluation is sent. */
    private String onboarded(ProgrammeCall call, String departement) {
        String ref = fixtures.laureate(call, departement);
        Map<String, Object> plan = new HashMap<>();
        plan.put("kickoffDate", "2026-03-02");
        plan.put("supportObjectives", "[{\"objective\":\"A\",\"target\":\"a\",\"dueMonth\":1},"
                + "{\"objective\":\"B\",\"target\":\"b\",\"dueMonth\":2},{\"objective\":\"C\",\"target\":\"c\",\"dueMonth\":3}]");
        plan.put("expectedSupportHours", 30);
        taskService.complete(engine.task(supportInstance(ref).getId(), "UserTask_Onboarding").getId(), plan);
        return ref;
    }

    /** The laureate's valid answers with some figures varied, saved and sent. */
    private void answer(String ref, ImpactPhase phase, int confidence, int teamSize) {
        Evaluation evaluation = impact.evaluation(ref, phase);
        Map<String, String> answers = new HashMap<>(impact.validAnswers(evaluation));
        answers.put("founder-confidence", Integer.toString(confidence));
        if (answers.containsKey("team-size")) {
            answers.put("team-size", Integer.toString(teamSize + 1));
        }
        assertThat(service.saveByLaureate(evaluation, service.indicators(evaluation), answers)).isEmpty();
        assertThat(service.submitByLaureate(impact.evaluation(ref, phase), ref)).isEmpty();
    }
}
