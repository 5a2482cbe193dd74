package fr.kiif.programmes.impact.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.impact.CallIndicatorSets;
import fr.kiif.programmes.impact.ImpactFramework;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.impact.Indicator;
import fr.kiif.programmes.impact.IndicatorLevel;
import fr.kiif.programmes.impact.IndicatorSet;

/**
 * One laureate's evaluation for one phase: opened by the process, answered by the laureate (or entered by
 * the coach once the questionnaire expired), then assessed by the coach. Answers live in impact_value.
 */
@Service
public class ImpactEvaluationService {

    public static final String MESSAGE = "ImpactQuestionnaireSubmitted";
    public static final String PROCESS_KEY = "impact-evaluation";

    static final String EXPIRED = "Le délai pour répondre à ce questionnaire est dépassé : la personne qui vous accompagne "
            + "va vous contacter pour recueillir vos réponses.";
    static final String ALREADY_SENT = "Vos réponses à ce questionnaire ont déjà été envoyées. Merci !";
    static final String CANCELLED = "Ce questionnaire n'est plus ouvert : votre accompagnement a pris fin.";

    private final ApplicationRepository applications;
    private final ImpactEvaluationRepository evaluations;
    private final CallIndicatorSets callSets;
    private final ImpactFramework framework;
    private final RuntimeService runtime;
    private final Clock clock;

    public ImpactEvaluationService(ApplicationRepository applications, ImpactEvaluationRepository evaluations,
            CallIndicatorSets callSets, ImpactFramework framework, RuntimeService runtime, Clock clock) {
        this.applications = applications;
        this.evaluations = evaluations;
        this.callSets = callSets;
        this.framework = framework;
        this.runtime = runtime;
        this.clock = clock;
    }

    public Application application(String reference) {
        return applications.findByReference(reference).orElseThrow(() -> new IllegalStateException("No application " + reference));
    }

    /** Creates the evaluation (status SENT) with the call's current indicator set; finds it again when retried. */
    public Evaluation open(String reference, ImpactPhase phase, Instant now) {
        Application application = application(reference);
        IndicatorSet set = callSets.forCall(application.callId());
        return evaluations.open(application.id(), application.callId(),
                application.incubatorSlug() == null ? "" : application.incubatorSlug(), phase, set.id(), now);
    }

    public Optional<Evaluation> find(long applicationId, ImpactPhase phase) {
        return evaluations.find(applicationId, phase);
    }

    public Evaluation evaluation(long evaluationId) {
        return evaluations.find(evaluationId).orElseThrow(() -> new IllegalStateException("No evaluation " + evaluationId));
    }

    public ImpactDelays delays(String callId) {
        return evaluations.delays(callId);
    }

    /** Whether the call's set asks anything at this phase (MIDTERM is optional per set). */
    public boolean asks(String callId, ImpactPhase phase) {
        return callSets.forCall(callId).asks(phase);
    }

    public List<Indicator> indicators(Evaluation evaluation) {
        return framework.set(evaluation.indicatorSet()).indicators(evaluation.phase());
    }

    /** The questionnaire's pages: levels with at least one indicator, ENTREPRENEUR → PROJECT → TERRITORY. */
    public List<IndicatorLevel> levels(Evaluation evaluation) {
        IndicatorSet set = framework.set(evaluation.indicatorSet());
        return List.of(IndicatorLevel.values()).stream().filter(l -> !set.indicators(evaluation.phase(), l).isEmpty()).toList();
    }

    public List<Indicator> indicators(Evaluation evaluation, IndicatorLevel level) {
        return framework.set(evaluation.indicatorSet()).indicators(evaluation.phase(), level);
    }

    public Map<String, StoredValue> values(Evaluation evaluation) {
        return evaluations.values(evaluation.id());
    }

    /** The baseline answers, to compare with (FINAL and MIDTERM); empty at BASELINE or when none was assessed. */
    public Map<String, StoredValue> baselineValues(Evaluation evaluation) {
        if (evaluation.phase() == ImpactPhase.BASELINE) {
            return Map.of();
        }
        return evaluations.find(evaluation.applicationId(), ImpactPhase.BASELINE)
                .filter(e -> e.status().answered()).map(e -> evaluations.values(e.id())).orElse(Map.of());
    }

    /** The application's answer that prefills a BASELINE indicator (team size, funds raised), if any. */
    public Optional<String> prefill(Application application, Indicator indicator) {
        if (indicator.prefill() == null) {
            return Optional.empty();
        }
        return Optional.of(switch (indicator.prefill()) {
            case TEAM_SIZE -> Integer.toString(application.teamSize());
            case FUNDS_RAISED -> Long.toString(application.fundingToDate());
        });
    }

    /**
     * The laureate saves one page: every answer is checked first; with any error nothing is saved and the
     * errors (indicator id → French message) are returned.
     */
    @Transactional
    public Map<String, String> saveByLaureate(Evaluation evaluation, List<Indicator> indicators, Map<String, String> raw) {
        requireOpenToLaureate(evaluation);
        Map<String, String> errors = save(evaluation, indicators, raw);
        if (errors.isEmpty() && evaluation.status() == EvaluationStatus.SENT) {
            evaluations.setStatus(evaluation.id(), EvaluationStatus.IN_PROGRESS);
        }
        return errors;
    }

    /** The coach enters the answers collected by phone (status COLLECTING only). */
    @Transactional
    public Map<String, String> saveByCoach(Evaluation evaluation, List<Indicator> indicators, Map<String, String> raw) {
        if (evaluation.status() != EvaluationStatus.COLLECTING) {
            throw new QuestionnaireClosedException("Les réponses ne peuvent être saisies ici qu'une fois le questionnaire expiré, "
                    + "tant que la tâche « Recueillir les réponses » est ouverte.");
        }
        return save(evaluation, indicators, raw);
    }

    /** Required questions without an answer, by indicator id. */
    public Map<String, String> missingRequired(Evaluation evaluation) {
        Map<String, StoredValue> values = evaluations.values(evaluation.id());
        Map<String, String> missing = new LinkedHashMap<>();
        indicators(evaluation).stream().filter(Indicator::required).filter(i -> !values.containsKey(i.id()))
                .forEach(i -> missing.put(i.id(), AnswerRules.REQUIRED));
        return missing;
    }

    /**
     * The laureate sends the answers: status SUBMITTED and message ImpactQuestionnaireSubmitted, in one
     * transaction (if no process waits, nothing changes).
     *
     * @return the missing required answers; empty when sent
     */
    @Transactional
    public Map<String, String> submitByLaureate(Evaluation evaluation, String reference) {
        requireOpenToLaureate(evaluation);
        Map<String, String> missing = missingRequired(evaluation);
        if (!missing.isEmpty()) {
            return missing;
        }
        evaluations.submitted(evaluation.id(), EvaluationStatus.SUBMITTED, "LAUREATE", clock.instant());
        try {
            runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(reference)
                    .processInstanceVariableEquals("phase", evaluation.phase().name()).correlateExclusively();
        } catch (MismatchingMessageCorrelationException e) {
            throw new QuestionnaireClosedException(EXPIRED);
        }
        return Map.of();
    }

    /** The questionnaire expired: the laureate's link stops accepting answers, the coach collects them. */
    public void startCollection(long evaluationId) {
        Evaluation evaluation = evaluation(evaluationId);
        if (EvaluationStatus.OPEN_TO_LAUREATE.contains(evaluation.status())) {
            evaluations.setStatus(evaluationId, EvaluationStatus.COLLECTING);
        }
    }

    /** Completion of UserTask_CollectImpactAnswers: every required answer entered, then ENTERED. */
    public void enteredByCoach(long evaluationId) {
        Evaluation evaluation = evaluation(evaluationId);
        Map<String, String> missing = missingRequired(evaluation);
        if (!missing.isEmpty()) {
            Map<String, String> labels = indicators(evaluation).stream()
                    .collect(Collectors.toMap(Indicator::id, Indicator::label));
            throw new InvalidImpactInputException("Réponses incomplètes : saisissez d'abord sur la page des réponses les questions "
                    + "obligatoires suivantes : " + missing.keySet().stream().map(labels::get).collect(Collectors.joining(" ; ")) + ".");
        }
        evaluations.submitted(evaluationId, EvaluationStatus.ENTERED, "COACH", clock.instant());
    }

    /** Complete listener of UserTask_AssessImpact. */
    public Assessment checkAssessment(long evaluationId, Object contribution, Object comment, Object implausible, Object note) {
        return Assessment.read(contribution, comment, implausible, note, evaluations.values(evaluationId).keySet());
    }

    /** Stores the assessment and the implausible flags: the evaluation becomes ASSESSED (it then counts in reports). */
    @Transactional
    public void assess(long evaluationId, Assessment assessment, String assessedBy) {
        evaluations.flagImplausible(evaluationId, assessment.implausible(), assessment.implausibleNote());
        evaluations.assessed(evaluationId, assessedBy, clock.instant(), assessment.contribution(), assessment.comment());
    }

    /** The support ended before this evaluation was assessed. */
    public void cancel(String reference, ImpactPhase phase) {
        evaluations.cancelUnfinished(application(reference).id(), phase);
    }

    /** Questionnaires the laureate may answer now (for the tracking page). */
    public List<Evaluation> openToLaureate(long applicationId) {
        return evaluations.forApplication(applicationId).stream()
                .filter(e -> EvaluationStatus.OPEN_TO_LAUREATE.contains(e.status())).toList();
    }

    private Map<String, String> save(Evaluation evaluation, List<Indicator> indicators, Map<String, String> raw) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, AnswerRules.Answer> answers = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            try {
                answers.put(indicator.id(), AnswerRules.read(indicator, raw.get(indicator.id())));
            } catch (AnswerRules.InvalidAnswerException e) {
                errors.put(indicator.id(), e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Instant now = clock.instant();
        answers.forEach((id, answer) -> {
            if (answer == null) {
                evaluations.deleteValue(evaluation.id(), id);
            } else {
                BigDecimal number = answer.number();
                evaluations.saveValue(evaluation.id(), id, number, answer.text(), now);
            }
        });
        return errors;
    }

    private static void requireOpenToLaureate(Evaluation evaluation) {
        switch (evaluation.status()) {
            case SENT, IN_PROGRESS -> { }
            case COLLECTING -> throw new QuestionnaireClosedException(EXPIRED);
            case CANCELLED -> throw new QuestionnaireClosedException(CANCELLED);
            default -> throw new QuestionnaireClosedException(ALREADY_SENT);
        }
    }
}
