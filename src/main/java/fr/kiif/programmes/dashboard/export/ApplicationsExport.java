package fr.kiif.programmes.dashboard.export;

import static fr.kiif.programmes.dashboard.export.ExportLabels.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.dashboard.CodeLabels;

/**
 * The call's applications with the applicant's contact: only ever given to coordinators and to the staff of
 * the application's incubator, who see the application itself in Tasklist. Long free texts are left out.
 */
@Component
class ApplicationsExport extends SqlCallExport {

    static final List<String> HEADERS = List.of("Référence", "Statut", "Incubateur", "Territoire", "Département",
            "Structure", "Forme juridique", "SIRET", "Projet", "Stade", "Taille de l'équipe", "Financements obtenus (€)",
            "Prénom du contact", "Nom du contact", "Courriel du contact", "Téléphone du contact", "Déposée le",
            "Éligibilité", "Note pondérée", "Désaccord entre évaluations", "Décision du jury");


    ApplicationsExport(JdbcClient jdbc, ExportLabels labels) {
        super(jdbc, labels, ExportKind.CANDIDATURES, HEADERS);
    }



    @Override
    String select() {
        return """
                        select a.reference, a.status, a.incubator_slug, a.territory, a.departement, a.organisation_name,
                               a.legal_form, a.siret, a.project_title, a.stage, a.team_size, a.funding_to_date,
                               a.contact_first_name, a.contact_last_name, a.contact_email, a.contact_phone, a.submitted_at,
                               a.eligibility_outcome, s.weighted_score, s.disagreement, d.decision
                        from application a
                        left join application_score s on s.application_id = a.id
                        left join jury_decision d on d.application_id = a.id
                        where a.call_id = :callId""";
    }

    @Override
    List<Object> row(ResultSet rs, ExportScope scope) throws SQLException {
        boolean scored = rs.getBigDecimal("weighted_score") != null;
        return Arrays.asList(rs.getString("reference"), CodeLabels.applicationStatus(rs.getString("status")),
                labels.incubator(rs.getString("incubator_slug")), labels.territory(rs.getString("territory")),
                rs.getString("departement"), rs.getString("organisation_name"),
                CodeLabels.legalForm(rs.getString("legal_form")), rs.getString("siret"),
                rs.getString("project_title"), CodeLabels.stage(rs.getString("stage")), rs.getInt("team_size"),
                rs.getLong("funding_to_date"), rs.getString("contact_first_name"),
                rs.getString("contact_last_name"), rs.getString("contact_email"), rs.getString("contact_phone"),
                instant(rs, "submitted_at"), CodeLabels.eligibility(rs.getString("eligibility_outcome")),
                rs.getBigDecimal("weighted_score"), scored ? rs.getBoolean("disagreement") : null,
                CodeLabels.decision(rs.getString("decision")));
    }
}
