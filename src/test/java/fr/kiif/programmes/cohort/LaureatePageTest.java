package fr.kiif.programmes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.application.AccessTokens;
import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.call.DemoCallSeeder;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.web.PageClient;

class LaureatePageTest extends SpringTestBase {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationSubmissionService submissions;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    WithdrawalService withdrawals;

    PageClient client;
    SupportRows rows;

    @BeforeEach
    void setUp() {
        client = new PageClient(port);
        rows = new SupportRows(jdbc);
    }

    private Application laureate(String status) {
        Application application = SupportRows.submit(submissions, applications, DemoCallSeeder.CALL_ID,
                "Lauréat " + UUID.randomUUID());
        rows.support(application.id(), application.callId(), "atis", "atis-1", status, LocalDate.of(2027, 3, 1),
                Instant.parse("2027-04-12T08:00:00Z"));
        return application;
    }

    @Test
    void privatePageShowsThePlanPastCheckInsAndNextCheckInButNoRiskLevel() {
        Application application = laureate("ACTIVE");
        long id = application.id();
        rows.objective(id, 2, "Recruter 10 bénévoles", "10 bénévoles formés", 6);
        rows.objective(id, 1, "Trouver un lieu d'accueil", "Un bail signé", 3);
        rows.objective(id, 3, "Lancer un financement participatif", "15 000 € collectés", 9);
        rows.checkIn(id, "atis-1", "atis", Instant.parse("2027-03-08T08:00:00Z"), Instant.parse("2027-03-09T10:00:00Z"),
                "2.50", "HIGH", "Rencontrer la mairie de Bègles");
        rows.checkIn(id, "atis-1", "atis", Instant.parse("2027-04-05T08:00:00Z"), Instant.parse("2027-04-06T10:00:00Z"),
                "1.00", "LOW", "Préparer la campagne");
        rows.checkIn(id, "atis-1", "atis", Instant.parse("2027-05-03T08:00:00Z"), null, null, null, null);
        String token = tokens.issue(id);

        HttpResponse<String> page = client.get("/suivi/" + token);

        assertThat(page.statusCode()).isEqualTo(200);
        String html = text(page);
        assertThat(html).contains("Votre accompagnement", "En accompagnement", "Démarrage", "1er mars 2027",
                "Prochain point d'étape", "12 avril 2027", "Votre plan d'accompagnement",
                "Trouver un lieu d'accueil", "Un bail signé", "Mois 3", "Recruter 10 bénévoles", "10 bénévoles formés", "Mois 6",
                "15 000 € collectés", "Mois 9", "Points d'étape passés", "9 mars 2027", ">2,5</span> h d'accompagnement",
                "Rencontrer la mairie de Bègles", "6 avril 2027", ">1</span> h d'accompagnement", "Préparer la campagne",
                "Me retirer du programme", "href=\"/suivi/" + token + "/retrait\"");
        assertThat(html.indexOf("Trouver un lieu d'accueil")).isLessThan(html.indexOf("Recruter 10 bénévoles"));
        assertThat(html.indexOf("6 avril 2027")).isLessThan(html.indexOf("9 mars 2027"));
        assertThat(html).doesNotContain("HIGH", "LOW", "Risque", "risque", "note interne", "atis-1", "3 mai 2027");
    }

    @Test
    void pageWithoutSupportRecordShowsNoSupportSectionAndWithdrawalIsRefused() {
        Application application = SupportRows.submit(submissions, applications, DemoCallSeeder.CALL_ID,
                "Pas lauréat " + UUID.randomUUID());
        String token = tokens.issue(application.id());

        assertThat(text(client.get("/suivi/" + token))).doesNotContain("Votre accompagnement", "Me retirer du programme");
        HttpResponse<String> form = client.get("/suivi/" + token + "/retrait");
        assertThat(form.statusCode()).isEqualTo(409);
        assertThat(text(form)).contains("<html lang=\"fr\"", "Votre accompagnement n'est pas en cours");
        assertThat(client.postForm("/suivi/" + token + "/retrait", Map.of("reason", "Départ", "confirm", "true"))
                .statusCode()).isEqualTo(409);
    }

    @Test
    void finishedSupportShowsTheRecordWithoutWithdrawalNorNextCheckIn() {
        Application application = laureate("FINISHED");
        rows.objective(application.id(), 1, "Ouvrir le café", "Ouverture au public", 8);
        String token = tokens.issue(application.id());

        String html = text(client.get("/suivi/" + token));
        assertThat(html).contains("Accompagnement terminé", "Ouvrir le café", "Aucun point d'étape pour le moment.")
                .doesNotContain("Me retirer du programme", "Prochain point d'étape");
        assertThat(client.get("/suivi/" + token + "/retrait").statusCode()).isEqualTo(409);
    }

    @Test
    void emptyPlanIsAnnounced() {
        Application application = laureate("ONBOARDING");
        String html = text(client.get("/suivi/" + tokens.issue(application.id())));
        assertThat(html).contains("Démarrage de l'accompagnement", "Votre plan d'accompagnement sera affiché ici",
                "Me retirer du programme");
    }

    @Test
    void badTokensGive404OnTheWithdrawalPages() {
        String bad = "/suivi/" + "y".repeat(43) + "/retrait";
        HttpResponse<String> get = client.get(bad);
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(text(get)).contains("Ce lien n'est pas valide ou a expiré");
        assertThat(client.postForm(bad, Map.of("reason", "Départ", "confirm", "true")).statusCode()).isEqualTo(404);
    }

    @Test
    void withdrawalFormRequiresAReasonAndTheConfirmation() {
        Application application = laureate("ACTIVE");
        String path = "/suivi/" + tokens.issue(application.id()) + "/retrait";

        HttpResponse<String> form = client.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(text(form)).contains("<h1>Me retirer du programme</h1>", application.reference(), "<label for=\"reason\">",
                "type=\"checkbox\"", "Je confirme vouloir me retirer du programme", "Confirmer mon retrait");

        HttpResponse<String> empty = client.postForm(path, Map.of("reason", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(text(empty)).contains("role=\"alert\"", "href=\"#reason\">Indiquez le motif de votre retrait.",
                "href=\"#confirm\">Cochez la case pour confirmer votre retrait du programme.");

        HttpResponse<String> unconfirmed = client.postForm(path, Map.of("reason", "Nous déménageons à Lille."));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(text(unconfirmed)).contains("Cochez la case pour confirmer", "Nous déménageons à Lille.</textarea>")
                .doesNotContain("Indiquez le motif");

        HttpResponse<String> tooLong = client.postForm(path, Map.of("reason", "a".repeat(2001), "confirm", "true"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(text(tooLong)).contains("2 000 caractères au maximum.");
    }

    @Test
    void confirmedWithdrawalWithoutAWaitingProcessIsRefusedWith409() {
        Application application = laureate("ACTIVE");
        String path = "/suivi/" + tokens.issue(application.id()) + "/retrait";

        HttpResponse<String> post = client.postForm(path, Map.of("reason", "Nous arrêtons le projet.", "confirm", "true"));

        assertThat(post.statusCode()).isEqualTo(409);
        assertThat(text(post)).contains("Cette candidature n'est pas en cours d'accompagnement");
    }

    @Test
    void confirmedWithdrawalIsSentToTheCohortSupportProcess() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(WithdrawalService.PROCESS_KEY)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("ReceiveTask_Withdrawn").message(WithdrawalService.MESSAGE)
                .userTask("UserTask_AfterWithdrawal")
                .endEvent()
                .done();
        Deployment deployment = repositoryService.createDeployment().name("laureate-page-test")
                .addModelInstance("test-cohort-support.bpmn", model).deploy();
        try {
            String definitionId = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
                    .singleResult().getId();
            Application application = laureate("ACTIVE");
            ProcessInstance instance = runtimeService.startProcessInstanceById(definitionId, application.reference());
            String token = tokens.issue(application.id());

            HttpResponse<String> post = client.postForm("/suivi/" + token + "/retrait",
                    Map.of("reason", "  Nous rejoignons un autre programme.  ", "confirm", "true"));

            assertThat(post.statusCode()).isEqualTo(302);
            assertThat(post.headers().firstValue("Location").orElseThrow()).endsWith("/suivi/" + token);
            assertThat(text(client.follow(post))).contains("Votre retrait du programme a bien été enregistré");
            assertThat(runtimeService.getVariables(instance.getId())).containsEntry("withdrawalReason",
                    "Nous rejoignons un autre programme.").containsEntry("withdrawnBy", "LAUREATE");
            assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId())
                    .activityId("UserTask_AfterWithdrawal").count()).isEqualTo(1);

            // The message is no longer awaited: a second withdrawal is refused.
            assertThatThrownBy(() -> withdrawals.withdraw(application.reference(), "Encore", "COACH"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("pas en cours d'accompagnement");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void withdrawalServiceChecksItsArguments() {
        assertThatThrownBy(() -> withdrawals.withdraw("X-1", " ", "LAUREATE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Indiquez le motif du retrait.");
        assertThatThrownBy(() -> withdrawals.withdraw("X-1", "Motif", "JURY")).isInstanceOf(IllegalArgumentException.class);
    }

    static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }
}
