package fr.kiif.programmes.impact.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.kiif.programmes.impact.ImpactPhase;

/** SQL of the impact reports: assessed evaluations and values of a call, the stored report, support closing. */
@Repository
public class ImpactReportRepository {

    /** The stored report row; {@code figures} is the JSON snapshot. */
    public record StoredRow(String callId, Instant consolidatedAt, String figures, Instant validatedAt, String validatedBy,
            String validationComment) {

        public boolean validated() {
            return validatedAt != null;
        }
    }

    private final JdbcClient jdbc;

    public ImpactReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every laureate of the call with at least one ASSESSED evaluation, by reference order. */
    public List<LaureateMeasures> measures(String callId) {
        record Row(long id, String phase, Integer contribution, String comment, String reference, String title,
                String organisation, String territory, String incubator, String coach) {
        }
        List<Row> rows = jdbc.sql("""
                select e.id, e.phase, e.contribution_assessment, e.assessment_comment, a.reference, a.project_title,
                       a.organisation_name, a.territory, coalesce(a.incubator_slug, e.incubator_slug) as incubator, s.coach_id
                from impact_evaluation e
                join application a on a.id = e.application_id
                left join laureate_support s on s.application_id = e.application_id
                where e.call_id = ? and e.status = 'ASSESSED'
                order by a.reference, e.id
                """).param(callId).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2),
                        (Integer) rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10))).list();
        Map<Long, Map<String, LaureateMeasures.Value>> values = new HashMap<>();
        jdbc.sql("""
                select v.evaluation_id, v.indicator_id, v.value_number, v.value_text, v.implausible, v.implausible_note
                from impact_value v join impact_evaluation e on e.id = v.evaluation_id
                where e.call_id = ? and e.status = 'ASSESSED'
                """).param(callId).query(rs -> {
                    BigDecimal number = rs.getBigDecimal(3);
                    values.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                            new LaureateMeasures.Value(number == null ? null : number.stripTrailingZeros(), rs.getString(4),
                                    rs.getBoolean(5), rs.getString(6)));
                });
        Map<String, LaureateMeasures> laureates = new LinkedHashMap<>();
        for (Row row : rows) {
            LaureateMeasures laureate = laureates.computeIfAbsent(row.reference(), ref -> new LaureateMeasures(ref,
                    row.title(), row.organisation(), row.incubator(),
                    row.territory() == null ? LaureateMeasures.NO_TERRITORY : row.territory(), row.coach(),
                    new EnumMap<>(ImpactPhase.class)));
            laureate.evaluations().put(ImpactPhase.valueOf(row.phase()), new LaureateMeasures.Evaluation(row.contribution(),
                    row.comment(), values.getOrDefault(row.id(), Map.of())));
        }
        return new ArrayList<>(laureates.values());
    }

    public Optional<StoredRow> report(String callId) {
        return jdbc.sql("""
                select call_id, consolidated_at, figures, validated_at, validated_by, validation_comment
                from impact_report where call_id = ?
                """).param(callId).query((rs, n) -> new StoredRow(rs.getString(1), instant(rs.getTimestamp(2)),
                        rs.getString(3), instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6))).optional();
    }

    /** Stores a (new) consolidation; a previous validation no longer holds. */
    public void store(String callId, Instant consolidatedAt, String figures) {
        int updated = jdbc.sql("""
                update impact_report set consolidated_at = ?, figures = ?, validated_at = null, validated_by = null,
                    validation_comment = null where call_id = ?
                """).params(utc(consolidatedAt), figures, callId).update();
        if (updated == 0) {
            jdbc.sql("insert into impact_report (call_id, consolidated_at, figures) values (?, ?, ?)")
                    .params(callId, utc(consolidatedAt), figures).update();
        }
    }

    public void validate(String callId, Instant at, String by, String comment) {
        jdbc.sql("update impact_report set validated_at = ?, validated_by = ?, validation_comment = ? where call_id = ?")
                .params(utc(at), by, comment, callId).update();
    }

    /** Calls with at least one assessed evaluation or a stored report, most recent call first. */
    public List<String> callsWithFigures() {
        return jdbc.sql("""
                select c.id from programme_call c where exists (select 1 from impact_report r where r.call_id = c.id)
                   or exists (select 1 from impact_evaluation e where e.call_id = c.id and e.status = 'ASSESSED')
                order by c.opens_at desc
                """).query(String.class).list();
    }

    /** Marks the laureate's support closed (first end only); returns the call of the laureate, if supported. */
    public Optional<String> closeSupport(String reference, Instant at) {
        Optional<String> callId = jdbc.sql("""
                select s.call_id from laureate_support s join application a on a.id = s.application_id where a.reference = ?
                """).param(reference).query(String.class).optional();
        callId.ifPresent(id -> jdbc.sql("""
                update laureate_support set closed_at = ?
                where closed_at is null and application_id = (select id from application where reference = ?)
                """).params(utc(at), reference).update());
        return callId;
    }

    /**
     * The cohort's support is over when every laureate selected by the jury has started a support and no
     * support of the call is still open (withdrawn, stopped and finished ones alike).
     */
    public boolean cohortSupportEnded(String callId) {
        long open = jdbc.sql("select count(*) from laureate_support where call_id = ? and closed_at is null")
                .param(callId).query(Long.class).single();
        long started = jdbc.sql("select count(*) from laureate_support where call_id = ?").param(callId).query(Long.class).single();
        long selected = jdbc.sql("""
                select count(*) from jury_decision d join application a on a.id = d.application_id
                where a.call_id = ? and d.decision = 'SELECTED'
                """).param(callId).query(Long.class).single();
        return open == 0 && started >= selected;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
