package fr.kiif.programmes.call.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.application.ApplicationNotifications;
import fr.kiif.programmes.call.CallNotifications;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.selection.JuryDecisionRules;
import fr.kiif.programmes.selection.JuryService;
import fr.kiif.programmes.selection.SelectionProgress;
import fr.kiif.programmes.selection.SelectionRepository;
import fr.kiif.programmes.web.FrenchDates;
import fr.kiif.programmes.web.TaskRefusal;

/**
 * The steps of {@code programme-call}, called from the model as {@code ${callSteps.xxx(execution)}}:
 * they map variables in and out and leave the work to the call and selection services.
 */
@Component("callSteps")
public class CallProcessSteps {

    static final String CALL_ID = "callId";
    static final String JURY_GROUP = "juryGroup";
    static final String ALL_REVIEWED = "allReviewed";
    static final String JURY_PREPARATION = "juryPreparation";
    static final String PREPARATION_SUMMARY = "preparationSummary";
    static final String AGENDA_CONFIRMED = "agendaConfirmed";
    static final String PREPARE_DELAY = "prepareDelay";
    static final String JURY_DELAY = "juryDelay";
    static final String JURY_APPLICATIONS = "juryApplications";
    static final String JURY_APPLICATION_REFS = "juryApplicationRefs";
    static final String JURY_APPLICATION_COUNT = "juryApplicationCount";
    static final String JURY_DECISIONS = "juryDecisions";
    static final String QUOTA_SUMMARY = "quotaSummary";
    static final String APPLICATION_REF = "applicationRef";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallRepository calls;
    private final SelectionRepository selection;
    private final SelectionProgress progress;
    private final JuryService jury;
    private final ApplicationNotifications applicationNotifications;
    private final CallNotifications callNotifications;
    private final FrenchDates dates;
    private final Duration completionReminderBefore;
    private final Duration prepareDelay;
    private final Duration juryDelay;

    public CallProcessSteps(CallRepository calls, SelectionRepository selection, SelectionProgress progress, JuryService jury,
                            ApplicationNotifications applicationNotifications, CallNotifications callNotifications,
                            FrenchDates dates,
                            @Value("${kiif.selection.completion-reminder-before:P3D}") Duration completionReminderBefore,
                            @Value("${kiif.selection.prepare-delay:P7D}") Duration prepareDelay,
                            @Value("${kiif.selection.jury-delay:P14D}") Duration juryDelay) {
        this.calls = calls;
        this.selection = selection;
        this.progress = progress;
        this.jury = jury;
        this.applicationNotifications = applicationNotifications;
        this.callNotifications = callNotifications;
        this.dates = dates;
        this.completionReminderBefore = completionReminderBefore;
        this.prepareDelay = prepareDelay;
        this.juryDelay = juryDelay;
    }

    /**
     * ServiceTask_OpenCall: status OPEN; the dates are read again (editable until opening) and the
     * completion reminder is planned only if it is still ahead at the engine's time {@code now}.
     */
    public void open(DelegateExecution execution, Date now) {
        String callId = callId(execution);
        ProgrammeCall call = calls.findById(callId).orElseThrow();
        calls.updateStatus(callId, CallStatus.OPEN);
        execution.setVariables(CallSchedule.of(call, calls.selectionSettings(callId), completionReminderBefore,
                now.toInstant()).variables());
    }

    public void markStatus(DelegateExecution execution, String status) {
        calls.updateStatus(callId(execution), CallStatus.valueOf(status));
    }

    /** ServiceTask_SendCompletionReminders: one mail per application still owing a completion. */
    public void sendCompletionReminders(DelegateExecution execution) {
        String callId = callId(execution);
        String closesAt = dates.dateTime(calls.findById(callId).orElseThrow().closesAt());
        for (String reference : selection.completionRequested(callId)) {
            applicationNotifications.completionReminder(reference, mailKey(execution) + ":" + reference, closesAt);
        }
    }

    /** ServiceTask_CheckReviews. */
    public void checkReviews(DelegateExecution execution) {
        // Same lock as SelectionProgress: a score stored while the call closes cannot be missed by both sides.
        calls.lockForUpdate(callId(execution));
        execution.setVariable(ALL_REVIEWED, progress.allReviewed(callId(execution)));
    }

    /** ServiceTask_PrepareJuryFile: what the coordination checks in UserTask_PrepareJury. */
    public void prepareJuryFile(DelegateExecution execution) {
        JuryService.Preparation preparation = jury.preparation(callId(execution));
        execution.setVariable(JURY_PREPARATION, json(preparation.rows()));
        execution.setVariable(PREPARATION_SUMMARY, preparation.summary());
        execution.setVariable(AGENDA_CONFIRMED, false);
        execution.setVariable(PREPARE_DELAY, prepareDelay.toString());
    }

    /** Complete listener of UserTask_PrepareJury. */
    public void validateAgenda(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(AGENDA_CONFIRMED))) {
            throw new TaskRefusal(
                    "Cochez « Je confirme l'ordre du jour du jury » pour transmettre le dossier au jury.");
        }
    }

    /** ServiceTask_PrepareDeliberation: the jury set, the prefilled decisions and the quotas. */
    public void prepareDeliberation(DelegateExecution execution) {
        String callId = callId(execution);
        JuryService.Deliberation deliberation = jury.deliberation(callId);
        execution.setVariable(JURY_APPLICATIONS, json(deliberation.applications()));
        execution.setVariable(JURY_DECISIONS, json(deliberation.decisions()));
        execution.setVariable(JURY_APPLICATION_REFS, json(deliberation.references()));
        execution.setVariable(JURY_APPLICATION_COUNT, deliberation.references().size());
        execution.setVariable(QUOTA_SUMMARY, deliberation.quotaSummary());
        execution.setVariable(JURY_DELAY, juryDelay.toString());
        if (!deliberation.references().isEmpty()) {
            calls.updateStatus(callId, CallStatus.JURY);
        }
    }

    /** Complete listener of UserTask_JuryDeliberation: the rules, checked on the server. */
    public void validateJuryDecisions(DelegateTask task) {
        try {
            jury.validate(callId(task.getExecution()), jurySet(task.getVariable(JURY_APPLICATION_REFS)),
                    task.getVariable(JURY_DECISIONS));
        } catch (JuryDecisionRules.RejectedDecisions e) {
            throw new TaskRefusal(e.getMessage());
        }
    }

    /** ServiceTask_RecordJuryDecisions: jury_decision rows and the minutes. */
    public void recordJuryDecisions(DelegateExecution execution) {
        jury.record(callId(execution), jurySet(execution.getVariable(JURY_APPLICATION_REFS)),
                execution.getVariable(JURY_DECISIONS));
    }

    /** The collection of ServiceTask_SendSelectionDecision. */
    public List<String> decidedApplications(DelegateExecution execution) {
        return jury.decidedReferences(callId(execution));
    }

    /** One instance of ServiceTask_SendSelectionDecision. */
    public void sendSelectionDecision(DelegateExecution execution) {
        jury.deliver(callId(execution), (String) execution.getVariable(APPLICATION_REF));
    }

    /** ServiceTask_CheckDeliveries: fails (incident) only when no application received its decision. */
    public void checkDeliveries(DelegateExecution execution) {
        jury.checkDeliveries(callId(execution));
    }

    /** Escalation of an overdue task of the call to the coordination. */
    public void escalate(DelegateExecution execution, String taskName) {
        Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskName(taskName).singleResult();
        String due = task == null || task.getDueDate() == null ? "" : dates.dateTime(task.getDueDate().toInstant());
        callNotifications.taskOverdue(callId(execution), taskName, due, mailKey(execution));
    }

    static String callId(DelegateExecution execution) {
        return (String) execution.getVariable(CALL_ID);
    }

    private static String mailKey(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
    }

    private static JsonValue json(Object value) {
        return SpinValues.jsonValue(Spin.JSON(value)).create();
    }

    private static List<String> jurySet(Object value) {
        List<String> references = new ArrayList<>();
        if (value == null) {
            return references;
        }
        try {
            JsonNode node = JSON.readTree(value.toString());
            node.forEach(element -> references.add(element.asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable jury set: " + value, e);
        }
        return references;
    }
}
