package fr.kiif.programmes.dashboard;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The call's reviews counted once, per incubator, territory, reviewer, status, kind and disagreement flag: the funnel
 * (reviews done and due per place) and the reviewer workload both add these up, so the review table is read once.
 */
@Service
public class ReviewTallies {

    /** incubatorSlug and territory may be null (an application outside every territory). */
    public record Tally(String incubatorSlug, String territory, String reviewerId, String status, String kind,
            boolean disagreement, long count) {
    }

    private final JdbcClient jdbc;

    public ReviewTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Tally> of(String callId, DashboardScope scope) {
        return scope.bind(jdbc.sql("""
                select a.incubator_slug, a.territory, r.reviewer_id, r.status, r.kind,
                       case when s.disagreement = true then 1 else 0 end as disagreement, count(*)
                from review r join application a on a.id = r.application_id
                     left join application_score s on s.application_id = r.application_id
                where a.call_id = :callId""" + scope.where("a")
                + " group by a.incubator_slug, a.territory, r.reviewer_id, r.status, r.kind,"
                + " case when s.disagreement = true then 1 else 0 end"))
                .param("callId", callId)
                .query((rs, n) -> new Tally(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6) == 1, rs.getLong(7)))
                .list();
    }
}
