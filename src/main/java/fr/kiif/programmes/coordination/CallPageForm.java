package fr.kiif.programmes.coordination;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.kiif.programmes.application.ApplicationApiErrors.FieldError;
import fr.kiif.programmes.web.FrenchDates;

/**
 * The "Nouvel appel" / "Modifier l'appel" form of the coordination pages. Dates are entered in
 * Paris time (datetime-local); a duration is either a number of days ("21") or ISO-8601 text
 * ("P21D", "PT10M"). It converts to the API's {@link CallConfiguration} so both share one validation.
 */
public class CallPageForm {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private String id;
    private String programmeId = "fin-de-vie";
    private String title;
    private String description;
    private String whoMayApply;
    private String referencePrefix;
    private String opensAt;
    private String closesAt;
    private List<String> incubators = new ArrayList<>();
    private Map<String, String> quotas = new LinkedHashMap<>();
    private String cohortSize;
    private String waitlistSize = "0";
    private Map<String, String> criteriaWeights = new LinkedHashMap<>();
    private String territorialReviewers = "2";
    private String crossReviewers = "1";
    private String reviewDeadline = "21";
    private String reviewReminderBefore = "3";
    private String escalationAfter = "7";
    private String completionDelay = "14";
    private String eligibilityCheckDelay = "10";
    private boolean blindReview;
    private String juryMembers;
    private String promotionWindow = "60";
    private String supportDuration = "270";
    private String checkInEvery = "28";
    private String impactReminderAfter = "7";
    private String impactResponseDelay = "21";
    private String impactCollectionDelay = "14";
    private String impactAssessmentDelay = "14";
    private List<String> acceptedLegalForms = new ArrayList<>();
    private List<String> acceptedStages = new ArrayList<>();

    /** A form showing a stored configuration. */
    public static CallPageForm of(CallConfiguration c) {
        CallPageForm form = new CallPageForm();
        form.id = c.id();
        form.programmeId = c.programmeId();
        form.title = c.title();
        form.description = c.description();
        form.whoMayApply = c.whoMayApply();
        form.referencePrefix = c.referencePrefix();
        form.opensAt = local(c.opensAt());
        form.closesAt = local(c.closesAt());
        form.incubators = new ArrayList<>(c.incubators());
        c.quotas().forEach((k, v) -> form.quotas.put(k, String.valueOf(v)));
        form.cohortSize = String.valueOf(c.cohortSize());
        form.waitlistSize = String.valueOf(c.waitlistSize());
        c.criteriaWeights().forEach((k, v) -> form.criteriaWeights.put(k, String.valueOf(v)));
        form.territorialReviewers = String.valueOf(c.territorialReviewers());
        form.crossReviewers = String.valueOf(c.crossReviewers());
        form.reviewDeadline = days(c.reviewDeadline());
        form.reviewReminderBefore = days(c.reviewReminderBefore());
        form.escalationAfter = days(c.escalationAfter());
        form.completionDelay = days(c.completionDelay());
        form.eligibilityCheckDelay = days(c.eligibilityCheckDelay());
        form.blindReview = Boolean.TRUE.equals(c.blindReview());
        form.juryMembers = String.join(", ", c.juryMembers());
        form.promotionWindow = days(c.promotionWindow());
        form.supportDuration = days(c.supportDuration());
        form.checkInEvery = days(c.checkInEvery());
        form.impactReminderAfter = days(c.impactReminderAfter());
        form.impactResponseDelay = days(c.impactResponseDelay());
        form.impactCollectionDelay = days(c.impactCollectionDelay());
        form.impactAssessmentDelay = days(c.impactAssessmentDelay());
        form.acceptedLegalForms = new ArrayList<>(c.acceptedLegalForms());
        form.acceptedStages = new ArrayList<>(c.acceptedStages());
        return form;
    }

    /**
     * The API request for this form; problems the API would not see (a number or date that does
     * not parse) are added to {@code errors}.
     */
    public CallConfiguration toConfiguration(List<FieldError> errors, boolean publish) {
        Map<String, Integer> quotaValues = new LinkedHashMap<>();
        for (String slug : incubators) {
            quotaValues.put(slug, integer(errors, "quotas." + slug, quotas.get(slug)));
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        criteriaWeights.forEach((code, value) -> weights.put(code, integer(errors, "criteriaWeights." + code, value)));
        List<String> jury = juryMembers == null ? List.of()
                : List.of(juryMembers.split("[,;\\s]+")).stream().filter(s -> !s.isBlank()).toList();
        return new CallConfiguration(id, programmeId, title, description, instant(errors, "opensAt", opensAt),
                instant(errors, "closesAt", closesAt), incubators, quotaValues, integer(errors, "cohortSize", cohortSize),
                integer(errors, "waitlistSize", waitlistSize), weights,
                integer(errors, "territorialReviewers", territorialReviewers),
                integer(errors, "crossReviewers", crossReviewers), duration(reviewDeadline),
                duration(reviewReminderBefore), duration(escalationAfter), duration(completionDelay), blindReview, jury,
                duration(promotionWindow), duration(supportDuration), duration(checkInEvery), whoMayApply,
                referencePrefix, acceptedLegalForms, acceptedStages, duration(eligibilityCheckDelay),
                duration(impactReminderAfter), duration(impactResponseDelay), duration(impactCollectionDelay),
                duration(impactAssessmentDelay), publish);
    }

    private static Integer integer(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "Nombre entier attendu."));
            return null;
        }
    }

    private static String instant(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(FrenchDates.PARIS).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Date et heure attendues (jj/mm/aaaa hh:mm)."));
            return null;
        }
    }

    /** "21" means 21 days; anything else is passed on as ISO-8601 text. */
    static String duration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.matches("\\d+") ? "P" + v + "D" : v.toUpperCase();
    }

    /** A whole number of days shows as that number; other durations as ISO text. */
    static String days(String iso) {
        Duration duration = Duration.parse(iso);
        return duration.toSeconds() % 86_400 == 0 ? String.valueOf(duration.toDays()) : iso;
    }

    private static String local(String instant) {
        return java.time.Instant.parse(instant).atZone(FrenchDates.PARIS).toLocalDateTime()
                .truncatedTo(ChronoUnit.MINUTES).format(LOCAL);
    }

    // Getters and setters for data binding.
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getProgrammeId() { return programmeId; }
    public void setProgrammeId(String programmeId) { this.programmeId = programmeId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getWhoMayApply() { return whoMayApply; }
    public void setWhoMayApply(String whoMayApply) { this.whoMayApply = whoMayApply; }
    public String getReferencePrefix() { return referencePrefix; }
    public void setReferencePrefix(String referencePrefix) { this.referencePrefix = referencePrefix; }
    public String getOpensAt() { return opensAt; }
    public void setOpensAt(String opensAt) { this.opensAt = opensAt; }
    public String getClosesAt() { return closesAt; }
    public void setClosesAt(String closesAt) { this.closesAt = closesAt; }
    public List<String> getIncubators() { return incubators; }
    public void setIncubators(List<String> incubators) { this.incubators = incubators == null ? new ArrayList<>() : incubators; }
    public Map<String, String> getQuotas() { return quotas; }
    public void setQuotas(Map<String, String> quotas) { this.quotas = quotas; }
    public String getCohortSize() { return cohortSize; }
    public void setCohortSize(String cohortSize) { this.cohortSize = cohortSize; }
    public String getWaitlistSize() { return waitlistSize; }
    public void setWaitlistSize(String waitlistSize) { this.waitlistSize = waitlistSize; }
    public Map<String, String> getCriteriaWeights() { return criteriaWeights; }
    public void setCriteriaWeights(Map<String, String> criteriaWeights) { this.criteriaWeights = criteriaWeights; }
    public String getTerritorialReviewers() { return territorialReviewers; }
    public void setTerritorialReviewers(String territorialReviewers) { this.territorialReviewers = territorialReviewers; }
    public String getCrossReviewers() { return crossReviewers; }
    public void setCrossReviewers(String crossReviewers) { this.crossReviewers = crossReviewers; }
    public String getReviewDeadline() { return reviewDeadline; }
    public void setReviewDeadline(String reviewDeadline) { this.reviewDeadline = reviewDeadline; }
    public String getReviewReminderBefore() { return reviewReminderBefore; }
    public void setReviewReminderBefore(String reviewReminderBefore) { this.reviewReminderBefore = reviewReminderBefore; }
    public String getEscalationAfter() { return escalationAfter; }
    public void setEscalationAfter(String escalationAfter) { this.escalationAfter = escalationAfter; }
    public String getCompletionDelay() { return completionDelay; }
    public void setCompletionDelay(String completionDelay) { this.completionDelay = completionDelay; }
    public String getEligibilityCheckDelay() { return eligibilityCheckDelay; }
    public void setEligibilityCheckDelay(String eligibilityCheckDelay) { this.eligibilityCheckDelay = eligibilityCheckDelay; }
    public boolean isBlindReview() { return blindReview; }
    public void setBlindReview(boolean blindReview) { this.blindReview = blindReview; }
    public String getJuryMembers() { return juryMembers; }
    public void setJuryMembers(String juryMembers) { this.juryMembers = juryMembers; }
    public String getPromotionWindow() { return promotionWindow; }
    public void setPromotionWindow(String promotionWindow) { this.promotionWindow = promotionWindow; }
    public String getSupportDuration() { return supportDuration; }
    public void setSupportDuration(String supportDuration) { this.supportDuration = supportDuration; }
    public String getCheckInEvery() { return checkInEvery; }
    public void setCheckInEvery(String checkInEvery) { this.checkInEvery = checkInEvery; }
    public String getImpactReminderAfter() { return impactReminderAfter; }
    public void setImpactReminderAfter(String impactReminderAfter) { this.impactReminderAfter = impactReminderAfter; }
    public String getImpactResponseDelay() { return impactResponseDelay; }
    public void setImpactResponseDelay(String impactResponseDelay) { this.impactResponseDelay = impactResponseDelay; }
    public String getImpactCollectionDelay() { return impactCollectionDelay; }
    public void setImpactCollectionDelay(String impactCollectionDelay) { this.impactCollectionDelay = impactCollectionDelay; }
    public String getImpactAssessmentDelay() { return impactAssessmentDelay; }
    public void setImpactAssessmentDelay(String impactAssessmentDelay) { this.impactAssessmentDelay = impactAssessmentDelay; }
    public List<String> getAcceptedLegalForms() { return acceptedLegalForms; }
    public void setAcceptedLegalForms(List<String> acceptedLegalForms) { this.acceptedLegalForms = acceptedLegalForms == null ? new ArrayList<>() : acceptedLegalForms; }
    public List<String> getAcceptedStages() { return acceptedStages; }
    public void setAcceptedStages(List<String> acceptedStages) { this.acceptedStages = acceptedStages == null ? new ArrayList<>() : acceptedStages; }
}
