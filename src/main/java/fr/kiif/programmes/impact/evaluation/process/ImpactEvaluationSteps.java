package fr.kiif.programmes.impact.evaluation.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.impact.Indicator;
import fr.kiif.programmes.impact.evaluation.AnswerRules;
import fr.kiif.programmes.impact.evaluation.Assessment;
import fr.kiif.programmes.impact.evaluation.Evaluation;
import fr.kiif.programmes.impact.evaluation.ImpactDelays;
import fr.kiif.programmes.impact.evaluation.ImpactEvaluationService;
import fr.kiif.programmes.impact.evaluation.ImpactNotifications;
import fr.kiif.programmes.impact.evaluation.QuestionnairePaths;
import fr.kiif.programmes.impact.evaluation.StoredValue;

/**
 * Steps and task listeners of {@code impact-evaluation} ({@code ${impactSteps.xxx(execution)}}), and the
 * impact hooks of {@code cohort-support}: variables in, service, variables out (ids and delays only).
 */
@Component("impactSteps")
public class ImpactEvaluationSteps {

    private final ImpactEvaluationService evaluations;
    private final ImpactNotifications notifications;
    private final IdentityService identity;
    private final String publicBaseUrl;

    public ImpactEvaluationSteps(ImpactEvaluationService evaluations, ImpactNotifications notifications, IdentityService identity,
            @Value("${kiif.public-base-url}") String publicBaseUrl) {
        this.evaluations = evaluations;
        this.notifications = notifications;
        this.identity = identity;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    // ---- impact-evaluation

    /** ServiceTask_OpenEvaluation: the evaluation row, the call's delays, and whether anything is asked. */
    public void open(DelegateExecution execution, Date now) {
        ImpactPhase phase = phase(execution);
        Evaluation evaluation = evaluations.open(ref(execution), phase, now.toInstant());
        ImpactDelays delays = evaluations.delays(evaluation.callId());
        execution.setVariable("evaluationId", evaluation.id());
        execution.setVariable("impactReminderCycle", delays.reminderCycle());
        execution.setVariable("impactResponseDelay", delays.responseDelay().toString());
        execution.setVariable("impactCollectionDelay", delays.collectionDelay().toString());
        execution.setVariable("impactAssessmentDelay", delays.assessmentDelay().toString());
        execution.setVariable("questionnaireClosesAt", Date.from(now.toInstant().plus(delays.responseDelay())));
        execution.setVariable("hasIndicators", !evaluations.indicators(evaluation).isEmpty());
        execution.setVariable("impactPhaseLabel", phase.label());
        execution.setVariable("impactAnswersUrl", publicBaseUrl + "/incubateur/impact/" + ref(execution) + "/"
                + QuestionnairePaths.phase(phase));
    }

    /** ServiceTask_SendQuestionnaire and ServiceTask_SendQuestionnaireReminder. */
    public void mailQuestionnaire(DelegateExecution execution, String template) {
        Application application = evaluations.application(ref(execution));
        Instant closesAt = ((Date) execution.getVariable("questionnaireClosesAt")).toInstant();
        notifications.toLaureate(application, phase(execution), template, mailKey(execution), closesAt);
    }

    /** ServiceTask_StartCollection: the link stops accepting answers; options for the coach's forms. */
    public void startCollection(DelegateExecution execution) {
        evaluations.startCollection(evaluationId(execution));
    }

    /** Complete listener of UserTask_CollectImpactAnswers: every required answer entered (server check). */
    public void collected(DelegateTask task) {
        evaluations.enteredByCoach(evaluationId(task));
    }

    /**
     * Create listener of UserTask_AssessImpact: the checklist of answered indicators the coach may flag, each with the
     * answer (and the entry value at the end) so the coach reads them in Tasklist. Sensitive answers stay out of the
     * variable (the whole incubator may see the task): the coach reads them behind the "Voir les réponses" link.
     */
    public void prepareAssessment(VariableScope scope) {
        Evaluation evaluation = evaluations.evaluation(evaluationId(scope));
        Map<String, StoredValue> answers = evaluations.values(evaluation);
        Map<String, StoredValue> entry = evaluation.phase() == ImpactPhase.BASELINE ? Map.of() : evaluations.baselineValues(evaluation);
        List<Map<String, Object>> options = new ArrayList<>();
        for (Indicator indicator : evaluations.indicators(evaluation)) {
            if (answers.containsKey(indicator.id())) {
                Map<String, Object> option = new LinkedHashMap<>();
                option.put("label", optionLabel(indicator, answers.get(indicator.id()), entry.get(indicator.id())));
                option.put("value", indicator.id());
                options.add(option);
            }
        }
        scope.setVariable("impactIndicatorOptions", SpinValues.jsonValue(Spin.JSON(options)).create());
    }

    private static String optionLabel(Indicator indicator, StoredValue answer, StoredValue entry) {
        if (indicator.sensitive()) {
            return indicator.label() + " : réponse confidentielle (voir les réponses)";
        }
        String label = indicator.label() + " : " + shortDisplay(indicator, answer);
        return entry == null ? label : label + " (à l'entrée : " + shortDisplay(indicator, entry) + ")";
    }

    /** A free-text answer may be long: the checklist shows its start, the answers page shows it all. */
    private static String shortDisplay(Indicator indicator, StoredValue value) {
        String text = AnswerRules.display(indicator, value);
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    /** Complete listener of UserTask_AssessImpact: checks the assessment and records who made it. */
    public void validateAssessment(DelegateTask task) {
        assessment(task);
        String user = identity.getCurrentAuthentication() == null ? null : identity.getCurrentAuthentication().getUserId();
        task.setVariable("assessedBy", user != null ? user : task.getAssignee());
    }

    /** ServiceTask_RecordAssessment: values flagged, contribution stored, status ASSESSED. */
    public void recordAssessment(DelegateExecution execution) {
        evaluations.assess(evaluationId(execution), assessment(execution), (String) execution.getVariable("assessedBy"));
    }

    /** Overdue escalations of the coach's tasks. */
    public void overdue(DelegateExecution execution, String taskName) {
        notifications.taskOverdue(evaluations.application(ref(execution)), phase(execution), taskName,
                (String) execution.getVariable("coachId"), mailKey(execution));
    }

    // ---- cohort-support

    /** Start listener of the support period: whether the call's set asks for a MIDTERM measurement. */
    public void planMidTerm(DelegateExecution execution) {
        execution.setVariable("impactMidTermAsked", evaluations.asks((String) execution.getVariable("callId"), ImpactPhase.MIDTERM));
    }

    /** End listener of the cohort call activities: an evaluation ended before being assessed (withdrawal, stop) is CANCELLED. */
    public void callEnded(DelegateExecution execution, String phase) {
        evaluations.cancel(ref(execution), ImpactPhase.valueOf(phase));
    }

    // ---- helpers

    private Assessment assessment(VariableScope scope) {
        return evaluations.checkAssessment(evaluationId(scope), scope.getVariable("contributionAssessment"),
                scope.getVariable("assessmentComment"), scope.getVariable("implausibleIndicators"),
                scope.getVariable("implausibleNote"));
    }

    private static long evaluationId(VariableScope scope) {
        return ((Number) scope.getVariable("evaluationId")).longValue();
    }

    private static ImpactPhase phase(VariableScope scope) {
        return ImpactPhase.valueOf((String) scope.getVariable("phase"));
    }

    private static String ref(VariableScope scope) {
        return (String) scope.getVariable("applicationRef");
    }

    private static String mailKey(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
    }
}
