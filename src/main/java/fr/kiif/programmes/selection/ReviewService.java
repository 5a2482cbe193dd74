package fr.kiif.programmes.selection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.application.EligibilityCheckService;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;

/** The reviews of an application: start, reviewer's view, validation, recording and the weighted score. */
@Service
public class ReviewService {

    /** Summary rows a cross reviewer does not see when the call asks for blind review. */
    // File names often carry the organisation's name.
    static final Set<String> BLIND_ROWS = Set.of("Structure", "SIRET", "Documents joints");
    public static final BigDecimal DISAGREEMENT_GAP = new BigDecimal("1.5");
    static final String DEFAULT_RECUSAL_REASON = "Conflit d'intérêts déclaré par la personne évaluatrice.";

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final ReviewRepository reviews;
    private final EligibilityCheckService eligibility;
    private final SelectionProgress progress;
    private final ConflictRegistry conflicts;
    private final Clock clock;

    public ReviewService(ApplicationRepository applications, CallRepository calls, ReviewRepository reviews,
            EligibilityCheckService eligibility, SelectionProgress progress, ConflictRegistry conflicts, Clock clock) {
        this.conflicts = conflicts;
        this.applications = applications;
        this.calls = calls;
        this.reviews = reviews;
        this.eligibility = eligibility;
        this.progress = progress;
        this.clock = clock;
    }

    /** Status "en cours d'évaluation", on the timeline too. */
    public void startReviews(String reference) {
        Application application = application(reference);
        if (application.status() != ApplicationStatus.IN_REVIEW) {
            applications.updateStatus(application.id(), ApplicationStatus.IN_REVIEW);
            applications.addEvent(application.id(), ApplicationStatus.IN_REVIEW, clock.instant(), null);
        }
    }

    /** The criteria reviewers score: those of the call with a weight above 0. */
    public Set<ReviewCriteria> askedCriteria(String callId) {
        Map<String, Integer> weights = reviews.weights(callId);
        Set<ReviewCriteria> asked = EnumSet.noneOf(ReviewCriteria.class);
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            if (weights.getOrDefault(criterion.code(), 0) > 0) {
                asked.add(criterion);
            }
        }
        return asked;
    }

    /** Review deadlines of the call: due date, reminder and escalation instants. */
    public ReviewDeadlines deadlines(String callId) {
        ProgrammeCall call = calls.findById(callId).orElseThrow();
        SelectionSettings settings = calls.selectionSettings(callId);
        Instant due = call.closesAt().plus(settings.reviewDeadline());
        return new ReviewDeadlines(due, due.minus(settings.reviewReminderBefore()), due.plus(settings.escalationAfter()),
                settings.escalationAfter());
    }

    /**
     * The application summary a reviewer sees (never the contact person). With blind review, cross
     * reviewers do not see the organisation's name, SIRET or documents either.
     */
    public List<Map<String, String>> reviewerSummary(String reference, ReviewKind kind) {
        List<Map<String, String>> rows = eligibility.summary(reference);
        Application application = application(reference);
        if (kind == ReviewKind.CROSS && calls.selectionSettings(application.callId()).blindReview()) {
            return rows.stream().filter(row -> !BLIND_ROWS.contains(row.get("label"))).toList();
        }
        return rows;
    }

    /** True when the reviewer declared a conflict of interest (form checkbox). */
    public static boolean declaresConflict(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** Problems with a submitted review, in French; empty when it can be accepted. */
    public static Optional<String> problem(Set<ReviewCriteria> asked, Function<String, Object> variables) {
        if (declaresConflict(variables.apply(ReviewCriteria.CONFLICT_OF_INTEREST))) {
            return Optional.empty();
        }
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            if (asked.contains(criterion) && score(variables.apply(criterion.variable())).isEmpty()) {
                return Optional.of("Donnez une note entière de 1 à 5 pour le critère « " + criterion.label() + " ».");
            }
        }
        if (!(variables.apply(ReviewCriteria.REVIEW_COMMENT) instanceof String comment) || comment.isBlank()) {
            return Optional.of("Le commentaire est obligatoire : expliquez votre évaluation.");
        }
        if (comment.length() > 4000) {
            return Optional.of("Le commentaire est trop long (4 000 caractères au maximum).");
        }
        if (!(variables.apply(ReviewCriteria.RECOMMENDATION) instanceof String recommendation)
                || !ReviewCriteria.RECOMMENDATIONS.contains(recommendation)) {
            return Optional.of("Choisissez une recommandation : sélectionner, à discuter ou ne pas retenir.");
        }
        return Optional.empty();
    }

    /** A score from a form value: an integer from 1 to 5 (numbers may come as Long or Double). */
    public static Optional<Integer> score(Object value) {
        Double number = null;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else if (value instanceof String text && text.trim().matches("\\d+(\\.0+)?")) {
            number = Double.valueOf(text.trim());
        }
        if (number == null || number != Math.rint(number) || number < 1 || number > 5) {
            return Optional.empty();
        }
        return Optional.of(number.intValue());
    }

    /** The accepted review (checked before with {@link #problem}): asked scores only. */
    public static ReviewScores read(Set<ReviewCriteria> asked, Function<String, Object> variables) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (ReviewCriteria criterion : asked) {
            scores.put(criterion.code(), score(variables.apply(criterion.variable())).orElseThrow());
        }
        return new ReviewScores(scores, ((String) variables.apply(ReviewCriteria.REVIEW_COMMENT)).trim(),
                (String) variables.apply(ReviewCriteria.RECOMMENDATION));
    }

    public void recordDone(long reviewId, ReviewScores scores) {
        reviews.markDone(reviewId, scores, clock.instant());
    }

    /** The reviewer withdrew for a conflict of interest: recorded, and kept in the registry. */
    public void recordRecusal(String reference, long reviewId, String reviewerId, String reason) {
        String text = reason == null || reason.isBlank() ? DEFAULT_RECUSAL_REASON : reason.trim();
        Instant now = clock.instant();
        reviews.markClosed(reviewId, ReviewStatus.RECUSED, text, now);
        Application application = application(reference);
        if (!conflicts.hasConflict(reviewerId, application.organisationName(), application.siret())) {
            conflicts.add(reviewerId, application.organisationName(), application.siret(), text, reviewerId);
        }
    }

    /**
     * Weighted score = Σ(weight × mean score of the criterion over DONE reviews) / Σ weights (weight 0
     * left out); disagreement when two reviewers' overall scores differ by 1.5 or more, or when
     * recommendations include both SELECT and REJECT. Stored for the jury; status REVIEWED.
     */
    public ScoreResult computeScore(String reference) {
        Application application = application(reference);
        Map<String, Integer> weights = new LinkedHashMap<>();
        reviews.weights(application.callId()).forEach((code, weight) -> {
            if (weight > 0 && isCriterion(code)) {
                weights.put(code, weight);
            }
        });
        List<DoneReview> done = reviews.doneReviews(application.id());
        List<BigDecimal> overalls = new ArrayList<>();
        for (DoneReview review : done) {
            BigDecimal overall = weightedMean(weights, code -> toDecimal(review.scores().get(code)));
            reviews.updateOverallScore(review.id(), overall);
            if (overall != null) {
                overalls.add(overall);
            }
        }
        BigDecimal weighted = weightedMean(weights, code -> mean(done, code));
        BigDecimal min = overalls.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal max = overalls.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<String> recommendations = done.stream().map(DoneReview::recommendation).toList();
        boolean disagreement = max.subtract(min).compareTo(DISAGREEMENT_GAP) >= 0
                || (recommendations.contains("SELECT") && recommendations.contains("REJECT"));
        BigDecimal stored = weighted == null ? BigDecimal.ZERO.setScale(2) : weighted;
        Instant now = clock.instant();
        reviews.saveScore(application.id(), stored, disagreement, now);
        applications.updateStatus(application.id(), ApplicationStatus.REVIEWED);
        applications.addEvent(application.id(), ApplicationStatus.REVIEWED, now, null);
        progress.applicationReviewed(application.callId());
        return new ScoreResult(stored, disagreement, done.size());
    }

    /** The jury decided while reviews were open: they are closed as cancelled. */
    public int cancelOpenReviews(String reference) {
        return reviews.cancelOpen(application(reference).id(), clock.instant());
    }

    private static boolean isCriterion(String code) {
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            if (criterion.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal mean(List<DoneReview> done, String code) {
        List<Integer> values = done.stream().map(review -> review.scores().get(code)).filter(v -> v != null).toList();
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int value : values) {
            sum = sum.add(BigDecimal.valueOf(value));
        }
        return sum.divide(BigDecimal.valueOf(values.size()), 10, RoundingMode.HALF_UP);
    }

    /** Σ(weight × value) / Σ weight over the criteria with a value; null when none has one. */
    private static BigDecimal weightedMean(Map<String, Integer> weights, Function<String, BigDecimal> value) {
        BigDecimal sum = BigDecimal.ZERO;
        int totalWeight = 0;
        for (Map.Entry<String, Integer> entry : weights.entrySet()) {
            BigDecimal v = value.apply(entry.getKey());
            if (v != null) {
                sum = sum.add(v.multiply(BigDecimal.valueOf(entry.getValue())));
                totalWeight += entry.getValue();
            }
        }
        return totalWeight == 0 ? null : sum.divide(BigDecimal.valueOf(totalWeight), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal toDecimal(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    private Application application(String reference) {
        return applications.findByReference(reference)
                .orElseThrow(() -> new IllegalStateException("No application " + reference));
    }

    /** When a review is due, when to remind the reviewer, when to escalate to the coordination. */
    public record ReviewDeadlines(Instant due, Instant reminder, Instant escalation, java.time.Duration escalationAfter) {
    }

    /** The stored result of an application's reviews. */
    public record ScoreResult(BigDecimal weightedScore, boolean disagreement, int doneReviews) {
    }
}
