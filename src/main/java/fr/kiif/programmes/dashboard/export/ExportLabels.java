package fr.kiif.programmes.dashboard.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.alliance.Territory;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;

/** French names of the codes the exports read from the database (the code itself when unknown). */
@Component
class ExportLabels {

    private final AllianceReferenceData alliance;

    ExportLabels(AllianceReferenceData alliance) {
        this.alliance = alliance;
    }

    String incubator(String slug) {
        return slug == null ? null : alliance.incubator(slug).map(Incubator::name).orElse(slug);
    }

    String territory(String id) {
        return id == null ? null : alliance.territory(id).map(Territory::name).orElse(id);
    }

    static String applicationStatus(String code) {
        return Arrays.stream(ApplicationStatus.values()).filter(s -> s.name().equals(code)).findFirst()
                .map(ApplicationStatus::label).orElse(code);
    }

    static String legalForm(String code) {
        return Arrays.stream(LegalForm.values()).filter(s -> s.name().equals(code)).findFirst()
                .map(LegalForm::label).orElse(code);
    }

    static String stage(String code) {
        return Arrays.stream(Stage.values()).filter(s -> s.name().equals(code)).findFirst().map(Stage::label).orElse(code);
    }

    static String eligibility(String code) {
        return code == null ? null : switch (code) {
            case "ELIGIBLE" -> "Éligible";
            case "INELIGIBLE" -> "Non éligible";
            default -> code;
        };
    }

    static String decision(String code) {
        return code == null ? null : switch (code) {
            case "SELECTED" -> "Sélectionnée";
            case "WAITLISTED" -> "Liste d'attente";
            case "REJECTED" -> "Non retenue";
            default -> code;
        };
    }

    static String reviewKind(String code) {
        return switch (code) {
            case "TERRITORIAL" -> "Territoriale";
            case "CROSS" -> "Croisée (autre territoire)";
            default -> code;
        };
    }

    static String reviewStatus(String code) {
        return switch (code) {
            case "ASSIGNED" -> "À faire";
            case "DONE" -> "Faite";
            case "RECUSED" -> "Récusation (conflit d'intérêts)";
            case "REASSIGNED" -> "Réattribuée";
            case "CANCELLED" -> "Annulée (jury déjà passé)";
            default -> code;
        };
    }

    static String recommendation(String code) {
        return code == null ? null : switch (code) {
            case "SELECT" -> "Sélectionner";
            case "DISCUSS" -> "À discuter";
            case "REJECT" -> "Ne pas retenir";
            default -> code;
        };
    }

    static String supportStatus(String code) {
        return switch (code) {
            case "ONBOARDING" -> "Lancement (plan à établir)";
            case "ACTIVE" -> "En accompagnement";
            case "FINISHED" -> "Accompagnement terminé";
            case "WITHDRAWN" -> "Retiré du programme";
            case "STOPPED" -> "Accompagnement arrêté";
            default -> code;
        };
    }

    static String endedBy(String code) {
        return code == null ? null : switch (code) {
            case "LAUREATE" -> "Le lauréat";
            case "COACH" -> "Le coach";
            case "MIDTERM_REVIEW" -> "Revue à mi-parcours";
            case "COMPLETED" -> "Fin prévue";
            default -> code;
        };
    }

    static String risk(String code) {
        return code == null ? null : switch (code) {
            case "LOW" -> "Faible";
            case "MEDIUM" -> "Moyen";
            case "HIGH" -> "Élevé";
            default -> code;
        };
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
