package fr.kiif.programmes.selection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.SelectionSettings;

/**
 * The jury's side of a call: the coordination's completeness check, the deliberation's data, the
 * validation and storage of decisions, the minutes, and the delivery of each decision to its
 * application's process (message {@code SelectionDecision}).
 */
@Service
public class JuryService {

    public static final String SELECTION_DECISION = "SelectionDecision";
    public static final String APPLICATION_PROCESS = "application";

    private static final Logger log = LoggerFactory.getLogger(JuryService.class);

    private final SelectionRepository selection;
    private final CallRepository calls;
    private final AllianceReferenceData alliance;
    private final JuryMinutes minutes;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public JuryService(SelectionRepository selection, CallRepository calls, AllianceReferenceData alliance,
                       JuryMinutes minutes, RuntimeService runtimeService, Clock clock) {
        this.selection = selection;
        this.calls = calls;
        this.alliance = alliance;
        this.minutes = minutes;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** The coordination's view before the jury: one row per incubator. */
    public record Preparation(List<Map<String, Object>> rows, String summary) {
    }

    /** What the jury's form shows and the decisions it starts from. */
    public record Deliberation(List<Map<String, Object>> applications, List<Map<String, Object>> decisions,
                               List<String> references, String quotaSummary) {
    }

    @Transactional(readOnly = true)
    public Preparation preparation(String callId) {
        SelectionSettings settings = calls.selectionSettings(callId);
        List<CallApplication> eligible = selection.applications(callId, SelectionRepository.IN_SELECTION);
        List<CallApplication> pending = selection.applications(callId, SelectionRepository.ELIGIBILITY_PENDING);
        Map<Long, List<ReviewRow>> reviews = selection.reviews(callId).stream()
                .collect(Collectors.groupingBy(ReviewRow::applicationId));
        TreeSet<String> incubators = new TreeSet<>(settings.quotas().keySet());
        eligible.forEach(a -> incubators.add(JuryDecisionRules.incubator(a)));
        pending.forEach(a -> incubators.add(JuryDecisionRules.incubator(a)));

        List<Map<String, Object>> rows = new ArrayList<>();
        for (String incubator : incubators) {
            List<CallApplication> ofIncubator = eligible.stream()
                    .filter(a -> JuryDecisionRules.incubator(a).equals(incubator)).toList();
            List<String> missing = new ArrayList<>();
            for (CallApplication application : ofIncubator) {
                if (application.scored()) {
                    continue;
                }
                List<String> reviewers = reviews.getOrDefault(application.id(), List.of()).stream()
                        .filter(ReviewRow::open).map(ReviewRow::reviewerId).toList();
                missing.add(application.reference() + " : "
                        + (reviewers.isEmpty() ? "aucune évaluation en cours" : String.join(", ", reviewers)));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("incubator", incubatorName(incubator));
            row.put("quota", settings.quotas().getOrDefault(incubator, 0));
            row.put("eligible", ofIncubator.size());
            row.put("reviewed", ofIncubator.stream().filter(CallApplication::scored).count());
            row.put("pendingEligibility", pending.stream().filter(a -> JuryDecisionRules.incubator(a).equals(incubator)).count());
            row.put("missingReviews", missing.isEmpty() ? "aucune" : String.join(" ; ", missing));
            rows.add(row);
        }
        long reviewed = eligible.stream().filter(CallApplication::scored).count();
        String summary = eligible.size() + " candidature" + plural(eligible.size()) + " éligible" + plural(eligible.size())
                + ", dont " + reviewed + " évaluée" + plural(reviewed) + " ; " + pending.size()
                + " encore en vérification d'éligibilité. " + quotaSummary(settings);
        return new Preparation(rows, summary);
    }

    /** The jury set: eligible applications of the call, grouped by incubator, best score first. */
    @Transactional(readOnly = true)
    public Deliberation deliberation(String callId) {
        SelectionSettings settings = calls.selectionSettings(callId);
        List<CallApplication> eligible = new ArrayList<>(selection.applications(callId, SelectionRepository.IN_SELECTION));
        eligible.sort(Comparator.comparing(JuryDecisionRules::incubator)
                .thenComparing(CallApplication::weightedScore, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(CallApplication::reference));
        Map<Long, List<ReviewRow>> reviews = selection.reviews(callId).stream()
                .collect(Collectors.groupingBy(ReviewRow::applicationId));
        List<Map<String, Object>> applications = new ArrayList<>();
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (CallApplication application : eligible) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("reference", application.reference());
            row.put("incubator", incubatorName(JuryDecisionRules.incubator(application)));
            row.put("projectTitle", application.projectTitle());
            row.put("weightedScore", score(application.weightedScore()));
            row.put("disagreement", application.disagreement());
            row.put("flag", application.disagreement() ? "Désaccord des évaluateurs" : "");
            row.put("reviews", String.join(" | ", reviewLines(reviews.getOrDefault(application.id(), List.of()))));
            applications.add(row);
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("applicationRef", application.reference());
            decision.put("decision", null);
            decision.put("waitlistRank", null);
            decision.put("rationale", null);
            decisions.add(decision);
        }
        return new Deliberation(applications, decisions, eligible.stream().map(CallApplication::reference).toList(),
                quotaSummary(settings));
    }

    /** Checks the jury's decisions against the jury set; throws {@link JuryDecisionRules.RejectedDecisions}. */
    @Transactional(readOnly = true)
    public List<JuryDecision> validate(String callId, List<String> jurySet, Object rawDecisions) {
        SelectionSettings settings = calls.selectionSettings(callId);
        List<CallApplication> applications = selection.applicationsByReference(callId, jurySet);
        return new JuryDecisionRules(applications, settings.quotas(), settings.cohortSize(), settings.waitlistSize(),
                this::incubatorName).check(rawDecisions);
    }

    /** Stores the decisions and the minutes (again on a retry). */
    @Transactional
    public void record(String callId, List<String> jurySet, Object rawDecisions) {
        List<JuryDecision> decisions = validate(callId, jurySet, rawDecisions);
        selection.replaceDecisions(callId, decisions, clock.instant());
        selection.saveMinutes(callId, minutes.render(callId), clock.instant());
        log.info("Call {}: {} jury decisions and the minutes stored", callId, decisions.size());
    }

    public List<String> decidedReferences(String callId) {
        return selection.decisions(callId).stream().map(StoredDecision::reference).toList();
    }

    /**
     * Sends an application its decision if its process can receive it; otherwise records why and
     * returns false (the other applications still get theirs).
     */
    @Transactional
    public boolean deliver(String callId, String reference) {
        StoredDecision decision = selection.decision(callId, reference)
                .orElseThrow(() -> new IllegalStateException("No jury decision for " + reference));
        long waiting = runtimeService.createExecutionQuery().processDefinitionKey(APPLICATION_PROCESS)
                .processInstanceBusinessKey(reference).messageEventSubscriptionName(SELECTION_DECISION).count();
        if (waiting == 0) {
            String problem = "Aucun processus de candidature n'attend la décision (candidature retirée, close ou pas encore prête).";
            selection.markUndelivered(decision.applicationId(), problem);
            log.warn("Call {}: decision {} for {} not delivered: {}", callId, decision.decision(), reference, problem);
            return false;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("decision", decision.decision().name());
        variables.put("waitlistRank", decision.waitlistRank());
        runtimeService.createMessageCorrelation(SELECTION_DECISION).processInstanceBusinessKey(reference)
                .setVariables(variables).correlateAll();
        selection.markDelivered(decision.applicationId(), clock.instant());
        return true;
    }

    /** Fails when decisions exist but none reached its application: that needs a person. */
    @Transactional(readOnly = true)
    public void checkDeliveries(String callId) {
        List<StoredDecision> decisions = selection.decisions(callId);
        List<String> undelivered = decisions.stream().filter(d -> d.deliveredAt() == null)
                .map(StoredDecision::reference).toList();
        if (!decisions.isEmpty() && undelivered.size() == decisions.size()) {
            throw new IllegalStateException("Aucune des " + decisions.size()
                    + " décisions du jury n'a pu être transmise à sa candidature : " + String.join(", ", undelivered));
        }
        if (!undelivered.isEmpty()) {
            log.warn("Call {}: decisions not delivered to {}", callId, undelivered);
        }
    }

    public String incubatorName(String slug) {
        if (slug == null || slug.isEmpty()) {
            return "Hors territoire";
        }
        return alliance.incubator(slug).map(Incubator::name).orElse(slug);
    }

    String quotaSummary(SelectionSettings settings) {
        String quotas = settings.quotas().entrySet().stream()
                .map(e -> incubatorName(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return "Cohorte : " + settings.cohortSize() + " place" + plural(settings.cohortSize()) + " au total. Quotas par incubateur : "
                + (quotas.isEmpty() ? "aucun" : quotas) + ". Liste d'attente : " + settings.waitlistSize()
                + " place" + plural(settings.waitlistSize()) + " au plus.";
    }

    public static String score(BigDecimal score) {
        if (score == null) {
            return "non évaluée";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(score.setScale(2, RoundingMode.HALF_UP));
    }

    /** The done reviews of an application, one line each: "reviewer : recommendation — comment". */
    static List<String> reviewLines(List<ReviewRow> reviews) {
        return reviews.stream().filter(r -> r.completed() && !r.recused())
                .map(r -> r.reviewerId() + " : " + recommendation(r.recommendation())
                        + (r.comment() == null || r.comment().isBlank() ? "" : " — " + r.comment().strip()))
                .toList();
    }

    static String recommendation(String code) {
        if (code == null) {
            return "sans recommandation";
        }
        return switch (code) {
            case "SELECT" -> "à sélectionner";
            case "DISCUSS" -> "à discuter";
            case "REJECT" -> "à ne pas retenir";
            default -> code;
        };
    }

    private static String plural(long count) {
        return count > 1 ? "s" : "";
    }
}
