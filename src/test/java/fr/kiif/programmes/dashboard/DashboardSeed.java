package fr.kiif.programmes.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.ApplicationForm;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.CohortFixtures;

/**
 * A call with known numbers, built through the real processes (CohortFixtures: submission, eligibility task,
 * review task, the jury's SelectionDecision message). Atis (Gironde, quota 2): two laureates, one waitlisted,
 * one rejected, one still in its eligibility check whose task is 20 days overdue (submitted with the engine
 * clock 30 days back). Ronalpia (Lyon-Ain, quota 2): one laureate, one reviewed waiting for the jury, one
 * ineligible. Every review is "4" on every criterion.
 */
@Component
public class DashboardSeed {

    public record Seeded(ProgrammeCall call, String laureateAtis, String laureateRonalpia, String inCheckAtis,
            String reviewedRonalpia, String ineligibleRonalpia) {
    }

    private final CohortFixtures fixtures;
    private final ApplicationSubmissionService submissions;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;

    public DashboardSeed(CohortFixtures fixtures, ApplicationSubmissionService submissions, RuntimeService runtimeService,
            ManagementService managementService, TaskService taskService) {
        this.fixtures = fixtures;
        this.submissions = submissions;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
    }

    public Seeded seed() {
        ProgrammeCall call = fixtures.supportCall();
        String laureateAtis = fixtures.laureate(call, "33");
        fixtures.laureate(call, "33");
        fixtures.decide(fixtures.reviewed(call, "33"), "WAITLISTED", 1);
        fixtures.decide(fixtures.reviewed(call, "33"), "REJECTED", null);
        String laureateRonalpia = fixtures.laureate(call, "69");
        String reviewedRonalpia = fixtures.reviewed(call, "69").getBusinessKey();

        ProcessInstance ineligible = submitted(call, "69");
        taskService.complete(taskService.createTaskQuery().processInstanceId(ineligible.getId()).singleResult().getId(),
                Map.of("eligibilityOutcome", "INELIGIBLE", "eligibilityComment", "Hors du champ de l'appel."));

        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(30))));
        try {
            ProcessInstance late = submitted(call, "33");
            return new Seeded(call, laureateAtis, laureateRonalpia, late.getBusinessKey(), reviewedRonalpia,
                    ineligible.getBusinessKey());
        } finally {
            ClockUtil.reset();
        }
    }

    /** Submitted and past its automatic steps: waiting in the eligibility check. */
    private ProcessInstance submitted(ProgrammeCall call, String departement) {
        ApplicationForm form = ApplicationForms.valid(departement, "porteur-" + UUID.randomUUID() + "@example.org");
        form.setOrganisationName("Structure " + UUID.randomUUID());
        form.setSiret(null);
        String reference = submissions.submit(call.id(), form, Optional.empty(), null).reference();
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("application").singleResult();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        return pi;
    }
}
