package fr.kiif.programmes.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each reviewer's reviews on the call (open, done, recused or given back, late) and the applications whose
 * reviewers disagree (application_score.disagreement): one GROUP BY query and one bounded list.
 */
@Service
public class ReviewerWorkload {

    static final int FLAGGED_LIMIT = 20;

    /** disagreements: this reviewer's done reviews on applications flagged for disagreement. */
    public record Reviewer(String reviewerId, long open, long done, long closedOther, long late, long cross, long disagreements) {
    }

    public record Flagged(String reference, String incubatorSlug, BigDecimal score) {
    }

    public record Workload(List<Reviewer> reviewers, long flaggedCount, List<Flagged> flagged) {
    }

    private final JdbcClient jdbc;

    public ReviewerWorkload(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Workload of(String callId, DashboardScope scope, OverdueTasks.Overdue overdue) {
        Map<String, Reviewer> reviewers = new TreeMap<>();
        scope.bind(jdbc.sql("""
                select r.reviewer_id,
                       sum(case when r.status = 'ASSIGNED' then 1 else 0 end) as open_reviews,
                       sum(case when r.status = 'DONE' then 1 else 0 end) as done_reviews,
                       sum(case when r.status not in ('ASSIGNED', 'DONE') then 1 else 0 end) as other_reviews,
                       sum(case when r.kind = 'CROSS' then 1 else 0 end) as cross_reviews,
                       sum(case when r.status = 'DONE' and s.disagreement = true then 1 else 0 end) as disagreements
                from review r join application a on a.id = r.application_id
                     left join application_score s on s.application_id = r.application_id
                where a.call_id = :callId""" + scope.where("a") + " group by r.reviewer_id"))
                .param("callId", callId)
                .query(rs -> {
                    String id = rs.getString(1);
                    long late = overdue.lateReviewsOf(id);
                    reviewers.put(id, new Reviewer(id, rs.getLong(2), rs.getLong(3), rs.getLong(4), late, rs.getLong(5), rs.getLong(6)));
                });
        long flaggedCount = scope.bind(jdbc.sql("""
                select count(*) from application a join application_score s on s.application_id = a.id
                where a.call_id = :callId and s.disagreement = true""" + scope.where("a")))
                .param("callId", callId).query(Long.class).single();
        List<Flagged> flagged = scope.bind(jdbc.sql("""
                select a.reference, a.incubator_slug, s.weighted_score from application a
                join application_score s on s.application_id = a.id
                where a.call_id = :callId and s.disagreement = true""" + scope.where("a")
                + " order by a.reference fetch first " + FLAGGED_LIMIT + " rows only"))
                .param("callId", callId)
                .query((rs, n) -> new Flagged(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).list();
        return new Workload(new ArrayList<>(reviewers.values()), flaggedCount, flagged);
    }
}
