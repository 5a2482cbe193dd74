package fr.kiif.programmes.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.selection.JuryDecision.Decision;

/**
 * The rules a deliberation must follow before the jury's task may complete: every application of
 * the jury set decided exactly once, quotas per incubator and cohort size respected, waitlist ranks
 * 1..n without gaps per incubator (and within the call's waitlist size), a rationale for every
 * rejection of an application whose reviewers disagreed. Messages are in French, for the jury.
 */
public final class JuryDecisionRules {

    /** Incubator key of applications routed to no incubator. */
    public static final String NO_INCUBATOR = "";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<CallApplication> jurySet;
    private final Map<String, Integer> quotas;
    private final int cohortSize;
    private final int waitlistSize;
    private final Function<String, String> incubatorName;

    public JuryDecisionRules(List<CallApplication> jurySet, Map<String, Integer> quotas, int cohortSize,
                             int waitlistSize, Function<String, String> incubatorName) {
        this.jurySet = List.copyOf(jurySet);
        this.quotas = Map.copyOf(quotas);
        this.cohortSize = cohortSize;
        this.waitlistSize = waitlistSize;
        this.incubatorName = incubatorName;
    }

    /** Thrown with every rule the decisions break, in the order a jury would fix them. */
    public static class RejectedDecisions extends RuntimeException {

        private final List<String> violations;

        RejectedDecisions(List<String> violations) {
            super("Décisions du jury refusées : " + String.join(" ; ", violations));
            this.violations = List.copyOf(violations);
        }

        public List<String> violations() {
            return violations;
        }
    }

    /**
     * Checks the value of {@code juryDecisions} as the form sends it (JSON text, a Spin JSON node or a
     * list of maps) and returns the decisions, one per application of the jury set, in its order.
     */
    public List<JuryDecision> check(Object rawDecisions) {
        JsonNode rows = parse(rawDecisions);
        List<String> violations = new ArrayList<>();
        Map<String, CallApplication> byReference = new LinkedHashMap<>();
        jurySet.forEach(a -> byReference.put(a.reference(), a));

        Map<String, JuryDecision> decided = new LinkedHashMap<>();
        Set<String> duplicates = new LinkedHashSet<>();
        Set<String> undecided = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            String reference = text(row, "applicationRef");
            if (reference == null) {
                violations.add("La ligne " + index + " des décisions n'indique pas de candidature.");
                continue;
            }
            if (!byReference.containsKey(reference)) {
                violations.add("La candidature " + reference + " ne fait pas partie des candidatures soumises au jury.");
                continue;
            }
            if (decided.containsKey(reference) || undecided.contains(reference)) {
                duplicates.add(reference);
                continue;
            }
            Decision decision = decision(text(row, "decision"));
            if (decision == null) {
                undecided.add(reference);
                continue;
            }
            Integer rank = null;
            if (decision == Decision.WAITLISTED) {
                String rankText = text(row, "waitlistRank");
                if (rankText == null) {
                    violations.add("La candidature " + reference + " est sur liste d'attente sans rang : indiquez son rang.");
                } else {
                    rank = rank(rankText);
                    if (rank == null) {
                        violations.add("Le rang de liste d'attente de la candidature " + reference
                                + " doit être un nombre entier à partir de 1 (reçu : " + rankText + ").");
                    }
                }
            }
            decided.put(reference, new JuryDecision(reference, decision, rank, text(row, "rationale")));
        }
        duplicates.forEach(reference ->
                violations.add("La candidature " + reference + " a reçu plusieurs décisions : une seule est permise."));
        for (String reference : byReference.keySet()) {
            if (!decided.containsKey(reference) && !duplicates.contains(reference)) {
                violations.add("Aucune décision pour la candidature " + reference
                        + " : choisissez « Sélectionnée », « Liste d'attente » ou « Non retenue ».");
            }
        }

        checkQuotas(byReference, decided, violations);
        checkWaitlist(byReference, decided, violations);
        for (JuryDecision decision : decided.values()) {
            CallApplication application = byReference.get(decision.applicationRef());
            if (decision.decision() == Decision.REJECTED && application.disagreement() && decision.rationale() == null) {
                violations.add("La candidature " + decision.applicationRef()
                        + " n'est pas retenue alors que ses évaluateurs étaient en désaccord : une justification est obligatoire.");
            }
        }
        if (!violations.isEmpty()) {
            throw new RejectedDecisions(violations);
        }
        return byReference.keySet().stream().map(decided::get).toList();
    }

    private void checkQuotas(Map<String, CallApplication> byReference, Map<String, JuryDecision> decided,
                             List<String> violations) {
        Map<String, Long> selected = new TreeMap<>(decided.values().stream()
                .filter(d -> d.decision() == Decision.SELECTED)
                .collect(Collectors.groupingBy(d -> incubator(byReference.get(d.applicationRef())), Collectors.counting())));
        selected.forEach((incubator, count) -> {
            int quota = quotas.getOrDefault(incubator, 0);
            if (count > quota) {
                violations.add("Incubateur " + incubatorName.apply(incubator) + " : " + count + " candidature"
                        + plural(count) + " sélectionnée" + plural(count) + " pour un quota de " + quota + ".");
            }
        });
        long total = selected.values().stream().mapToLong(Long::longValue).sum();
        if (total > cohortSize) {
            violations.add(total + " candidature" + plural(total) + " sélectionnée" + plural(total) + " au total pour une cohorte de " + cohortSize + " place"
                    + plural(cohortSize) + ".");
        }
    }

    private void checkWaitlist(Map<String, CallApplication> byReference, Map<String, JuryDecision> decided,
                               List<String> violations) {
        Map<String, List<Integer>> ranks = new TreeMap<>();
        long waitlisted = 0;
        for (JuryDecision decision : decided.values()) {
            if (decision.decision() != Decision.WAITLISTED) {
                continue;
            }
            waitlisted++;
            if (decision.waitlistRank() != null) {
                ranks.computeIfAbsent(incubator(byReference.get(decision.applicationRef())), k -> new ArrayList<>())
                        .add(decision.waitlistRank());
            }
        }
        ranks.forEach((incubator, given) -> {
            List<Integer> sorted = given.stream().sorted().toList();
            boolean consecutive = true;
            for (int i = 0; i < sorted.size(); i++) {
                consecutive &= sorted.get(i) == i + 1;
            }
            if (!consecutive) {
                violations.add("Incubateur " + incubatorName.apply(incubator)
                        + " : les rangs de liste d'attente doivent aller de 1 à " + sorted.size()
                        + " sans trou ni doublon (rangs reçus : "
                        + sorted.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ").");
            }
        });
        if (waitlisted > waitlistSize) {
            violations.add(waitlisted + " candidature" + plural(waitlisted) + " sur liste d'attente pour une liste de " + waitlistSize
                    + " place" + plural(waitlistSize) + " au plus.");
        }
    }

    static String incubator(CallApplication application) {
        return application.incubatorSlug() == null ? NO_INCUBATOR : application.incubatorSlug();
    }

    private static JsonNode parse(Object raw) {
        if (raw == null) {
            throw new RejectedDecisions(List.of("Les décisions du jury sont absentes."));
        }
        try {
            JsonNode node = raw instanceof String text ? JSON.readTree(text)
                    : raw instanceof List<?> || raw instanceof Map<?, ?> ? JSON.valueToTree(raw)
                    : JSON.readTree(raw.toString());
            if (node == null || !node.isArray()) {
                throw new RejectedDecisions(List.of("Les décisions du jury doivent être une liste."));
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RejectedDecisions(List.of("Les décisions du jury sont illisibles."));
        }
    }

    private static Decision decision(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Decision.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer rank(String text) {
        try {
            double value = Double.parseDouble(text);
            if (value >= 1 && value == Math.rint(value) && value < 10_000) {
                return (int) value;
            }
            return null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Trimmed text of a field, null when missing, JSON null or blank. */
    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isTextual() ? value.textValue() : value.toString();
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    private static String plural(long count) {
        return count > 1 ? "s" : "";
    }
}
