package fr.kiif.programmes.cohort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Server-side validation of the cohort tasks' variables (Tasklist validates in the browser only).
 * Every method throws {@link InvalidSupportInputException} with a French message.
 */
public final class SupportFormRules {

    public static final Set<String> RISK_LEVELS = Set.of("LOW", "MEDIUM", "HIGH");
    public static final Set<String> PROGRESS = Set.of("NOT_STARTED", "IN_PROGRESS", "ACHIEVED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SupportFormRules() {
    }

    /** A support plan entered at onboarding. */
    public record Plan(LocalDate kickoff, int expectedHours, List<CohortRepository.Objective> objectives) {
    }

    public static Plan plan(Object kickoffDate, Object objectives, Object expectedHours, int supportMonths) {
        LocalDate kickoff = date(kickoffDate);
        JsonNode list = json(objectives, "Le plan d'accompagnement");
        if (list == null || !list.isArray() || list.size() < 3 || list.size() > 5) {
            throw new InvalidSupportInputException("Le plan d'accompagnement compte de 3 à 5 objectifs.");
        }
        List<CohortRepository.Objective> parsed = new ArrayList<>();
        int position = 1;
        for (JsonNode item : list) {
            String objective = text(item, "objective");
            String target = text(item, "target");
            if (objective == null) {
                throw new InvalidSupportInputException("Objectif n° " + position + " : décrivez l'objectif.");
            }
            if (target == null) {
                throw new InvalidSupportInputException("Objectif n° " + position + " : indiquez la cible à atteindre.");
            }
            if (objective.length() > 500 || target.length() > 500) {
                throw new InvalidSupportInputException("Objectif n° " + position + " : 500 caractères au plus par champ.");
            }
            JsonNode month = item.get("dueMonth");
            Integer dueMonth = month == null ? null : wholeNumber(month.isTextual() ? month.asText() : month.toString());
            if (dueMonth == null || dueMonth < 1 || dueMonth > supportMonths) {
                throw new InvalidSupportInputException("Objectif n° " + position + " : le mois d'échéance est un nombre entier de 1 à "
                        + supportMonths + " (durée de l'accompagnement).");
            }
            parsed.add(new CohortRepository.Objective(position, objective, target, dueMonth));
            position++;
        }
        Integer hours = expectedHours == null ? null : wholeNumber(expectedHours.toString());
        if (hours == null || hours < 1 || hours > 2000) {
            throw new InvalidSupportInputException("Le nombre d'heures d'accompagnement prévues est un nombre entier de 1 à 2000.");
        }
        return new Plan(kickoff, hours, parsed);
    }

    public static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new InvalidSupportInputException("Indiquez la date de lancement de l'accompagnement.");
        }
        try {
            String text = value instanceof java.util.Date d ? d.toInstant().toString() : value.toString();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidSupportInputException("La date de lancement n'est pas une date valide (AAAA-MM-JJ).");
        }
    }

    /** A check-in: progress for every objective, hours, risk level, next steps. */
    public record CheckIn(String progressJson, BigDecimal hours, String riskLevel, String nextSteps) {
    }

    public static CheckIn checkIn(Object progress, Object supportHours, Object riskLevel, Object nextSteps, int objectives) {
        JsonNode list = json(progress, "L'avancement des objectifs");
        if (list == null || !list.isArray() || list.size() != objectives) {
            throw new InvalidSupportInputException("Indiquez l'avancement de chacun des " + objectives + " objectifs du plan.");
        }
        int position = 1;
        for (JsonNode item : list) {
            String value = text(item, "progress");
            if (value == null || !PROGRESS.contains(value)) {
                throw new InvalidSupportInputException("Objectif n° " + position
                        + " : choisissez un avancement (non commencé, en cours ou atteint).");
            }
            position++;
        }
        BigDecimal hours = decimal(supportHours);
        if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new InvalidSupportInputException("Les heures d'accompagnement depuis le dernier point sont un nombre supérieur à 0.");
        }
        if (riskLevel == null || !RISK_LEVELS.contains(riskLevel.toString())) {
            throw new InvalidSupportInputException("Choisissez un niveau de risque : faible, moyen ou élevé.");
        }
        if (nextSteps == null || nextSteps.toString().isBlank()) {
            throw new InvalidSupportInputException("Indiquez les prochaines étapes.");
        }
        return new CheckIn(list.toString(), hours, riskLevel.toString(), nextSteps.toString().strip());
    }

    public static void midTerm(Object continueSupport, Object summary, Object stopReason) {
        if (!(continueSupport instanceof Boolean)) {
            throw new InvalidSupportInputException("Indiquez si l'accompagnement continue.");
        }
        if (summary == null || summary.toString().isBlank()) {
            throw new InvalidSupportInputException("Rédigez la synthèse du bilan à mi-parcours.");
        }
        if (!((Boolean) continueSupport) && (stopReason == null || stopReason.toString().isBlank())) {
            throw new InvalidSupportInputException("Indiquez la raison de l'arrêt de l'accompagnement.");
        }
    }

    /** Final review: summary, and for each objective whether it is reached. */
    public record Final(String summary, List<Boolean> reached, List<String> comments) {
    }

    public static Final finalReview(Object summary, Object objectivesReached, int objectives) {
        if (summary == null || summary.toString().isBlank()) {
            throw new InvalidSupportInputException("Rédigez la synthèse du bilan final.");
        }
        JsonNode list = json(objectivesReached, "Les objectifs atteints");
        if (list == null || !list.isArray() || list.size() != objectives) {
            throw new InvalidSupportInputException("Indiquez pour chacun des " + objectives + " objectifs s'il est atteint.");
        }
        List<Boolean> reached = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        int position = 1;
        for (JsonNode item : list) {
            JsonNode value = item.get("reached");
            if (value == null || !(value.isBoolean() || "true".equals(value.asText()) || "false".equals(value.asText()))) {
                throw new InvalidSupportInputException("Objectif n° " + position + " : indiquez s'il est atteint (oui ou non).");
            }
            reached.add(value.asBoolean());
            comments.add(text(item, "comment"));
            position++;
        }
        return new Final(summary.toString().strip(), reached, comments);
    }

    public static boolean decision(Object value, String message) {
        if (!(value instanceof Boolean b)) {
            throw new InvalidSupportInputException(message);
        }
        return b;
    }

    static JsonNode json(Object value, String what) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw new InvalidSupportInputException(what + " n'est pas lisible (JSON attendu).");
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item == null ? null : item.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        return node.asText().strip();
    }

    private static Integer wholeNumber(String text) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            return value.stripTrailingZeros().scale() <= 0 ? value.intValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
