package fr.kiif.programmes.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import fr.kiif.programmes.application.ApplicationForm;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.SpringTestBase;

/** Blind review: the applicant's incubator exports the cross review without the cross reviewer's id. */
class BlindReviewExportTest extends SpringTestBase {

    @Autowired CohortFixtures fixtures;
    @Autowired CallRepository calls;
    @Autowired ApplicationSubmissionService submissions;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired TestRestTemplate http;

    @Test
    void crossReviewersStayAnonymousForTheApplicantsIncubator() throws IOException {
        ProgrammeCall call = fixtures.supportCall();
        calls.saveSelectionSettings(call.id(), new SelectionSettings(Map.of("atis", 2, "ronalpia", 2), 4, 4, 1, 1,
                Duration.ofDays(21), Duration.ofDays(3), Duration.ofDays(7), true, List.of(), Duration.ofDays(60),
                Duration.ofDays(90), Duration.ofDays(28)));
        reviewedByTwo(call);

        List<CSVRecord> coordination = CallExportsTest.csv(get("coordination-1", call), ReviewsExport.HEADERS);
        assertThat(coordination).hasSize(2);
        CSVRecord cross = coordination.stream().filter(r -> r.get("Type d'évaluation").startsWith("Croisée")).findFirst()
                .orElseThrow();
        String crossReviewer = cross.get("Évaluateur·rice");
        assertThat(crossReviewer).doesNotStartWith("atis-").isNotEqualTo(ReviewsExport.HIDDEN_REVIEWER);

        List<CSVRecord> atis = CallExportsTest.csv(get("atis-1", call), ReviewsExport.HEADERS);
        assertThat(atis).extracting(r -> r.get("Évaluateur·rice"))
                .containsExactlyInAnyOrder(ReviewsExport.HIDDEN_REVIEWER, territorial(coordination));

        // The cross reviewer's own incubator gets no row of the application (its organisation stays hidden)
        String crossIncubator = crossReviewer.substring(0, crossReviewer.indexOf('-'));
        assertThat(CallExportsTest.csv(get(crossIncubator + "-1", call), ReviewsExport.HEADERS)).isEmpty();
        assertThat(CallExportsTest.csv(http.withBasicAuth(crossIncubator + "-1", "demo").getForEntity(
                "/pilotage/appels/" + call.id() + "/exports/candidatures.csv", byte[].class), ApplicationsExport.HEADERS))
                .isEmpty();
    }

    private static String territorial(List<CSVRecord> rows) {
        return rows.stream().filter(r -> r.get("Type d'évaluation").equals("Territoriale")).findFirst().orElseThrow()
                .get("Évaluateur·rice");
    }

    private org.springframework.http.ResponseEntity<byte[]> get(String user, ProgrammeCall call) {
        return http.withBasicAuth(user, "demo").getForEntity("/pilotage/appels/" + call.id() + "/exports/evaluations.csv",
                byte[].class);
    }

    /** An application of Gironde, eligible, with its territorial and its cross review done. */
    private String reviewedByTwo(ProgrammeCall call) {
        ApplicationForm form = ApplicationForms.valid("33", "porteur-" + UUID.randomUUID() + "@example.org");
        form.setOrganisationName("Structure " + UUID.randomUUID());
        form.setSiret(null);
        String reference = submissions.submit(call.id(), form, Optional.empty(), null).reference();
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("application").singleResult();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        taskService.complete(tasks(pi, "UserTask_CheckEligibility").get(0).getId(), Map.of("eligibilityOutcome", "ELIGIBLE"));
        List<Task> reviews = tasks(pi, "UserTask_ReviewApplication");
        assertThat(reviews).hasSize(2);
        for (Task review : reviews) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("conflictOfInterest", false);
            for (String score : List.of("scoreSocialImpact", "scoreInnovation", "scoreTeam", "scoreEconomicModel", "scoreThemeFit")) {
                variables.put(score, 3);
            }
            variables.put("reviewComment", "Intéressant.");
            variables.put("recommendation", "DISCUSS");
            taskService.complete(review.getId(), variables);
        }
        return reference;
    }

    private List<Task> tasks(ProcessInstance pi, String activityId) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
    }
}
