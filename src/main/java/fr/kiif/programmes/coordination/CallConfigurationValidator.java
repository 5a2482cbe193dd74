package fr.kiif.programmes.coordination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.alliance.Territory;
import fr.kiif.programmes.application.ApplicationApiErrors.FieldError;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.Criterion;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.impact.evaluation.ImpactDelays;
import fr.kiif.programmes.selection.CriterionDefinition;
import fr.kiif.programmes.selection.CriteriaCatalogue;

/**
 * Checks a call configuration and builds what is stored; collects every problem as a French field
 * error. The rules (and defaults) are those documented on {@link CallConfiguration}.
 */
@Component
public class CallConfigurationValidator {

    /** Same rule as the jury group ids ({@code jury-<callId>}). */
    static final Pattern CALL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}");
    static final Pattern REFERENCE_PREFIX = Pattern.compile("[A-Z0-9]{2,10}");
    static final int MAX_WEIGHT = 10;
    static final int MAX_REVIEWERS = 10;
    static final String DEFAULT_WHO_MAY_APPLY = "Les porteuses et porteurs de projet d'innovation sociale installés "
            + "sur un territoire couvert par l'appel.";

    static final Map<String, String> DEFAULT_DURATIONS = Map.ofEntries(
            Map.entry("reviewDeadline", "P21D"), Map.entry("reviewReminderBefore", "P3D"),
            Map.entry("escalationAfter", "P7D"), Map.entry("completionDelay", "P14D"),
            Map.entry("eligibilityCheckDelay", "P10D"), Map.entry("promotionWindow", "P60D"),
            Map.entry("supportDuration", "P270D"), Map.entry("checkInEvery", "P28D"),
            Map.entry("impactReminderAfter", "P7D"), Map.entry("impactResponseDelay", "P21D"),
            Map.entry("impactCollectionDelay", "P14D"), Map.entry("impactAssessmentDelay", "P14D"));

    private final AllianceReferenceData alliance;
    private final CallRepository calls;
    private final CriteriaCatalogue criteria;
    private final CamundaUsers users;
    private final Clock clock;

    public CallConfigurationValidator(AllianceReferenceData alliance, CallRepository calls, CriteriaCatalogue criteria,
                                      CamundaUsers users, Clock clock) {
        this.alliance = alliance;
        this.calls = calls;
        this.criteria = criteria;
        this.users = users;
        this.clock = clock;
    }

    /**
     * @param callId the id of the call being changed, or null for a new call (then the body's id is used)
     * @throws InvalidCallConfigurationException with every field error
     */
    public ValidatedCall validate(CallConfiguration c, String callId) {
        Errors errors = new Errors();
        String id = callId != null ? callId : trim(c.id());
        if (callId == null) {
            if (id == null) {
                errors.add("id", "L'identifiant de l'appel est obligatoire.");
            } else if (!CALL_ID.matcher(id).matches()) {
                errors.add("id", "L'identifiant ne peut contenir que des lettres minuscules, des chiffres et des tirets "
                        + "(61 caractères au plus, sans tiret au début).");
            }
        } else if (trim(c.id()) != null && !trim(c.id()).equals(callId)) {
            errors.add("id", "L'identifiant d'un appel ne peut pas être modifié.");
        }

        String programmeId = trim(c.programmeId());
        if (programmeId == null) {
            errors.add("programmeId", "Le programme est obligatoire.");
        } else if (!calls.programmeExists(programmeId)) {
            errors.add("programmeId", "Ce programme n'existe pas : " + programmeId + ".");
        }
        String title = required(errors, "title", c.title(), "Le titre est obligatoire.");
        if (title != null && title.length() > 200) {
            errors.add("title", "Le titre ne doit pas dépasser 200 caractères.");
        }
        String description = required(errors, "description", c.description(), "La description est obligatoire.");
        String whoMayApply = trim(c.whoMayApply()) == null ? DEFAULT_WHO_MAY_APPLY : trim(c.whoMayApply());

        Instant opensAt = instant(errors, "opensAt", c.opensAt(), "La date d'ouverture est obligatoire.");
        Instant closesAt = instant(errors, "closesAt", c.closesAt(), "La date de clôture est obligatoire.");
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            errors.add("closesAt", "La date de clôture doit être postérieure à la date d'ouverture.");
        } else if (closesAt != null && !closesAt.isAfter(clock.instant())) {
            errors.add("closesAt", "La date de clôture est déjà passée.");
        }

        Set<String> incubators = new LinkedHashSet<>();
        if (c.incubators() == null || c.incubators().isEmpty()) {
            errors.add("incubators", "Choisissez au moins un incubateur participant.");
        } else {
            for (String slug : c.incubators()) {
                String s = trim(slug);
                if (s == null || alliance.incubator(s).isEmpty()) {
                    errors.add("incubators", "Incubateur inconnu : " + (s == null ? "(vide)" : s) + ".");
                } else {
                    incubators.add(s);
                }
            }
        }

        Map<String, Integer> quotas = new LinkedHashMap<>();
        Map<String, Integer> givenQuotas = c.quotas() == null ? Map.of() : c.quotas();
        givenQuotas.forEach((slug, quota) -> {
            if (!incubators.contains(slug)) {
                errors.add("quotas." + slug, alliance.incubator(slug).isPresent()
                        ? "Quota pour un incubateur qui ne participe pas à l'appel : " + slug + "."
                        : "Quota pour un incubateur inconnu : " + slug + ".");
            } else if (quota == null || quota < 0) {
                errors.add("quotas." + slug, "Le quota de " + incubatorName(slug) + " doit être un nombre positif ou nul.");
            }
        });
        for (String slug : incubators) {
            Integer quota = givenQuotas.get(slug);
            if (!givenQuotas.containsKey(slug)) {
                errors.add("quotas." + slug, "Indiquez le quota de lauréats de " + incubatorName(slug) + ".");
            } else if (quota != null && quota >= 0) {
                quotas.put(slug, quota);
            }
        }
        int quotaSum = quotas.values().stream().mapToInt(Integer::intValue).sum();
        int cohortSize = 0;
        if (c.cohortSize() == null) {
            errors.add("cohortSize", "La taille de la promotion est obligatoire.");
        } else if (c.cohortSize() < 1) {
            errors.add("cohortSize", "La promotion doit compter au moins un lauréat.");
        } else {
            cohortSize = c.cohortSize();
            if (quotas.size() == incubators.size() && !incubators.isEmpty() && cohortSize > quotaSum) {
                errors.add("cohortSize", "La taille de la promotion (" + cohortSize
                        + ") ne peut pas dépasser la somme des quotas (" + quotaSum + ").");
            }
        }
        int waitlistSize = c.waitlistSize() == null ? 0 : c.waitlistSize();
        if (waitlistSize < 0) {
            errors.add("waitlistSize", "La taille de la liste d'attente doit être positive ou nulle.");
        }

        List<Criterion> weighted = new ArrayList<>();
        if (c.criteriaWeights() == null || c.criteriaWeights().isEmpty()) {
            errors.add("criteriaWeights", "Indiquez le poids de chacun des six critères.");
        } else {
            c.criteriaWeights().keySet().stream().filter(code -> criteria.byCode(code).isEmpty())
                    .forEach(code -> errors.add("criteriaWeights." + code, "Critère inconnu : " + code
                            + " (critères possibles : " + String.join(", ", criteria.codes()) + ")."));
            boolean anyPositive = false;
            for (CriterionDefinition definition : criteria.all()) {
                Integer weight = c.criteriaWeights().get(definition.code());
                String field = "criteriaWeights." + definition.code();
                if (weight == null) {
                    errors.add(field, "Indiquez le poids du critère « " + definition.label() + " » (0 s'il n'est pas évalué).");
                } else if (weight < 0 || weight > MAX_WEIGHT) {
                    errors.add(field, "Le poids du critère « " + definition.label() + " » doit être compris entre 0 et "
                            + MAX_WEIGHT + ".");
                } else {
                    anyPositive |= weight > 0;
                    weighted.add(new Criterion(definition.code(), definition.label(), definition.description(), weight));
                }
            }
            if (weighted.size() == criteria.all().size() && !anyPositive) {
                errors.add("criteriaWeights", "Au moins un critère doit avoir un poids supérieur à 0.");
            }
        }

        int territorialReviewers = c.territorialReviewers() == null ? 2 : c.territorialReviewers();
        int crossReviewers = c.crossReviewers() == null ? 1 : c.crossReviewers();
        boolean reviewerCountsValid = true;
        if (territorialReviewers < 0 || territorialReviewers > MAX_REVIEWERS) {
            errors.add("territorialReviewers", "Le nombre d'évaluateurs territoriaux doit être compris entre 0 et "
                    + MAX_REVIEWERS + ".");
            reviewerCountsValid = false;
        }
        if (crossReviewers < 0 || crossReviewers > MAX_REVIEWERS) {
            errors.add("crossReviewers", "Le nombre d'évaluateurs croisés doit être compris entre 0 et "
                    + MAX_REVIEWERS + ".");
            reviewerCountsValid = false;
        }
        if (reviewerCountsValid && territorialReviewers + crossReviewers < 1) {
            errors.add("territorialReviewers", "Chaque candidature doit avoir au moins un évaluateur (territorial ou croisé).");
        }

        Duration reviewDeadline = duration(errors, "reviewDeadline", c.reviewDeadline());
        Duration reviewReminderBefore = duration(errors, "reviewReminderBefore", c.reviewReminderBefore());
        Duration escalationAfter = duration(errors, "escalationAfter", c.escalationAfter());
        Duration completionDelay = duration(errors, "completionDelay", c.completionDelay());
        Duration eligibilityCheckDelay = duration(errors, "eligibilityCheckDelay", c.eligibilityCheckDelay());
        Duration promotionWindow = duration(errors, "promotionWindow", c.promotionWindow());
        Duration supportDuration = duration(errors, "supportDuration", c.supportDuration());
        Duration checkInEvery = duration(errors, "checkInEvery", c.checkInEvery());
        Duration impactReminderAfter = duration(errors, "impactReminderAfter", c.impactReminderAfter());
        Duration impactResponseDelay = duration(errors, "impactResponseDelay", c.impactResponseDelay());
        Duration impactCollectionDelay = duration(errors, "impactCollectionDelay", c.impactCollectionDelay());
        Duration impactAssessmentDelay = duration(errors, "impactAssessmentDelay", c.impactAssessmentDelay());
        if (reviewDeadline != null && reviewReminderBefore != null && reviewReminderBefore.compareTo(reviewDeadline) >= 0) {
            errors.add("reviewReminderBefore", "Le rappel doit partir avant l'échéance des évaluations : "
                    + "choisissez un délai plus court que celui des évaluations.");
        }
        if (supportDuration != null && checkInEvery != null && checkInEvery.compareTo(supportDuration) > 0) {
            errors.add("checkInEvery", "La périodicité des points d'étape ne peut pas dépasser la durée de l'accompagnement.");
        }
        if (impactReminderAfter != null && impactResponseDelay != null && impactReminderAfter.compareTo(impactResponseDelay) >= 0) {
            errors.add("impactReminderAfter", "Le rappel du questionnaire d'impact doit partir avant la fin du délai de "
                    + "réponse : choisissez un délai plus court que celui de la réponse.");
        }

        List<String> jury = new ArrayList<>();
        if (c.juryMembers() == null || c.juryMembers().stream().allMatch(m -> trim(m) == null)) {
            errors.add("juryMembers", "Indiquez au moins un membre du jury.");
        } else {
            c.juryMembers().stream().map(CallConfigurationValidator::trim).filter(m -> m != null && !jury.contains(m))
                    .forEach(jury::add);
            Set<String> existing = users.existing(jury);
            jury.stream().filter(m -> !existing.contains(m))
                    .forEach(m -> errors.add("juryMembers", "Utilisateur inconnu : " + m + "."));
        }

        Set<LegalForm> legalForms = enums(errors, "acceptedLegalForms", c.acceptedLegalForms(), LegalForm.class,
                "Forme juridique inconnue : ");
        Set<Stage> stages = enums(errors, "acceptedStages", c.acceptedStages(), Stage.class, "Stade de projet inconnu : ");

        String prefix = trim(c.referencePrefix());
        if (prefix != null) {
            prefix = prefix.toUpperCase(Locale.ROOT);
            if (!REFERENCE_PREFIX.matcher(prefix).matches()) {
                errors.add("referencePrefix", "Le préfixe des références doit compter 2 à 10 lettres majuscules ou chiffres.");
            } else if (calls.referencePrefixTaken(prefix, callId)) {
                errors.add("referencePrefix", "Ce préfixe de référence est déjà utilisé par un autre appel.");
            }
        } else if (id != null && CALL_ID.matcher(id).matches()) {
            prefix = derivePrefix(id, callId);
        }

        if (!errors.isEmpty()) {
            throw new InvalidCallConfigurationException(errors.list);
        }
        List<String> territories = alliance.territories().stream()
                .filter(t -> incubators.contains(t.incubatorSlug())).map(Territory::id).toList();
        ProgrammeCall call = new ProgrammeCall(id, programmeId, null, title, description, whoMayApply, prefix,
                opensAt, closesAt, territories, legalForms, stages, completionDelay, eligibilityCheckDelay, weighted);
        SelectionSettings settings = new SelectionSettings(quotas, cohortSize, waitlistSize, territorialReviewers,
                crossReviewers, reviewDeadline, reviewReminderBefore, escalationAfter,
                Boolean.TRUE.equals(c.blindReview()), List.copyOf(jury), promotionWindow, supportDuration, checkInEvery);
        ImpactDelays impactDelays = new ImpactDelays(impactReminderAfter, impactResponseDelay, impactCollectionDelay,
                impactAssessmentDelay);
        return new ValidatedCall(call, settings, impactDelays, Boolean.TRUE.equals(c.publish()));
    }

    /**
     * Initials of the id's words and the last two digits of its numbers, e.g. fin-de-vie-2026 → FDV26;
     * a number is appended when that prefix is taken.
     */
    String derivePrefix(String id, String callId) {
        StringBuilder base = new StringBuilder();
        for (String part : id.split("-")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                base.append(part.length() > 2 ? part.substring(part.length() - 2) : part);
            } else {
                base.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        String stem = base.length() > 8 ? base.substring(0, 8) : base.toString();
        if (stem.length() < 2) {
            stem = (stem + "AP").substring(0, 2);
        }
        String candidate = stem;
        for (int n = 2; calls.referencePrefixTaken(candidate, callId); n++) {
            candidate = stem + n;
        }
        return candidate;
    }

    private String incubatorName(String slug) {
        return alliance.incubator(slug).map(Incubator::name).orElse(slug);
    }

    private static String required(Errors errors, String field, String value, String message) {
        String v = trim(value);
        if (v == null) {
            errors.add(field, message);
        }
        return v;
    }

    private static Instant instant(Errors errors, String field, String value, String missing) {
        String v = trim(value);
        if (v == null) {
            errors.add(field, missing);
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "Date-heure ISO-8601 attendue, avec le fuseau (ex. 2026-12-01T09:00:00Z ou "
                    + "2026-12-01T10:00:00+01:00).");
            return null;
        }
    }

    private static Duration duration(Errors errors, String field, String value) {
        String v = trim(value);
        if (v == null) {
            v = DEFAULT_DURATIONS.get(field);
        }
        Duration duration;
        try {
            duration = Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            errors.add(field, "Durée ISO-8601 attendue (ex. P21D pour 21 jours, PT10M pour 10 minutes).");
            return null;
        }
        if (duration.isNegative() || duration.isZero()) {
            errors.add(field, "La durée doit être positive.");
            return null;
        }
        return duration;
    }

    private static <E extends Enum<E>> Set<E> enums(Errors errors, String field, List<String> values, Class<E> type,
                                                    String unknown) {
        if (values == null || values.isEmpty()) {
            return EnumSet.allOf(type);
        }
        Set<E> result = EnumSet.noneOf(type);
        for (String value : values) {
            String v = trim(value);
            try {
                result.add(Enum.valueOf(type, v == null ? "" : v));
            } catch (IllegalArgumentException e) {
                errors.add(field, unknown + (v == null ? "(vide)" : v) + ".");
            }
        }
        return result;
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final class Errors {
        final List<FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }
    }
}
