package fr.kiif.programmes.cohort.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.cohort.CohortNotifications;
import fr.kiif.programmes.cohort.CohortRepository;
import fr.kiif.programmes.cohort.CohortSupportService;
import fr.kiif.programmes.cohort.PromotionService;
import fr.kiif.programmes.cohort.SupportFormRules;

/**
 * The steps and task listeners of {@code cohort-support}, called from the model as
 * {@code ${cohortSteps.xxx(execution)}} or {@code ${cohortSteps.xxx(task)}}: variables in, services, variables out.
 * Delays that are not in the call's configuration come from {@code kiif.cohort.*} properties.
 */
@Component("cohortSteps")
public class CohortProcessSteps {

    private final CohortSupportService support;
    private final CohortNotifications notifications;
    private final PromotionService promotions;
    private final Duration onboardingDelay;
    private final Duration checkInDueAfter;
    private final Duration checkInReminderBefore;
    private final Duration reviewDelay;

    public CohortProcessSteps(CohortSupportService support, CohortNotifications notifications, PromotionService promotions,
            @Value("${kiif.cohort.onboarding-delay}") Duration onboardingDelay,
            @Value("${kiif.cohort.check-in-due-after}") Duration checkInDueAfter,
            @Value("${kiif.cohort.check-in-reminder-before}") Duration checkInReminderBefore,
            @Value("${kiif.cohort.review-delay}") Duration reviewDelay) {
        this.support = support;
        this.notifications = notifications;
        this.promotions = promotions;
        this.onboardingDelay = onboardingDelay;
        this.checkInDueAfter = checkInDueAfter;
        this.checkInReminderBefore = checkInReminderBefore;
        this.reviewDelay = reviewDelay;
    }

    // ---- start and onboarding

    /** ServiceTask_AssignCoach: coachId (null when the incubator has no staff: the incubator group still sees the task). */
    public void assignCoach(DelegateExecution execution) {
        execution.setVariable("coachId", support.assignCoach(ref(execution)).orElse(null));
        execution.setVariable("onboardingDelay", onboardingDelay.toString());
        execution.setVariable("reviewDelay", reviewDelay.toString());
        execution.setVariable("checkInDueAfter", checkInDueAfter.toString());
        execution.setVariable("checkInReminderAfter", checkInDueAfter.minus(checkInReminderBefore).toString());
        execution.setVariable("supportMonths", support.supportMonths(ref(execution)));
    }

    /** Complete listener of UserTask_Onboarding. */
    public void validateOnboarding(DelegateTask task) {
        plan(task);
    }

    /** ServiceTask_RecordSupportPlan: objectives, plan email, and the objective lists the next forms start from. */
    public void recordPlan(DelegateExecution execution) {
        SupportFormRules.Plan plan = plan(execution);
        support.recordPlan(ref(execution), plan, mailKey(execution));
        List<Map<String, Object>> progress = new ArrayList<>();
        List<Map<String, Object>> reached = new ArrayList<>();
        for (CohortRepository.Objective objective : plan.objectives()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("objective", objective.objective());
            row.put("target", objective.target());
            row.put("progress", "NOT_STARTED");
            row.put("comment", "");
            progress.add(row);
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("objective", objective.objective());
            end.put("target", objective.target());
            end.put("reached", false);
            end.put("comment", "");
            reached.add(end);
        }
        execution.setVariable("objectivesProgress", json(progress));
        execution.setVariable("objectivesReached", json(reached));
    }

    // ---- support period and check-ins

    /** ServiceTask_StartSupportPeriod: mid-term and end dates, check-in cycle, first next check-in date. */
    public void startPeriod(DelegateExecution execution, Date now) {
        CohortSupportService.Period period = support.startPeriod(ref(execution), now.toInstant(), checkInDueAfter);
        execution.setVariable("supportPeriodStartedAt", Date.from(period.startedAt()));
        execution.setVariable("midTermAt", Date.from(period.midTermAt()));
        execution.setVariable("supportEndsAt", Date.from(period.endsAt()));
        execution.setVariable("checkInCycle", period.checkInCycle());
        execution.setVariable("checkInsOpened", 0);
    }

    /** Create listener of UserTask_CheckIn: count, next check-in date on the record. */
    public void checkInCreated(DelegateTask task) {
        // The due date comes from the model (camunda:dueDate, checkInDueAfter after now).
        Instant due = task.getDueDate().toInstant();
        Object opened = task.getVariable("checkInsOpened");
        task.setVariable("checkInsOpened", (opened instanceof Number n ? n.intValue() : 0) + 1);
        support.checkInOpened(ref(task), due);
    }

    /** Complete listener of UserTask_CheckIn: validation, then the check_in row. */
    public void checkInCompleted(DelegateTask task) {
        String reference = ref(task);
        SupportFormRules.CheckIn checkIn = SupportFormRules.checkIn(task.getVariable("objectivesProgress"),
                task.getVariable("supportHours"), task.getVariable("riskLevel"), task.getVariable("nextSteps"),
                support.objectiveCount(reference));
        SelectionSettings settings = support.settings(reference);
        int opened = ((Number) task.getVariable("checkInsOpened")).intValue();
        Instant start = ((Date) task.getVariable("supportPeriodStartedAt")).toInstant();
        Duration nextOffset = settings.checkInEvery().multipliedBy(opened + 1L);
        Instant next = nextOffset.compareTo(settings.supportDuration()) <= 0 ? start.plus(nextOffset).plus(checkInDueAfter) : null;
        Instant due = task.getDueDate() == null ? task.getCreateTime().toInstant() : task.getDueDate().toInstant();
        support.recordCheckIn(reference, task.getAssignee() != null ? task.getAssignee() : (String) task.getVariable("coachId"),
                due, checkIn, next);
        task.setVariable("supportHours", checkIn.hours().doubleValue());
    }

    /** ServiceTask_SendCheckInReminder: the check-in is due in kiif.cohort.check-in-reminder-before. */
    public void checkInReminder(DelegateExecution execution) {
        notifications.checkInReminder(ref(execution), mailKey(execution), (String) execution.getVariable("coachId"),
                Instant.now().plus(checkInReminderBefore));
    }

    /** ServiceTask_EscalateCheckIn and the other overdue escalations: the coordination is told. */
    public void overdue(DelegateExecution execution) {
        notifications.checkInOverdue(ref(execution), mailKey(execution), (String) execution.getVariable("coachId"), null);
    }

    /** ServiceTask_NotifyHighRisk. */
    public void highRisk(DelegateExecution execution) {
        notifications.highRisk(ref(execution), mailKey(execution), (String) execution.getVariable("coachId"),
                (String) execution.getVariable("nextSteps"));
    }

    // ---- reviews

    public void validateMidTerm(DelegateTask task) {
        SupportFormRules.midTerm(task.getVariable("continueSupport"), task.getVariable("midTermSummary"),
                task.getVariable("stopReason"));
    }

    /** ServiceTask_RecordMidTermReview: a stop becomes an early end with reason, ended by MIDTERM_REVIEW. */
    public void recordMidTerm(DelegateExecution execution) {
        support.recordMidTerm(ref(execution), (String) execution.getVariable("midTermSummary"));
        if (Boolean.FALSE.equals(execution.getVariable("continueSupport"))) {
            execution.setVariable("endedBy", "MIDTERM_REVIEW");
            execution.setVariable("endReason", ((String) execution.getVariable("stopReason")).strip());
        }
    }

    public void validateFinal(DelegateTask task) {
        SupportFormRules.finalReview(task.getVariable("finalSummary"), task.getVariable("objectivesReached"),
                support.objectiveCount(ref(task)));
    }

    public void recordFinal(DelegateExecution execution) {
        String reference = ref(execution);
        support.recordFinal(reference, SupportFormRules.finalReview(execution.getVariable("finalSummary"),
                execution.getVariable("objectivesReached"), support.objectiveCount(reference)));
    }

    /** ServiceTask_SendClosingEmail. */
    public void finish(DelegateExecution execution) {
        support.finish(ref(execution), mailKey(execution));
    }

    // ---- early end and promotion

    /** ServiceTask_RecordSupportEnd: withdrawal (message ApplicationWithdrawn) or mid-term stop. */
    public void endEarly(DelegateExecution execution) {
        String endedBy = (String) execution.getVariable("endedBy");
        String reason = (String) execution.getVariable("endReason");
        if (endedBy == null) {
            endedBy = (String) execution.getVariable("withdrawnBy");
            reason = (String) execution.getVariable("withdrawalReason");
            execution.setVariable("endedBy", endedBy);
            execution.setVariable("endReason", reason);
        }
        support.endEarly(ref(execution), endedBy, reason, mailKey(execution));
    }

    /** ServiceTask_PromoteReplacement: promotionOutcome PROMOTED, PROPOSE or NONE. */
    public void replace(DelegateExecution execution) {
        PromotionService.Outcome outcome = promotions.replace(ref(execution));
        execution.setVariable("promotionOutcome", outcome.kind());
        execution.setVariable("promotedReference", "PROMOTED".equals(outcome.kind()) ? outcome.reference() : null);
        execution.setVariable("proposedReference", "PROPOSE".equals(outcome.kind()) ? outcome.reference() : null);
        execution.setVariable("promotionWindowEnd", outcome.windowEnd() == null ? null : Date.from(outcome.windowEnd()));
    }

    /** Complete listener of UserTask_ProposePromotion. */
    public void validateProposal(DelegateTask task) {
        SupportFormRules.decision(task.getVariable("promotionAccepted"),
                "Indiquez si la candidature proposée est promue (accepter) ou non (passer).");
    }

    /** ServiceTask_PromoteProposed: promotedReference set when the promotion went through. */
    public void acceptProposal(DelegateExecution execution) {
        String proposed = (String) execution.getVariable("proposedReference");
        boolean done = promotions.accept(proposed, ref(execution));
        execution.setVariable("promotedReference", done ? proposed : null);
    }

    // ---- helpers

    private SupportFormRules.Plan plan(VariableScope scope) {
        Object months = scope.getVariable("supportMonths");
        return SupportFormRules.plan(scope.getVariable("kickoffDate"), scope.getVariable("supportObjectives"),
                scope.getVariable("expectedSupportHours"), months instanceof Number n ? n.intValue() : 9);
    }

    private static String ref(VariableScope scope) {
        return (String) scope.getVariable("applicationRef");
    }

    private static String mailKey(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
    }

    private static JsonValue json(Object value) {
        return SpinValues.jsonValue(Spin.JSON(value)).create();
    }
}
