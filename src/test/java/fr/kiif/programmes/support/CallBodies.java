package fr.kiif.programmes.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bodies for the coordination API (POST /api/coordination/calls): the example with a unique id and dates around now. */
public final class CallBodies {

    private CallBodies() {
    }

    public static String uniqueId() {
        return "coord-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The example body, opening in a day and closing two minutes later. */
    public static Map<String, Object> body(String id) {
        Instant opensAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        return body(id, opensAt, opensAt.plus(Duration.ofMinutes(2)));
    }

    public static Map<String, Object> body(String id, Instant opensAt, Instant closesAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("programmeId", "fin-de-vie");
        body.put("title", "Appel d'essai " + id);
        body.put("description", "...");
        body.put("opensAt", opensAt.toString());
        body.put("closesAt", closesAt.toString());
        body.put("incubators", List.of("atis", "ronalpia", "adress"));
        body.put("quotas", new LinkedHashMap<>(Map.of("atis", 2, "ronalpia", 2, "adress", 2)));
        body.put("cohortSize", 5);
        body.put("waitlistSize", 3);
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("socialImpact", 3);
        weights.put("innovation", 2);
        weights.put("team", 2);
        weights.put("economicModel", 2);
        weights.put("themeFit", 1);
        weights.put("scaling", 1);
        body.put("criteriaWeights", weights);
        body.put("territorialReviewers", 2);
        body.put("crossReviewers", 1);
        body.put("reviewDeadline", "PT10M");
        body.put("reviewReminderBefore", "PT2M");
        body.put("escalationAfter", "PT5M");
        body.put("completionDelay", "PT5M");
        body.put("blindReview", false);
        body.put("juryMembers", List.of("jury-1", "jury-2", "jury-3"));
        body.put("promotionWindow", "PT30M");
        body.put("supportDuration", "PT20M");
        body.put("checkInEvery", "PT5M");
        return body;
    }
}
