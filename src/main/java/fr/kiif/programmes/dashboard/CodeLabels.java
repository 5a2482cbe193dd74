package fr.kiif.programmes.dashboard;

import java.math.BigDecimal;
import java.util.Arrays;

import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.cohort.Hours;
import fr.kiif.programmes.selection.JuryService;

/**
 * French names of the codes the dashboard reads from the database (the code itself when unknown), one place for the
 * pages ({@code @codeLabels} in templates) and the exports, so both say the same thing.
 */
@Component("codeLabels")
public class CodeLabels {

    public static String applicationStatus(String code) {
        return Arrays.stream(ApplicationStatus.values()).filter(s -> s.name().equals(code)).findFirst()
                .map(ApplicationStatus::label).orElse(code);
    }

    public static String legalForm(String code) {
        return Arrays.stream(LegalForm.values()).filter(s -> s.name().equals(code)).findFirst()
                .map(LegalForm::label).orElse(code);
    }

    public static String stage(String code) {
        return Arrays.stream(Stage.values()).filter(s -> s.name().equals(code)).findFirst().map(Stage::label).orElse(code);
    }

    public static String eligibility(String code) {
        return code == null ? null : switch (code) {
            case "ELIGIBLE" -> "Éligible";
            case "INELIGIBLE" -> "Non éligible";
            default -> code;
        };
    }

    public static String decision(String code) {
        return code == null ? null : switch (code) {
            case "SELECTED" -> "Sélectionnée";
            case "WAITLISTED" -> "Liste d'attente";
            case "REJECTED" -> "Non retenue";
            default -> code;
        };
    }

    public static String reviewKind(String code) {
        return switch (code) {
            case "TERRITORIAL" -> "Territoriale";
            case "CROSS" -> "Croisée (autre territoire)";
            default -> code;
        };
    }

    public static String reviewStatus(String code) {
        return switch (code) {
            case "ASSIGNED" -> "À faire";
            case "DONE" -> "Faite";
            case "RECUSED" -> "Récusation (conflit d'intérêts)";
            case "REASSIGNED" -> "Réattribuée";
            case "CANCELLED" -> "Annulée (jury déjà passé)";
            default -> code;
        };
    }

    public static String recommendation(String code) {
        return code == null ? null : switch (code) {
            case "SELECT" -> "Sélectionner";
            case "DISCUSS" -> "À discuter";
            case "REJECT" -> "Ne pas retenir";
            default -> code;
        };
    }

    public static String supportStatus(String code) {
        return switch (code) {
            case "ONBOARDING" -> "Lancement (plan à établir)";
            case "ACTIVE" -> "En accompagnement";
            case "FINISHED" -> "Accompagnement terminé";
            case "WITHDRAWN" -> "Retiré du programme";
            case "STOPPED" -> "Accompagnement arrêté";
            default -> code;
        };
    }

    public static String endedBy(String code) {
        return code == null ? null : switch (code) {
            case "LAUREATE" -> "Le lauréat";
            case "COACH" -> "Le coach";
            case "MIDTERM_REVIEW" -> "Revue à mi-parcours";
            case "COMPLETED" -> "Fin prévue";
            default -> code;
        };
    }

    public static String risk(String code) {
        return code == null ? null : switch (code) {
            case "LOW" -> "Faible";
            case "MEDIUM" -> "Moyen";
            case "HIGH" -> "Élevé";
            default -> code;
        };
    }

    /** A weighted score as the jury sees it ("3,78"). */
    public static String score(BigDecimal score) {
        return JuryService.score(score);
    }

    /** A decimal number in French, without trailing zeros ("12,5", "3"). */
    public static String decimal(BigDecimal value) {
        return value == null ? "0" : Hours.french(value);
    }
}
