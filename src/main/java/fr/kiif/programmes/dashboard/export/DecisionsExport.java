package fr.kiif.programmes.dashboard.export;

import static fr.kiif.programmes.dashboard.export.ExportLabels.instant;
import static fr.kiif.programmes.dashboard.export.ExportLabels.integer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.dashboard.CodeLabels;

/** The jury's decisions on the call's applications, with the weighted score and the delivery of the decision. */
@Component
class DecisionsExport extends SqlCallExport {

    static final List<String> HEADERS = List.of("Référence", "Incubateur", "Territoire", "Structure", "Projet",
            "Statut du dossier", "Note pondérée", "Désaccord entre évaluations", "Décision", "Rang sur la liste d'attente",
            "Motivation", "Décidée le", "Notifiée le", "Problème de notification");


    DecisionsExport(JdbcClient jdbc, ExportLabels labels) {
        super(jdbc, labels, ExportKind.DECISIONS, HEADERS);
    }



    @Override
    String select() {
        return """
                        select a.reference, a.incubator_slug, a.territory, a.organisation_name, a.project_title, a.status,
                               s.weighted_score, s.disagreement, d.decision, d.waitlist_rank, d.rationale, d.decided_at,
                               d.delivered_at, d.delivery_problem
                        from jury_decision d join application a on a.id = d.application_id
                        left join application_score s on s.application_id = a.id
                        where a.call_id = :callId""";
    }

    @Override
    List<Object> row(ResultSet rs, ExportScope scope) throws SQLException {
        boolean scored = rs.getBigDecimal("weighted_score") != null;
        return Arrays.asList(rs.getString("reference"), labels.incubator(rs.getString("incubator_slug")),
                labels.territory(rs.getString("territory")), rs.getString("organisation_name"),
                rs.getString("project_title"), CodeLabels.applicationStatus(rs.getString("status")),
                rs.getBigDecimal("weighted_score"), scored ? rs.getBoolean("disagreement") : null,
                CodeLabels.decision(rs.getString("decision")), integer(rs, "waitlist_rank"),
                rs.getString("rationale"), instant(rs, "decided_at"), instant(rs, "delivered_at"),
                rs.getString("delivery_problem"));
    }
}
