package fr.kiif.programmes.cohort;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Support records, objectives and check-ins (tables of V7__cohort_support.sql). */
@Repository
public class CohortRepository {

    private final JdbcClient jdbc;

    public CohortRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One laureate's support record. */
    public record SupportRecord(long applicationId, String callId, String incubatorSlug, String coachId, String status,
            Instant startedAt, Instant nextCheckInAt) {
    }

    /** One objective of a support plan. */
    public record Objective(int position, String objective, String target, int dueMonth) {
    }

    public boolean insertSupport(long applicationId, String callId, String incubatorSlug, Instant startedAt) {
        if (jdbc.sql("select count(*) from laureate_support where application_id = ?").param(applicationId)
                .query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                insert into laureate_support (application_id, call_id, incubator_slug, status, started_at)
                values (?, ?, ?, 'ONBOARDING', ?)""")
                .params(applicationId, callId, incubatorSlug, Timestamp.from(startedAt)).update();
        return true;
    }

    public Optional<SupportRecord> find(long applicationId) {
        return jdbc.sql("select * from laureate_support where application_id = ?").param(applicationId)
                .query((rs, n) -> new SupportRecord(rs.getLong("application_id"), rs.getString("call_id"),
                        rs.getString("incubator_slug"), rs.getString("coach_id"), rs.getString("status"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("next_check_in_at") == null ? null : rs.getTimestamp("next_check_in_at").toInstant()))
                .optional();
    }

    /** Active laureates (onboarding or active) per coach. */
    public Map<String, Integer> activeLaureateCounts() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select coach_id, count(*) from laureate_support
                where coach_id is not null and status in ('ONBOARDING', 'ACTIVE') group by coach_id""")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    public void setCoach(long applicationId, String coachId) {
        jdbc.sql("update laureate_support set coach_id = ? where application_id = ?").params(coachId, applicationId).update();
    }

    public void savePlan(long applicationId, LocalDate kickoff, int expectedHours, List<Objective> objectives) {
        jdbc.sql("update laureate_support set kickoff_date = ?, expected_hours = ?, status = 'ACTIVE' where application_id = ?")
                .params(kickoff, expectedHours, applicationId).update();
        jdbc.sql("delete from support_objective where application_id = ?").param(applicationId).update();
        for (Objective objective : objectives) {
            jdbc.sql("""
                    insert into support_objective (application_id, position, objective, target, due_month)
                    values (?, ?, ?, ?, ?)""")
                    .params(applicationId, objective.position(), objective.objective(), objective.target(), objective.dueMonth())
                    .update();
        }
    }

    public List<Objective> objectives(long applicationId) {
        return jdbc.sql("select * from support_objective where application_id = ? order by position").param(applicationId)
                .query((rs, n) -> new Objective(rs.getInt("position"), rs.getString("objective"), rs.getString("target"),
                        rs.getInt("due_month")))
                .list();
    }

    public void setNextCheckIn(long applicationId, Instant next) {
        jdbc.sql("update laureate_support set next_check_in_at = ? where application_id = ?")
                .params(next == null ? null : Timestamp.from(next), applicationId).update();
    }

    public void insertCheckIn(long applicationId, String coachId, String incubatorSlug, Instant dueAt, Instant doneAt,
            BigDecimal hours, String riskLevel, String progressJson, String nextSteps) {
        jdbc.sql("""
                insert into check_in (application_id, coach_id, incubator_slug, due_at, done_at, support_hours, risk_level,
                                      progress, next_steps)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, coachId, incubatorSlug, Timestamp.from(dueAt), Timestamp.from(doneAt), hours, riskLevel,
                        progressJson, nextSteps)
                .update();
    }

    public void saveMidTerm(long applicationId, String summary) {
        jdbc.sql("update laureate_support set mid_term_summary = ? where application_id = ?").params(summary, applicationId).update();
    }

    public void saveFinal(long applicationId, String summary, Map<Integer, Boolean> reached, Map<Integer, String> comments) {
        jdbc.sql("update laureate_support set final_summary = ? where application_id = ?").params(summary, applicationId).update();
        reached.forEach((position, value) -> jdbc.sql("""
                update support_objective set reached = ?, final_comment = ? where application_id = ? and position = ?""")
                .params(value, comments.get(position), applicationId, position).update());
    }

    public void end(long applicationId, String status, Instant endedAt, String reason, String endedBy) {
        jdbc.sql("""
                update laureate_support set status = ?, ended_at = ?, end_reason = ?, ended_by = ?, next_check_in_at = null
                where application_id = ?""")
                .params(status, Timestamp.from(endedAt), reason, endedBy, applicationId).update();
    }

    /** When the call's decisions were first recorded (start of the promotion window). */
    public Optional<Instant> decisionInstant(String callId) {
        return jdbc.sql("""
                select min(e.occurred_at) from application_event e join application a on a.id = e.application_id
                where a.call_id = ? and e.status in ('SELECTED', 'WAITLISTED', 'REJECTED')""")
                .param(callId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Waitlisted applications of one incubator, in waitlist rank order. */
    public List<String> waitlistOfIncubator(String callId, String incubatorSlug) {
        return jdbc.sql("""
                select a.reference from application a left join jury_decision d on d.application_id = a.id
                where a.call_id = ? and a.incubator_slug = ? and a.status = 'WAITLISTED'
                order by case when d.waitlist_rank is null then 1 else 0 end, d.waitlist_rank, a.id""")
                .params(callId, incubatorSlug).query(String.class).list();
    }

    /** The call's whole waitlist, best weighted score first. */
    public List<String> waitlistByScore(String callId) {
        return jdbc.sql("""
                select a.reference from application a left join application_score s on s.application_id = a.id
                left join jury_decision d on d.application_id = a.id
                where a.call_id = ? and a.status = 'WAITLISTED'
                order by case when s.weighted_score is null then 1 else 0 end, s.weighted_score desc,
                         case when d.waitlist_rank is null then 1 else 0 end, d.waitlist_rank, a.id""")
                .param(callId).query(String.class).list();
    }
}
