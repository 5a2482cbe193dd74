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

    public Workload of(String callId, DashboardScope scope, OverdueTasks.Overdue overdue, List<ReviewTallies.Tally> reviews) {
        Map<String, Reviewer> reviewers = perReviewer(reviews, overdue);
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

    /** Each reviewer's open, done, otherwise closed, cross and disagreement counts, added up from the tallies. */
    static Map<String, Reviewer> perReviewer(List<ReviewTallies.Tally> reviews, OverdueTasks.Overdue overdue) {
        Map<String, long[]> counts = new TreeMap<>();
        for (ReviewTallies.Tally tally : reviews) {
            long[] c = counts.computeIfAbsent(tally.reviewerId(), k -> new long[5]);
            boolean done = "DONE".equals(tally.status());
            c["ASSIGNED".equals(tally.status()) ? 0 : done ? 1 : 2] += tally.count();
            if ("CROSS".equals(tally.kind())) {
                c[3] += tally.count();
            }
            if (done && tally.disagreement()) {
                c[4] += tally.count();
            }
        }
        Map<String, Reviewer> reviewers = new TreeMap<>();
        counts.forEach((id, c) -> reviewers.put(id, new Reviewer(id, c[0], c[1], c[2], overdue.lateReviewsOf(id), c[3], c[4])));
        return reviewers;
    }
}
