package fr.kiif.programmes.impact.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The coach's assessment (UserTask_AssessImpact), read from the task's variables and checked:
 * contribution 1–5, a comment, flagged indicators among the answered ones, a note when any is flagged.
 */
public record Assessment(int contribution, String comment, Set<String> implausible, String implausibleNote) {

    public static final int COMMENT_MAX = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Assessment read(Object contribution, Object comment, Object implausible, Object note, Set<String> answered) {
        List<String> problems = new ArrayList<>();
        Integer score = null;
        if (contribution != null && contribution.toString().strip().matches("[1-5](\\.0+)?")) {
            score = (int) Double.parseDouble(contribution.toString().strip());
        } else {
            problems.add("choisissez la contribution de l'accompagnement, de 1 à 5");
        }
        String text = comment == null ? "" : comment.toString().strip();
        if (text.isEmpty()) {
            problems.add("écrivez votre appréciation de la contribution de l'accompagnement");
        } else if (text.length() > COMMENT_MAX) {
            problems.add("l'appréciation ne doit pas dépasser 4 000 caractères");
        }
        Set<String> flagged = ids(implausible);
        if (!answered.containsAll(flagged)) {
            problems.add("seules des valeurs saisies peuvent être signalées comme invraisemblables");
        }
        String flagNote = note == null ? "" : note.toString().strip();
        if (!flagged.isEmpty() && flagNote.isEmpty()) {
            problems.add("expliquez pourquoi les valeurs signalées sont invraisemblables");
        }
        if (flagNote.length() > 1000) {
            problems.add("l'explication des valeurs invraisemblables ne doit pas dépasser 1 000 caractères");
        }
        if (!problems.isEmpty()) {
            throw new InvalidImpactInputException("Évaluation non enregistrée : " + String.join(" ; ", problems) + ".");
        }
        return new Assessment(score, text, flagged, flagged.isEmpty() ? null : flagNote);
    }

    /** A checklist's JSON array (Spin value or string) or a plain collection. */
    private static Set<String> ids(Object value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value == null || value.toString().isBlank()) {
            return ids;
        }
        if (value instanceof Iterable<?> items) {
            items.forEach(i -> ids.add(i.toString()));
            return ids;
        }
        try {
            JsonNode node = JSON.readTree(value.toString());
            if (!node.isArray()) {
                throw new InvalidImpactInputException("Évaluation non enregistrée : liste des valeurs signalées illisible.");
            }
            node.forEach(n -> ids.add(n.asText()));
            return ids;
        } catch (JsonProcessingException e) {
            throw new InvalidImpactInputException("Évaluation non enregistrée : liste des valeurs signalées illisible.");
        }
    }
}
