package fr.kiif.programmes.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.ApplicationForm;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.application.SubmissionResult;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.Criterion;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.selection.ReviewCriteria;

/**
 * Laureates for cohort tests, through the real application process: submitted, eligible, reviewed
 * once, then the jury's decision as the call process sends it.
 */
@Component
public class CohortFixtures {

    private final CallRepository calls;
    private final ApplicationSubmissionService submissions;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;

    public CohortFixtures(CallRepository calls, ApplicationSubmissionService submissions, RuntimeService runtimeService,
            ManagementService managementService, TaskService taskService) {
        this.calls = calls;
        this.submissions = submissions;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
    }

    /** An open call over Gironde and Lyon: one territorial reviewer, 90 days of support, a check-in every 28. */
    public ProgrammeCall supportCall() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        List<Criterion> criteria = new ArrayList<>();
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            criteria.add(new Criterion(criterion.code(), criterion.label(), "Repères.", criterion.code().equals("scaling") ? 0 : 1));
        }
        ProgrammeCall call = new ProgrammeCall("test-" + suffix, "fin-de-vie", "Fin de vie et deuil",
                "Appel de test " + suffix, "Un appel de test.", "Tout le monde.", "C" + suffix.substring(0, 6).toUpperCase(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), List.of("gironde", "lyon-ain"),
                EnumSet.allOf(LegalForm.class), EnumSet.allOf(Stage.class), Duration.ofDays(14), Duration.ofDays(10), criteria);
        calls.insert(call);
        calls.saveSelectionSettings(call.id(), new SelectionSettings(Map.of("atis", 2, "ronalpia", 2), 4, 4, 1, 0,
                Duration.ofDays(21), Duration.ofDays(3), Duration.ofDays(7), false, List.of(), Duration.ofDays(60),
                Duration.ofDays(90), Duration.ofDays(28)));
        return call;
    }

    /** An application just submitted to the call: its process waits for its first job (acknowledgement). */
    public ProcessInstance submitted(ProgrammeCall call, String departement) {
        ApplicationForm form = ApplicationForms.valid(departement, "porteur-" + UUID.randomUUID() + "@example.org");
        form.setOrganisationName("Structure " + UUID.randomUUID());
        form.setSiret(null);
        SubmissionResult result = submissions.submit(call.id(), form, Optional.empty(), null);
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(result.reference())
                .processDefinitionKey("application").singleResult();
    }

    /** An application of the call, eligible and reviewed, waiting for the jury's decision. */
    public ProcessInstance reviewed(ProgrammeCall call, String departement) {
        ProcessInstance pi = submitted(call, departement);
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
        return pi;
    }

    /** A selected application, now in cohort support (onboarding); returns its reference. */
    public String laureate(ProgrammeCall call, String departement) {
        ProcessInstance pi = reviewed(call, departement);
        decide(pi, "SELECTED", null);
        return pi.getBusinessKey();
    }

    /** The jury's decision, as the call process sends it. */
    public void decide(ProcessInstance pi, String decision, Integer rank) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", decision);
        variables.put("waitlistRank", rank);
        runtimeService.createMessageCorrelation("SelectionDecision").processInstanceBusinessKey(pi.getBusinessKey())
                .setVariables(variables).correlate();
    }

    private Task single(ProcessInstance pi, String activityId) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
        if (tasks.size() != 1) {
            throw new AssertionError("Expected one " + activityId + " task, found " + tasks.size());
        }
        return tasks.get(0);
    }
}
