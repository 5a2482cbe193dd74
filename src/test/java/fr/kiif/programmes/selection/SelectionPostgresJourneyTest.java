package fr.kiif.programmes.selection;

import static fr.kiif.programmes.support.EngineSteps.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.support.EngineSteps;
import fr.kiif.programmes.support.JourneyMails;
import fr.kiif.programmes.support.PostgresTestBase;
import fr.kiif.programmes.support.SelectionJourney;
import fr.kiif.programmes.support.SelectionJourney.PublishedCall;
import jakarta.mail.internet.MimeMessage;

/**
 * The selection journey on a real PostgreSQL, through the HTTP APIs where people act: a coordinator
 * creates and publishes a call (coordination API), 30 applicants submit over three incubators
 * (public API), the routed staff check eligibility, every reviewer completes their own reviews
 * (engine REST API: one recusal with a replacement, one disagreement), the coordination prepares the
 * jury, the jury deliberates (an invalid set first), the decisions reach the applicants by mail
 * (GreenMail) and the tracking pages, and the minutes PDF can be read.
 */
class SelectionPostgresJourneyTest extends PostgresTestBase {

    private static final String REVIEW = "UserTask_ReviewApplication";
    /** The call's incubators and a département of each one's territory. */
    private static final Map<String, String> DEPARTEMENTS = new LinkedHashMap<>(Map.of("atis", "33", "ronalpia", "69", "adress", "76"));
    private static final List<String> INCUBATORS = List.of("atis", "ronalpia", "adress");
    private static final Map<String, Integer> QUOTAS = Map.of("atis", 2, "ronalpia", 2, "adress", 2);
    private static final int COHORT = 5;
    private static final int WAITLIST = 3;

    @Autowired ProcessEngine processEngine;
    @Autowired SelectionJourney selection;
    @Autowired EngineSteps engine;
    @Autowired JourneyMails mails;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired CallRepository calls;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    /** One applicant of the journey (as submitted) and what happens to them. */
    private static final class Applicant {
        final int index;
        final String incubator;
        final String email;
        final String organisation;
        final String reference;
        final String processInstanceId;
        boolean eligible = true;
        BigDecimal expectedScore;
        boolean disagreement;
        String decision;
        Integer waitlistRank;

        Applicant(String incubator, SelectionJourney.Applicant submitted) {
            this.incubator = incubator;
            this.index = submitted.index();
            this.email = submitted.email();
            this.organisation = submitted.organisation();
            this.reference = submitted.reference();
            this.processInstanceId = submitted.processInstanceId();
        }
    }

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void thirtyApplicationsOverThreeIncubatorsThroughEligibilityReviewsJuryAndDecisions() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }

        // --- The coordination creates and publishes the call through its API; it opens at once.
        PublishedCall call = selection.publishCall("pg-", body -> {
            body.put("title", "Parcours PostgreSQL " + body.get("id"));
            body.put("description", "Un appel du parcours de sélection sur PostgreSQL.");
            body.put("incubators", INCUBATORS);
            body.put("quotas", QUOTAS);
            body.put("cohortSize", COHORT);
            body.put("waitlistSize", WAITLIST);
        });
        String callId = call.id();
        assertThat(call.created().get("status").asText()).isEqualTo("PUBLISHED");
        String callTitle = call.created().get("title").asText();

        ProcessInstance callPi = call.process();
        assertThat(callPi).isWaitingAt("Timer_CallOpens");
        selection.openCall(call);
        assertThat(callPi).hasPassed("ServiceTask_OpenCall").isWaitingAt("ReceiveTask_CallOpen");
        assertThat(calls.status(callId)).isEqualTo(CallStatus.OPEN);

        // --- 30 applications through the public API, ten per incubator.
        List<Applicant> applicants = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String incubator = INCUBATORS.get(i % 3);
            applicants.add(new Applicant(incubator, selection.submit(callId, i, DEPARTEMENTS.get(incubator))));
        }
        applicants.forEach(a -> engine.executeJobs(a.processInstanceId));

        // --- Eligibility, by the routed incubator's staff in the engine REST API; two are not eligible,
        // one of them decided only after every score is in.
        Applicant late = applicants.get(14);
        late.eligible = false;
        applicants.get(3).eligible = false;
        for (Applicant applicant : applicants) {
            if (applicant != late) {
                checkEligibility(applicant);
            }
        }
        applicants.forEach(a -> engine.executeJobs(a.processInstanceId));
        List<Applicant> eligible = applicants.stream().filter(a -> a.eligible).toList();
        assertThat(eligible).hasSize(28);

        // Every eligible application has two territorial reviewers of its incubator and one cross reviewer.
        for (Applicant applicant : eligible) {
            assertThat(selection.status(applicant.reference)).isEqualTo(ApplicationStatus.IN_REVIEW);
            List<Map<String, Object>> rows = reviewRows(applicant);
            assertThat(rows).as(applicant.reference).hasSize(3);
            assertThat(rows).filteredOn(r -> "TERRITORIAL".equals(r.get("kind"))).extracting(r -> (String) r.get("reviewer_id"))
                    .containsExactlyInAnyOrder(applicant.incubator + "-1", applicant.incubator + "-2");
            assertThat(rows).filteredOn(r -> "CROSS".equals(r.get("kind"))).singleElement()
                    .satisfies(r -> assertThat((String) r.get("reviewer_id")).doesNotStartWith(applicant.incubator + "-"));
        }

        // --- The call closes (engine clock): selection, waiting for the reviews.
        selection.closeCall(call);
        assertThat(callPi).hasPassed("ServiceTask_StartSelection").isWaitingAt("Gateway_AwaitReviews");
        assertThat(calls.status(callId)).isEqualTo(CallStatus.SELECTION);

        // --- Every reviewer completes their own reviews through the engine REST API.
        Applicant recusedOn = eligible.get(0);
        Applicant disputed = eligible.get(1);
        disputed.disagreement = true;
        String recusedReviewer = null;
        Map<String, String> taskOwners = new HashMap<>();
        Map<String, List<String>> disputedReviews = new LinkedHashMap<>();
        Map<String, Applicant> byProcess = eligible.stream().collect(Collectors.toMap(a -> a.processInstanceId, a -> a));
        for (int round = 0; round < 5; round++) {
            List<Task> open = taskService.createTaskQuery().processInstanceIdIn(byProcess.keySet().toArray(String[]::new))
                    .taskDefinitionKey(REVIEW).list();
            if (open.isEmpty()) {
                break;
            }
            Map<String, List<Task>> byReviewer = open.stream().collect(Collectors.groupingBy(Task::getAssignee));
            for (Map.Entry<String, List<Task>> entry : byReviewer.entrySet()) {
                String reviewer = entry.getKey();
                // The reviewer sees these tasks as theirs.
                Set<String> visible = new java.util.HashSet<>();
                engine.queryTasks(reviewer, "assignee=" + reviewer + "&taskDefinitionKey=" + REVIEW + "&maxResults=2000")
                        .forEach(t -> visible.add(t.get("id").asText()));
                for (Task task : entry.getValue()) {
                    assertThat(visible).contains(task.getId());
                    taskOwners.put(task.getId(), reviewer);
                    Applicant applicant = byProcess.get(task.getProcessInstanceId());
                    Map<String, Object> body;
                    if (applicant == recusedOn && recusedReviewer == null && "CROSS".equals(openReviewKind(applicant, reviewer))) {
                        recusedReviewer = reviewer;
                        body = Map.of("conflictOfInterest", value(true),
                                "recusalReason", value("J'ai accompagné cette structure l'an dernier."));
                    } else if (applicant == disputed) {
                        List<String> done = disputedReviews.computeIfAbsent("order", k -> new ArrayList<>());
                        int[] scores = switch (done.size()) {
                            case 0 -> new int[] {5, 5};
                            case 1 -> new int[] {2, 2};
                            default -> new int[] {4, 4};
                        };
                        String recommendation = switch (done.size()) {
                            case 0 -> "SELECT";
                            case 1 -> "REJECT";
                            default -> "DISCUSS";
                        };
                        done.add(reviewer);
                        body = SelectionJourney.review(scores[0], scores[1],
                                "Avis " + recommendation.toLowerCase() + " sur " + applicant.organisation + ".", recommendation);
                    } else {
                        body = SelectionJourney.review(socialImpact(applicant), otherCriteria(applicant),
                                "Retour pour le projet " + applicant.index + " : " + comment(applicant), recommendation(applicant));
                    }
                    engine.completeOk(reviewer, task.getId(), body);
                }
            }
            eligible.forEach(a -> engine.executeJobs(a.processInstanceId));
        }
        assertThat(taskService.createTaskQuery().processInstanceIdIn(byProcess.keySet().toArray(String[]::new))
                .taskDefinitionKey(REVIEW).count()).isZero();
        assertThat(taskOwners).hasSize(28 * 3 + 1);

        // The recusal was recorded and a replacement from another incubator reviewed instead.
        assertThat(recusedReviewer).isNotNull();
        List<Map<String, Object>> recusedRows = reviewRows(recusedOn);
        String recused = recusedReviewer;
        assertThat(recusedRows).extracting(r -> r.get("reviewer_id") + ":" + r.get("kind") + ":" + r.get("status"))
                .hasSize(4).contains(recused + ":CROSS:RECUSED");
        Map<String, Object> replacement = recusedRows.stream()
                .filter(r -> "CROSS".equals(r.get("kind")) && "DONE".equals(r.get("status"))).findFirst().orElseThrow();
        assertThat((String) replacement.get("reviewer_id")).isNotEqualTo(recused)
                .doesNotStartWith(recusedOn.incubator + "-");
        assertThat(recusedRows).filteredOn(r -> "RECUSED".equals(r.get("status"))).singleElement()
                .satisfies(r -> assertThat(r.get("recusal_reason")).isEqualTo("J'ai accompagné cette structure l'an dernier."));

        // --- Scores: one row per eligible application, weighted by the call's criteria; one disagreement.
        for (Applicant applicant : eligible) {
            applicant.expectedScore = applicant == disputed ? new BigDecimal("3.67") : weighted(applicant);
            Map<String, Object> score = jdbc.sql("select weighted_score, disagreement from application_score where application_id = ?")
                    .param(applicationId(applicant)).query().singleRow();
            assertThat((BigDecimal) score.get("weighted_score")).as(applicant.reference).isEqualByComparingTo(applicant.expectedScore);
            assertThat(score.get("disagreement")).as(applicant.reference).isEqualTo(applicant.disagreement);
            assertThat(selection.status(applicant.reference)).isEqualTo(ApplicationStatus.REVIEWED);
        }
        assertThat(jdbc.sql("select count(*) from application_score s join application a on a.id = s.application_id where a.call_id = ?")
                .param(callId).query(Integer.class).single()).isEqualTo(28);

        // --- Every score is in, but one eligibility check is still open: the call keeps waiting.
        engine.executeJobs(callPi.getId());
        assertThat(callPi).isWaitingAt("Gateway_AwaitReviews");
        assertThat(selection.status(late.reference)).isEqualTo(ApplicationStatus.IN_CHECK);
        // It ends as not eligible: nothing is left to review, before the deadline.
        checkEligibility(late);
        engine.executeJobs(late.processInstanceId);
        for (Applicant applicant : applicants) {
            if (!applicant.eligible) {
                assertThat(selection.status(applicant.reference)).isEqualTo(ApplicationStatus.INELIGIBLE);
                assertThat(reviewRows(applicant)).isEmpty();
            }
        }
        engine.executeJobs(callPi.getId());
        assertThat(callPi).hasPassed("Event_AllReviewsDone").hasNotPassed("Timer_ReviewDeadline").isWaitingAt("UserTask_PrepareJury");
        String callTasks = "processInstanceId=" + callPi.getId();
        JsonNode prepare = engine.singleTask("coordination-1", callTasks);
        assertThat(prepare.get("taskDefinitionKey").asText()).isEqualTo("UserTask_PrepareJury");
        assertThat((String) runtimeService.getVariable(callPi.getId(), "preparationSummary"))
                .contains("28 candidatures éligibles, dont 28 évaluées");
        assertThat(engine.queryTasks("jury-1", callTasks)).isEmpty();
        engine.completeOk("coordination-1", prepare.get("id").asText(), Map.of("agendaConfirmed", value(true)));
        engine.executeJobs(callPi.getId());
        assertThat(callPi).isWaitingAt("UserTask_JuryDeliberation");
        assertThat(calls.status(callId)).isEqualTo(CallStatus.JURY);

        // --- The jury deliberates: a set beyond a quota is refused in French and the task stays open.
        JsonNode deliberation = engine.singleTask("jury-2", callTasks);
        assertThat(deliberation.get("taskDefinitionKey").asText()).isEqualTo("UserTask_JuryDeliberation");
        assertThat(engine.queryTasks("atis-1", callTasks)).isEmpty();
        String deliberationId = deliberation.get("id").asText();
        JsonNode juryRefs = engine.read(runtimeService.getVariable(callPi.getId(), "juryApplicationRefs").toString());
        assertThat(juryRefs).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(eligible.stream().map(a -> a.reference).toList());

        decide(eligible);
        List<Map<String, Object>> tooMany = decisions(eligible);
        Applicant extraAtis = eligible.stream().filter(a -> a.incubator.equals("atis") && "REJECTED".equals(a.decision))
                .findFirst().orElseThrow();
        tooMany.stream().filter(d -> d.get("applicationRef").equals(extraAtis.reference)).forEach(d -> {
            d.put("decision", "SELECTED");
            d.put("rationale", null);
        });
        String refusal = engine.completeRefused("jury-2", deliberationId, selection.juryDecisions(tooMany));
        assertThat(refusal).contains("Incubateur Atis : 3 candidatures sélectionnées pour un quota de 2.")
                .contains("6 candidatures sélectionnées au total pour une cohorte de 5 places.");
        assertThat(callPi).isWaitingAt("UserTask_JuryDeliberation");
        assertThat(taskService.createTaskQuery().taskId(deliberationId).count()).isOne();
        assertThat(jdbc.sql("select count(*) from jury_decision d join application a on a.id = d.application_id where a.call_id = ?")
                .param(callId).query(Integer.class).single()).isZero();

        engine.completeOk("jury-2", deliberationId, selection.juryDecisions(decisions(eligible)));
        engine.executeJobs(callPi.getId());
        assertThat(callPi).hasPassed("ServiceTask_RecordJuryDecisions", "ServiceTask_SendSelectionDecision",
                "ServiceTask_CheckDeliveries", "ServiceTask_MarkDecided").isWaitingAt("Gateway_AwaitSupportEnd");
        assertThat(calls.status(callId)).isEqualTo(CallStatus.DECIDED);
        applicants.forEach(a -> engine.executeJobs(a.processInstanceId));

        Map<String, Long> counts = eligible.stream().collect(Collectors.groupingBy(a -> a.decision, Collectors.counting()));
        assertThat(counts).containsEntry("SELECTED", 5L).containsEntry("WAITLISTED", 3L).containsEntry("REJECTED", 20L);
        for (Applicant applicant : eligible) {
            assertThat(selection.status(applicant.reference)).as(applicant.reference)
                    .isEqualTo(ApplicationStatus.valueOf(applicant.decision));
            Map<String, Object> stored = jdbc.sql("select decision, waitlist_rank, delivered_at from jury_decision where application_id = ?")
                    .param(applicationId(applicant)).query().singleRow();
            assertThat(stored.get("decision")).isEqualTo(applicant.decision);
            assertThat(stored.get("delivered_at")).isNotNull();
            assertThat(stored.get("waitlist_rank") == null ? null : ((Number) stored.get("waitlist_rank")).intValue())
                    .isEqualTo(applicant.waitlistRank);
        }

        // --- The mails, sent to GreenMail: acknowledgement, eligibility, then the jury's decision.
        ClockUtil.reset();
        mails.sendDue();
        List<String> reviewerNames = reviewerNames(taskOwners.values());
        Map<Applicant, MimeMessage> decisionMails = new HashMap<>();
        for (Applicant applicant : applicants) {
            List<String> subjects = JourneyMails.subjectsTo(applicant.email);
            assertThat(subjects).as(applicant.email).anySatisfy(s -> assertThat(s).contains(applicant.reference).contains("bien reçue"));
            if (!applicant.eligible) {
                assertThat(subjects).hasSize(2).anySatisfy(s -> assertThat(s).contains("non éligible"));
                continue;
            }
            assertThat(subjects).as(applicant.email).hasSize(3).anySatisfy(s -> assertThat(s).endsWith(": éligible"));
            MimeMessage decision = JourneyMails.firstTo(applicant.email, switch (applicant.decision) {
                case "SELECTED" -> "votre projet est sélectionné";
                case "WAITLISTED" -> "liste d'attente";
                default -> "décision du jury";
            });
            decisionMails.put(applicant, decision);
            String body = JourneyMails.body(decision);
            assertThat(body).contains(callTitle);
            switch (applicant.decision) {
                case "WAITLISTED" -> assertThat(body).contains("au rang " + applicant.waitlistRank);
                case "REJECTED" -> {
                    assertThat(body).contains(applicant == disputed ? "Avis reject sur " + applicant.organisation : comment(applicant));
                    reviewerNames.forEach(name -> assertThat(body).doesNotContain(name));
                    assertThat(body).doesNotContain("J'ai accompagné cette structure");
                }
                default -> assertThat(body).contains("La suite");
            }
        }

        // --- The tracking page of an applicant of each decision shows it.
        Map<String, String> expectedOnPage = Map.of("SELECTED", "Sélectionnée", "WAITLISTED", "Sur liste d&#39;attente",
                "REJECTED", "Non retenue");
        for (String kind : List.of("SELECTED", "WAITLISTED", "REJECTED")) {
            Applicant applicant = eligible.stream().filter(a -> kind.equals(a.decision)).findFirst().orElseThrow();
            String page = mails.trackingPage(decisionMails.get(applicant));
            assertThat(page).contains(applicant.reference).contains(expectedOnPage.get(kind));
            if ("WAITLISTED".equals(kind)) {
                assertThat(page).contains("Rang sur la liste d&#39;attente : " + applicant.waitlistRank + ".");
            }
        }

        // --- The minutes, downloaded by the coordination, read as text.
        ResponseEntity<byte[]> pdf = http.withBasicAuth("coordination-1", "demo")
                .getForEntity("/coordination/appels/" + callId + "/proces-verbal.pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text;
        try (PDDocument document = PDDocument.load(pdf.getBody())) {
            text = new PDFTextStripper().getText(document);
        }
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("Procès-verbal de délibération du jury").contains(callTitle)
                .contains("Sélectionnée").contains("Liste d'attente").contains("Non retenue")
                .contains("Quotas utilisés").contains("cohorte de 5")
                .contains(recused + " s'est récusé·e pour la candidature " + recusedOn.reference)
                .contains("jury-1").contains("jury-2").contains("jury-3");
        for (Applicant applicant : eligible) {
            assertThat(flat).contains(applicant.reference).contains(frenchScore(applicant.expectedScore));
        }
        for (Applicant applicant : applicants) {
            if (!applicant.eligible) {
                assertThat(flat).doesNotContain(applicant.reference);
            }
        }
        for (Applicant applicant : eligible) {
            if (rationale(applicant) != null) {
                assertThat(flat).contains(rationale(applicant));
            }
        }
    }

    // --- eligibility

    /** The routed incubator's staff finds the check in the engine REST API and decides. */
    private void checkEligibility(Applicant applicant) {
        String staff = applicant.incubator + "-" + (1 + applicant.index % 2);
        selection.checkEligibility(staff, applicant.reference, applicant.eligible ? SelectionJourney.ELIGIBLE
                : Map.of("eligibilityOutcome", value("INELIGIBLE"),
                        "eligibilityComment", value("Le projet ne porte pas sur la fin de vie.")));
    }

    // --- reviews

    private static int socialImpact(Applicant applicant) {
        return 1 + (applicant.index * 2) % 5;
    }

    private static int otherCriteria(Applicant applicant) {
        return 1 + (applicant.index * 3 + 1) % 5;
    }

    private static BigDecimal weighted(Applicant applicant) {
        return BigDecimal.valueOf(3L * socialImpact(applicant) + 8L * otherCriteria(applicant))
                .divide(BigDecimal.valueOf(11), 2, RoundingMode.HALF_UP);
    }

    private static String recommendation(Applicant applicant) {
        BigDecimal score = weighted(applicant);
        return score.compareTo(new BigDecimal("3.5")) >= 0 ? "SELECT" : score.compareTo(new BigDecimal("2.5")) >= 0 ? "DISCUSS" : "REJECT";
    }

    private static String comment(Applicant applicant) {
        return "le modèle économique de la structure n°" + applicant.index + " reste à consolider.";
    }

    private String openReviewKind(Applicant applicant, String reviewer) {
        return jdbc.sql("select kind from review where application_id = ? and reviewer_id = ? and status = 'ASSIGNED'")
                .params(applicationId(applicant), reviewer).query(String.class).single();
    }

    // --- jury

    /** Per incubator by score: the best within the quota and the cohort selected, the next waitlisted, the rest rejected. */
    private static void decide(List<Applicant> eligible) {
        Map<String, List<Applicant>> ranked = new LinkedHashMap<>();
        for (String incubator : INCUBATORS) {
            ranked.put(incubator, eligible.stream().filter(a -> a.incubator.equals(incubator))
                    .sorted(Comparator.comparing((Applicant a) -> a.expectedScore).reversed().thenComparing(a -> a.index)).toList());
        }
        // Selected: 2 Atis, 2 Ronalpia, 1 Adress (cohort of 5); waitlisted: the next one of each (3 places).
        Map<String, Integer> selectedPer = Map.of("atis", 2, "ronalpia", 2, "adress", 1);
        ranked.forEach((incubator, list) -> {
            for (int i = 0; i < list.size(); i++) {
                Applicant applicant = list.get(i);
                int selected = selectedPer.get(incubator);
                applicant.decision = i < selected ? "SELECTED" : i == selected ? "WAITLISTED" : "REJECTED";
                applicant.waitlistRank = i == selected ? 1 : null;
            }
        });
    }

    private static List<Map<String, Object>> decisions(List<Applicant> eligible) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Applicant applicant : eligible) {
            rows.add(SelectionJourney.decision(applicant.reference, applicant.decision, applicant.waitlistRank, rationale(applicant)));
        }
        return rows;
    }

    private static String rationale(Applicant applicant) {
        return switch (applicant.decision) {
            case "SELECTED" -> "Retenu" + applicant.index + ".";
            case "WAITLISTED" -> null;
            default -> applicant.disagreement ? "Tranché" + applicant.index + "." : null;
        };
    }

    // --- helpers

    private List<Map<String, Object>> reviewRows(Applicant applicant) {
        return jdbc.sql("select * from review where application_id = ? order by id").param(applicationId(applicant)).query().listOfRows();
    }

    private long applicationId(Applicant applicant) {
        return selection.applicationId(applicant.reference);
    }

    private List<String> reviewerNames(java.util.Collection<String> reviewers) {
        List<String> names = new ArrayList<>();
        for (String reviewer : Set.copyOf(reviewers)) {
            User user = identityService.createUserQuery().userId(reviewer).singleResult();
            names.add(reviewer);
            names.add(user.getFirstName() + " " + user.getLastName());
        }
        return names;
    }

    private static String frenchScore(BigDecimal score) {
        return score.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
