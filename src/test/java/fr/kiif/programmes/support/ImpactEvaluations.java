package fr.kiif.programmes.support;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.impact.Indicator;
import fr.kiif.programmes.impact.evaluation.Evaluation;
import fr.kiif.programmes.impact.evaluation.ImpactEvaluationService;

/**
 * Drives a laureate's impact-evaluation instance as people would: the laureate saves valid answers and
 * sends them (message ImpactQuestionnaireSubmitted), the coach completes UserTask_AssessImpact.
 */
@Component
public class ImpactEvaluations {

    private final ImpactEvaluationService service;
    private final ApplicationRepository applications;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    public ImpactEvaluations(ImpactEvaluationService service, ApplicationRepository applications, RuntimeService runtimeService,
            TaskService taskService) {
        this.service = service;
        this.applications = applications;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** The running impact-evaluation instance of the laureate for this phase. */
    public ProcessInstance instance(String reference, ImpactPhase phase) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("impact-evaluation")
                .processInstanceBusinessKey(reference).variableValueEquals("phase", phase.name()).singleResult();
        if (pi == null) {
            throw new AssertionError("No running impact-evaluation " + phase + " for " + reference);
        }
        return pi;
    }

    public Evaluation evaluation(String reference, ImpactPhase phase) {
        long id = applications.findByReference(reference).orElseThrow().id();
        return service.find(id, phase).orElseThrow(() -> new AssertionError("No evaluation " + phase + " for " + reference));
    }

    /** A valid answer to every question of the evaluation, as typed in the form. */
    public Map<String, String> validAnswers(Evaluation evaluation) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Indicator indicator : service.indicators(evaluation)) {
            answers.put(indicator.id(), switch (indicator.type()) {
                case INTEGER -> bounded(indicator, 3).toPlainString();
                case DECIMAL -> "1,5";
                case PERCENTAGE -> "40";
                case SCALE -> "3";
                case YES_NO -> "OUI";
                case SINGLE_CHOICE -> indicator.choices().get(0).code();
                case TEXT -> "Une réponse.";
            });
        }
        return answers;
    }

    /** The laureate answers everything and sends the answers. */
    public void answer(String reference, ImpactPhase phase) {
        Evaluation evaluation = evaluation(reference, phase);
        Map<String, String> errors = service.saveByLaureate(evaluation, service.indicators(evaluation), validAnswers(evaluation));
        if (!errors.isEmpty()) {
            throw new AssertionError(errors.toString());
        }
        Map<String, String> missing = service.submitByLaureate(evaluation(reference, phase), reference);
        if (!missing.isEmpty()) {
            throw new AssertionError(missing.toString());
        }
    }

    /** The coach's assessment task of this evaluation. */
    public Task assessmentTask(String reference, ImpactPhase phase) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance(reference, phase).getId())
                .taskDefinitionKey("UserTask_AssessImpact").list();
        if (tasks.size() != 1) {
            throw new AssertionError("Expected one UserTask_AssessImpact, found " + tasks.size());
        }
        return tasks.get(0);
    }

    /** The coach assesses: contribution 4, a comment, nothing flagged. */
    public void assess(String reference, ImpactPhase phase) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("contributionAssessment", "4");
        variables.put("assessmentComment", "L'accompagnement a aidé à structurer le projet.");
        variables.put("implausibleIndicators", "[]");
        taskService.complete(assessmentTask(reference, phase).getId(), variables);
    }

    /** Answered by the laureate, then assessed: status ASSESSED, the calling process goes on. */
    public void complete(String reference, ImpactPhase phase) {
        answer(reference, phase);
        assess(reference, phase);
    }

    private static BigDecimal bounded(Indicator indicator, int preferred) {
        BigDecimal value = BigDecimal.valueOf(preferred);
        if (indicator.min() != null && value.compareTo(indicator.min()) < 0) {
            value = indicator.min();
        }
        if (indicator.max() != null && value.compareTo(indicator.max()) > 0) {
            value = indicator.max();
        }
        return value.stripTrailingZeros();
    }
}
