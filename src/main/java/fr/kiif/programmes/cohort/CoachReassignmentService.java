package fr.kiif.programmes.cohort;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.application.Application;

/** The incubator gives a laureate another coach: the record, the process variable and the open coach tasks follow. */
@Service
public class CoachReassignmentService {

    private static final String IMPACT_PROCESS_KEY = "impact-evaluation";

    private final CohortSupportService support;
    private final CohortRepository cohort;
    private final RuntimeService runtime;
    private final TaskService tasks;

    public CoachReassignmentService(CohortSupportService support, CohortRepository cohort, RuntimeService runtime,
            TaskService tasks) {
        this.support = support;
        this.cohort = cohort;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /**
     * @throws IllegalArgumentException when the new coach is not a staff member of the laureate's incubator
     * @throws IllegalStateException when the laureate is not in support
     */
    @Transactional
    public void reassign(String reference, String newCoachId) {
        Application application = support.application(reference);
        CohortRepository.SupportRecord record = cohort.find(application.id())
                .filter(r -> "ONBOARDING".equals(r.status()) || "ACTIVE".equals(r.status()))
                .orElseThrow(() -> new IllegalStateException("The application " + reference + " is not in support"));
        if (newCoachId == null || !support.isStaffOf(record.incubatorSlug(), newCoachId)) {
            throw new IllegalArgumentException("La personne choisie ne fait pas partie de l'équipe de l'incubateur "
                    + record.incubatorSlug() + ".");
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(CohortSupportStarter.PROCESS_KEY)
                .processInstanceBusinessKey(reference).active().singleResult();
        if (instance == null) {
            throw new IllegalStateException("No running support process for " + reference);
        }
        String previous = record.coachId();
        cohort.setCoach(application.id(), newCoachId);
        runtime.setVariable(instance.getId(), "coachId", newCoachId);
        moveCoachTasks(instance.getId(), previous, newCoachId);
        // The running impact evaluations (called processes) have their own coachId and coach tasks.
        for (ProcessInstance evaluation : runtime.createProcessInstanceQuery().processDefinitionKey(IMPACT_PROCESS_KEY)
                .processInstanceBusinessKey(reference).active().list()) {
            runtime.setVariable(evaluation.getId(), "coachId", newCoachId);
            moveCoachTasks(evaluation.getId(), previous, newCoachId);
        }
    }

    private void moveCoachTasks(String processInstanceId, String previous, String newCoachId) {
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            if ((task.getAssignee() == null || task.getAssignee().equals(previous)) && !isCoordinationTask(task)) {
                tasks.setAssignee(task.getId(), newCoachId);
            }
        }
    }

    private static boolean isCoordinationTask(Task task) {
        return "UserTask_ProposePromotion".equals(task.getTaskDefinitionKey());
    }
}
