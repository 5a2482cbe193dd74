package fr.kiif.programmes.selection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.kiif.programmes.application.ApplicationStatus;

/** What the call's selection reads and writes: applications with their scores, reviews, decisions, minutes. */
@Repository
public class SelectionRepository {

    /** Eligible and not decided yet: what the jury deliberates on. */
    public static final Set<ApplicationStatus> IN_SELECTION =
            EnumSet.of(ApplicationStatus.ELIGIBLE, ApplicationStatus.IN_REVIEW, ApplicationStatus.REVIEWED);
    /** Submitted but the eligibility check is not finished. */
    public static final Set<ApplicationStatus> ELIGIBILITY_PENDING = EnumSet.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.IN_CHECK, ApplicationStatus.COMPLETION_REQUESTED, ApplicationStatus.COMPLETION_RECEIVED);

    private final JdbcClient jdbc;

    public SelectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The call's applications with the given statuses, by incubator then reference. */
    public List<CallApplication> applications(String callId, Collection<ApplicationStatus> statuses) {
        List<String> names = statuses.stream().map(Enum::name).toList();
        return jdbc.sql("""
                        select a.id, a.reference, a.incubator_slug, a.status, a.project_title, s.weighted_score, s.disagreement
                        from application a left join application_score s on s.application_id = a.id
                        where a.call_id = :callId and a.status in (:statuses)
                        order by a.incubator_slug, a.reference
                        """)
                .param("callId", callId).param("statuses", names)
                .query(SelectionRepository::application).list();
    }

    public List<CallApplication> applicationsByReference(String callId, Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.id, a.reference, a.incubator_slug, a.status, a.project_title, s.weighted_score, s.disagreement
                        from application a left join application_score s on s.application_id = a.id
                        where a.call_id = :callId and a.reference in (:references)
                        order by a.incubator_slug, a.reference
                        """)
                .param("callId", callId).param("references", List.copyOf(references))
                .query(SelectionRepository::application).list();
    }

    /** References of the call's applications waiting for an answer to a completion request. */
    public List<String> completionRequested(String callId) {
        return jdbc.sql("select reference from application where call_id = ? and status = ? order by reference")
                .params(callId, ApplicationStatus.COMPLETION_REQUESTED.name()).query(String.class).list();
    }

    /** Every review slot of the call's applications. */
    public List<ReviewRow> reviews(String callId) {
        return jdbc.sql("""
                        select r.application_id, r.reviewer_id, r.kind, r.status, r.completed_at, r.recommendation,
                               r.review_comment, r.recusal_reason
                        from review r join application a on a.id = r.application_id
                        where a.call_id = ? order by r.application_id, r.id
                        """)
                .param(callId)
                .query((rs, n) -> new ReviewRow(rs.getLong("application_id"), rs.getString("reviewer_id"),
                        rs.getString("kind"), rs.getString("status"), rs.getObject("completed_at") != null,
                        rs.getString("recommendation"), rs.getString("review_comment"), rs.getString("recusal_reason")))
                .list();
    }

    /** Replaces the call's decisions (a retried step writes the same rows again). */
    public void replaceDecisions(String callId, List<JuryDecision> decisions, Instant now) {
        jdbc.sql("delete from jury_decision where application_id in (select id from application where call_id = ?)")
                .param(callId).update();
        for (JuryDecision decision : decisions) {
            jdbc.sql("""
                            insert into jury_decision (application_id, decision, waitlist_rank, rationale, decided_at)
                            select id, ?, ?, ?, ? from application where call_id = ? and reference = ?
                            """)
                    .params(decision.decision().name(), decision.waitlistRank(), decision.rationale(), toDb(now), callId,
                            decision.applicationRef())
                    .update();
        }
    }

    public List<StoredDecision> decisions(String callId) {
        return jdbc.sql("""
                        select d.*, a.reference from jury_decision d join application a on a.id = d.application_id
                        where a.call_id = ? order by a.incubator_slug, a.reference
                        """)
                .param(callId)
                .query((rs, n) -> new StoredDecision(rs.getLong("application_id"), rs.getString("reference"),
                        JuryDecision.Decision.valueOf(rs.getString("decision")), (Integer) rs.getObject("waitlist_rank", Integer.class),
                        rs.getString("rationale"), instant(rs, "decided_at"), instant(rs, "delivered_at"),
                        rs.getString("delivery_problem")))
                .list();
    }

    public Optional<StoredDecision> decision(String callId, String reference) {
        return decisions(callId).stream().filter(d -> d.reference().equals(reference)).findFirst();
    }

    public void markDelivered(long applicationId, Instant now) {
        jdbc.sql("update jury_decision set delivered_at = ?, delivery_problem = null where application_id = ?")
                .params(toDb(now), applicationId).update();
    }

    public void markUndelivered(long applicationId, String problem) {
        jdbc.sql("update jury_decision set delivered_at = null, delivery_problem = ? where application_id = ?")
                .params(problem, applicationId).update();
    }

    public void saveMinutes(String callId, byte[] pdf, Instant now) {
        jdbc.sql("delete from jury_minutes where call_id = ?").param(callId).update();
        jdbc.sql("insert into jury_minutes (call_id, pdf, generated_at) values (?, ?, ?)")
                .params(callId, pdf, toDb(now)).update();
    }

    public Optional<byte[]> minutes(String callId) {
        return jdbc.sql("select pdf from jury_minutes where call_id = ?").param(callId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static CallApplication application(ResultSet rs, int row) throws SQLException {
        return new CallApplication(rs.getLong("id"), rs.getString("reference"), rs.getString("incubator_slug"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("project_title"),
                rs.getBigDecimal("weighted_score"), rs.getBoolean("disagreement"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime toDb(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
