package fr.kiif.programmes.dashboard.export;

import static fr.kiif.programmes.dashboard.export.ExportLabels.instant;
import static fr.kiif.programmes.dashboard.export.ExportLabels.integer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.dashboard.CodeLabels;
import fr.kiif.programmes.selection.ReviewCriteria;

/**
 * Every review slot of the call's applications (one row per reviewer and application, whatever its status).
 * No applicant data but the reference. The reviewer's id is hidden from incubator staff for cross reviews of a
 * blind-review call: the applicant's organisation is hidden from the cross reviewer, the cross reviewer's
 * identity from the applicant's incubator.
 */
@Component
class ReviewsExport extends SqlCallExport {

    static final String HIDDEN_REVIEWER = "Masqué (évaluation croisée anonyme)";
    /** Score columns of table review, in the order of {@link ReviewCriteria}. */
    private static final List<String> SCORE_COLUMNS = List.of("score_social_impact", "score_innovation", "score_team",
            "score_economic_model", "score_theme_fit", "score_scaling");
    static final List<String> HEADERS = headers(List.of("Référence", "Incubateur", "Territoire", "Type d'évaluation",
            "Évaluateur·rice", "Statut", "Attribuée le", "Terminée le"), List.of("Note globale", "Recommandation",
            "Commentaire", "Motif de récusation"));


    ReviewsExport(JdbcClient jdbc, ExportLabels labels) {
        super(jdbc, labels, ExportKind.EVALUATIONS, HEADERS);
    }



    @Override
    String select() {
        return """
                        select a.reference, a.incubator_slug, a.territory, r.*
                        from review r join application a on a.id = r.application_id
                        where a.call_id = :callId""";
    }

    @Override
    String orderBy() {
        return " order by a.reference, r.id";
    }

    @Override
    List<Object> row(ResultSet rs, ExportScope scope) throws SQLException {
        String kind = rs.getString("kind");
        boolean hidden = scope.hideCrossReviewers() && "CROSS".equals(kind);
        List<Object> row = new ArrayList<>(Arrays.asList(rs.getString("reference"),
                labels.incubator(rs.getString("incubator_slug")), labels.territory(rs.getString("territory")),
                CodeLabels.reviewKind(kind), hidden ? HIDDEN_REVIEWER : rs.getString("reviewer_id"),
                CodeLabels.reviewStatus(rs.getString("status")), instant(rs, "assigned_at"),
                instant(rs, "completed_at")));
        for (String column : SCORE_COLUMNS) {
            row.add(integer(rs, column));
        }
        row.addAll(Arrays.asList(rs.getBigDecimal("overall_score"),
                CodeLabels.recommendation(rs.getString("recommendation")), rs.getString("review_comment"),
                rs.getString("recusal_reason")));
        return row;
    }

    private static List<String> headers(List<String> before, List<String> after) {
        List<String> headers = new ArrayList<>(before);
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            headers.add("Note : " + criterion.label());
        }
        headers.addAll(after);
        return List.copyOf(headers);
    }
}
