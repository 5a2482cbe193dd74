package fr.kiif.programmes.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.call.DemoCallSeeder;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.web.PageClient;
import fr.kiif.programmes.web.PageClient.FilePart;

class TrackingPagesTest extends SpringTestBase {

    static final String MISSING = "Il manque le budget prévisionnel de l'année 2026.";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationSubmissionService submissions;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    EligibilityCheckService eligibility;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    PageClient client;

    @BeforeEach
    void setUp() {
        client = new PageClient(port);
    }

    @Test
    void trackingPageShowsStatusTimelineNotesAndDocumentsButNothingInternal() {
        Application application = submit("Suivi " + UUID.randomUUID(), true);
        eligibility.recordDecision(application.reference(), EligibilityCheckService.INCOMPLETE, MISSING);
        String token = tokens.issue(application.id());

        HttpResponse<String> page = client.get("/suivi/" + token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        String html = text(page);
        assertThat(html).contains("<html lang=\"fr\"", application.reference(), application.projectTitle(),
                "Appel à solutions « Fin de vie et deuil » 2026", "Statut actuel",
                ApplicationStatus.COMPLETION_REQUESTED.label(), "<ol class=\"timeline\">",
                ApplicationStatus.SUBMITTED.label(), MISSING, "presentation.pdf",
                "href=\"/suivi/" + token + "/complement\"");
        assertThat(html.indexOf(ApplicationStatus.SUBMITTED.label()))
                .isLessThan(html.lastIndexOf(ApplicationStatus.COMPLETION_REQUESTED.label()));
        assertThat(html).doesNotContain("incubator-", "Camille", "camille.durand@example.fr", "score");
    }

    @Test
    void trackingPageWithoutCompletionRequestOffersNoCompletion() {
        Application application = submit("Sans complément " + UUID.randomUUID(), false);
        String token = tokens.issue(application.id());

        HttpResponse<String> page = client.get("/suivi/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page)).contains(ApplicationStatus.SUBMITTED.label(), "Aucun document.")
                .doesNotContain("/complement");

        HttpResponse<String> completion = client.get("/suivi/" + token + "/complement");
        assertThat(completion.statusCode()).isEqualTo(409);
        assertThat(text(completion)).contains("Cette demande de complément est close");

        HttpResponse<String> answer = client.postForm("/suivi/" + token + "/complement", Map.of("answer", "Voici."));
        assertThat(answer.statusCode()).isEqualTo(409);
    }

    @Test
    void unknownOrExpiredTokenGivesTheFrench404() {
        HttpResponse<String> unknown = client.get("/suivi/" + "x".repeat(43));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(text(unknown)).contains("<html lang=\"fr\"", "Ce lien n'est pas valide ou a expiré");

        Application application = submit("Lien expiré " + UUID.randomUUID(), false);
        String expired = "e" + UUID.randomUUID().toString().replace("-", "") + "expiredtoken";
        jdbc.sql("insert into access_token (token_hash, application_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(AccessTokens.hash(expired), application.id(),
                        Instant.parse("2024-01-01T00:00:00Z").atOffset(ZoneOffset.UTC),
                        Instant.parse("2025-01-01T00:00:00Z").atOffset(ZoneOffset.UTC))
                .update();
        assertThat(client.get("/suivi/" + expired).statusCode()).isEqualTo(404);
        assertThat(client.get("/suivi/" + expired + "/complement").statusCode()).isEqualTo(404);
        assertThat(client.postForm("/suivi/" + expired + "/complement", Map.of("answer", "Voici.")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void completionPageShowsTheRequestAndReportsErrorsKeepingTheText() {
        Application application = submit("Erreurs complément " + UUID.randomUUID(), false);
        eligibility.recordDecision(application.reference(), EligibilityCheckService.INCOMPLETE, MISSING);
        String path = "/suivi/" + tokens.issue(application.id()) + "/complement";

        HttpResponse<String> form = client.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(text(form)).contains(MISSING, "<label for=\"answer\">Votre réponse", "maxlength=\"5000\"",
                "<label for=\"document\">", "PDF, 10 Mo maximum");

        HttpResponse<String> blank = client.postForm(path, Map.of("answer", "  "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(text(blank)).contains("role=\"alert\"", "href=\"#answer\">Écrivez votre réponse à la demande de complément.",
                "aria-describedby=\"answer-hint answer-error\"");

        HttpResponse<String> notPdf = client.postMultipart(path, Map.of("answer", "Voici le budget demandé."),
                Map.of("document", new FilePart("budget.pdf", "application/pdf", "pas un pdf".getBytes(StandardCharsets.UTF_8))));
        assertThat(notPdf.statusCode()).isEqualTo(400);
        assertThat(text(notPdf)).contains(PdfChecker.NOT_A_PDF, "Voici le budget demandé.</textarea>");

        HttpResponse<String> tooLong = client.postForm(path, Map.of("answer", "a".repeat(5001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(text(tooLong)).contains("5 000 caractères au maximum.");
    }

    @Test
    void answerWhenTheProcessNoLongerAwaitsItIsRefusedWith409() {
        Application application = submit("Complément clos " + UUID.randomUUID(), false);
        // Recorded, but the process does not wait for the answer (its delay ran out, for instance).
        eligibility.recordDecision(application.reference(), EligibilityCheckService.INCOMPLETE, MISSING);
        String path = "/suivi/" + tokens.issue(application.id()) + "/complement";

        HttpResponse<String> answer = client.postForm(path, Map.of("answer", "Voici le budget."));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(text(answer)).contains("Cette demande de complément est close");
        assertThat(applications.findById(application.id()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.COMPLETION_REQUESTED);
    }

    @Test
    void answerToAnAwaitedCompletionGoesBackToTheIncubator() {
        Application application = submit("Complément attendu " + UUID.randomUUID(), false);
        String reference = application.reference();
        String processId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
        for (Job job : managementService.createJobQuery().processInstanceId(processId).executable().list()) {
            managementService.executeJob(job.getId());
        }
        Task check = taskService.createTaskQuery().processInstanceId(processId).taskDefinitionKey("UserTask_CheckEligibility")
                .singleResult();
        taskService.complete(check.getId(), Map.of("eligibilityOutcome", EligibilityCheckService.INCOMPLETE,
                "eligibilityComment", MISSING));
        String token = tokens.issue(application.id());

        HttpResponse<String> answer = client.postMultipart("/suivi/" + token + "/complement",
                Map.of("answer", "Voici le budget prévisionnel."),
                Map.of("document", new FilePart("budget.pdf", "application/pdf", PageClient.pdf())));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/suivi/" + token);
        HttpResponse<String> tracking = client.follow(answer);
        assertThat(text(tracking)).contains("votre complément a bien été reçu", ApplicationStatus.COMPLETION_RECEIVED.label(),
                "budget.pdf").doesNotContain("/complement\"");
        assertThat(eligibility.openCompletionRequest(application.id())).isEmpty();
        assertThat(taskService.createTaskQuery().processInstanceId(processId).taskDefinitionKey("UserTask_CheckEligibility")
                .count()).isEqualTo(1);
    }

    private Application submit(String title, boolean withPdf) {
        ApplicationForm form = ApplicationForms.valid("33", "camille.durand@example.fr");
        form.setProjectTitle(title);
        Optional<UploadedPdf> pdf = withPdf ? Optional.of(new UploadedPdf("presentation.pdf", PageClient.pdf())) : Optional.empty();
        SubmissionResult result = submissions.submit(DemoCallSeeder.CALL_ID, form, pdf, null);
        return applications.findByReference(result.reference()).orElseThrow();
    }

    static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }
}
