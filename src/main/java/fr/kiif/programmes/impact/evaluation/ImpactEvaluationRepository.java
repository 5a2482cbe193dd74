package fr.kiif.programmes.impact.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.kiif.programmes.impact.ImpactPhase;

/** impact_evaluation and impact_value rows, and the call's questionnaire delays. */
@Repository
public class ImpactEvaluationRepository {

    private final JdbcClient jdbc;

    public ImpactEvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The evaluation of this application and phase, created with status SENT if absent (a retried step finds it). */
    public Evaluation open(long applicationId, String callId, String incubatorSlug, ImpactPhase phase, String indicatorSet,
            Instant now) {
        return find(applicationId, phase).orElseGet(() -> {
            jdbc.sql("""
                    insert into impact_evaluation (application_id, call_id, incubator_slug, phase, indicator_set, status, started_at)
                    values (?, ?, ?, ?, ?, 'SENT', ?)
                    """).params(applicationId, callId, incubatorSlug, phase.name(), indicatorSet, db(now)).update();
            return find(applicationId, phase).orElseThrow();
        });
    }

    public Optional<Evaluation> find(long applicationId, ImpactPhase phase) {
        return jdbc.sql("select * from impact_evaluation where application_id = ? and phase = ?")
                .params(applicationId, phase.name()).query(ImpactEvaluationRepository::map).optional();
    }

    public Optional<Evaluation> find(long evaluationId) {
        return jdbc.sql("select * from impact_evaluation where id = ?").param(evaluationId)
                .query(ImpactEvaluationRepository::map).optional();
    }

    /** Evaluations of the application, BASELINE first. */
    public List<Evaluation> forApplication(long applicationId) {
        return jdbc.sql("select * from impact_evaluation where application_id = ? order by started_at, id").param(applicationId)
                .query(ImpactEvaluationRepository::map).list();
    }

    public void setStatus(long evaluationId, EvaluationStatus status) {
        jdbc.sql("update impact_evaluation set status = ? where id = ?").params(status.name(), evaluationId).update();
    }

    public void submitted(long evaluationId, EvaluationStatus status, String by, Instant at) {
        jdbc.sql("update impact_evaluation set status = ?, submitted_by = ?, submitted_at = ? where id = ?")
                .params(status.name(), by, db(at), evaluationId).update();
    }

    public void assessed(long evaluationId, String by, Instant at, int contribution, String comment) {
        jdbc.sql("""
                update impact_evaluation set status = 'ASSESSED', assessed_by = ?, assessed_at = ?, contribution_assessment = ?,
                assessment_comment = ? where id = ?
                """).params(by, db(at), contribution, comment, evaluationId).update();
    }

    /** Every evaluation of the application not yet assessed becomes CANCELLED; returns how many. */
    public int cancelUnfinished(long applicationId, ImpactPhase phase) {
        return jdbc.sql("update impact_evaluation set status = 'CANCELLED' where application_id = ? and phase = ? "
                + "and status not in ('ASSESSED', 'CANCELLED')").params(applicationId, phase.name()).update();
    }

    public Map<String, StoredValue> values(long evaluationId) {
        Map<String, StoredValue> values = new LinkedHashMap<>();
        jdbc.sql("select * from impact_value where evaluation_id = ? order by indicator_id").param(evaluationId)
                .query((rs, n) -> new StoredValue(rs.getString("indicator_id"), rs.getBigDecimal("value_number"),
                        rs.getString("value_text"), rs.getBoolean("implausible"), rs.getString("implausible_note")))
                .list().forEach(v -> values.put(v.indicatorId(), v));
        return values;
    }

    public void saveValue(long evaluationId, String indicatorId, BigDecimal number, String text, Instant now) {
        int updated = jdbc.sql("update impact_value set value_number = ?, value_text = ?, updated_at = ? "
                        + "where evaluation_id = ? and indicator_id = ?")
                .param(1, number, Types.NUMERIC).param(2, text, Types.VARCHAR).param(3, db(now))
                .param(4, evaluationId).param(5, indicatorId).update();
        if (updated == 0) {
            jdbc.sql("insert into impact_value (evaluation_id, indicator_id, value_number, value_text, updated_at) values (?, ?, ?, ?, ?)")
                    .param(1, evaluationId).param(2, indicatorId).param(3, number, Types.NUMERIC).param(4, text, Types.VARCHAR)
                    .param(5, db(now)).update();
        }
    }

    public void deleteValue(long evaluationId, String indicatorId) {
        jdbc.sql("delete from impact_value where evaluation_id = ? and indicator_id = ?").params(evaluationId, indicatorId).update();
    }

    /** Flags exactly these indicators' values as implausible (with the coach's note), clears the others. */
    public void flagImplausible(long evaluationId, Collection<String> indicatorIds, String note) {
        jdbc.sql("update impact_value set implausible = false, implausible_note = null where evaluation_id = ?")
                .param(evaluationId).update();
        for (String id : indicatorIds) {
            jdbc.sql("update impact_value set implausible = true, implausible_note = ? where evaluation_id = ? and indicator_id = ?")
                    .params(note, evaluationId, id).update();
        }
    }

    /** The call's questionnaire delays. */
    public ImpactDelays delays(String callId) {
        return jdbc.sql("select impact_reminder_after, impact_response_delay, impact_collection_delay, impact_assessment_delay "
                        + "from programme_call where id = ?").param(callId)
                .query((rs, n) -> new ImpactDelays(Duration.parse(rs.getString(1)), Duration.parse(rs.getString(2)),
                        Duration.parse(rs.getString(3)), Duration.parse(rs.getString(4))))
                .single();
    }

    private static Evaluation map(ResultSet rs, int n) throws SQLException {
        Object contribution = rs.getObject("contribution_assessment");
        return new Evaluation(rs.getLong("id"), rs.getLong("application_id"), rs.getString("call_id"),
                rs.getString("incubator_slug"), ImpactPhase.valueOf(rs.getString("phase")), rs.getString("indicator_set"),
                EvaluationStatus.valueOf(rs.getString("status")), instant(rs, "started_at"), instant(rs, "submitted_at"),
                rs.getString("submitted_by"), instant(rs, "assessed_at"), rs.getString("assessed_by"),
                contribution == null ? null : ((Number) contribution).intValue(), rs.getString("assessment_comment"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime db(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
