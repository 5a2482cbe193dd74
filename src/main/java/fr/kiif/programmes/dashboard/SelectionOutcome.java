package fr.kiif.programmes.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Distribution of the applications' weighted scores (1 to 5) and the jury's decisions per incubator: two GROUP BY queries. */
@Service
public class SelectionOutcome {

    /** Applications whose weighted score is in [from, from + 1) (5 alone in the last bucket). */
    public record Bucket(int from, String label, long count) {
    }

    public record Decisions(String incubatorSlug, long selected, long waitlisted, long rejected) {
    }

    public record Outcome(List<Bucket> scores, long scored, BigDecimal averageScore, List<Decisions> decisions,
            long selected, long waitlisted, long rejected) {
    }

    private final JdbcClient jdbc;

    public SelectionOutcome(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Outcome of(String callId, DashboardScope scope) {
        Map<Integer, Long> buckets = new TreeMap<>();
        for (int from = 0; from <= 5; from++) {
            buckets.put(from, 0L);
        }
        BigDecimal[] sum = {BigDecimal.ZERO};
        long[] scored = {0};
        scope.bind(jdbc.sql("""
                select floor(s.weighted_score) as bucket, count(*) as n, sum(s.weighted_score) as total
                from application_score s join application a on a.id = s.application_id
                where a.call_id = :callId""" + scope.where("a") + " group by floor(s.weighted_score)"))
                .param("callId", callId)
                .query(rs -> {
                    int bucket = Math.max(0, Math.min(5, rs.getInt(1)));
                    buckets.merge(bucket, rs.getLong(2), Long::sum);
                    scored[0] += rs.getLong(2);
                    sum[0] = sum[0].add(rs.getBigDecimal(3));
                });
        List<Bucket> scores = new ArrayList<>();
        buckets.forEach((from, n) -> scores.add(new Bucket(from, from == 5 ? "5" : from + " à " + (from + 1), n)));
        BigDecimal average = scored[0] == 0 ? null : sum[0].divide(BigDecimal.valueOf(scored[0]), 2, RoundingMode.HALF_UP);

        Map<String, long[]> perIncubator = new LinkedHashMap<>();
        scope.bind(jdbc.sql("""
                select a.incubator_slug, d.decision, count(*) from jury_decision d join application a on a.id = d.application_id
                where a.call_id = :callId""" + scope.where("a")
                + " group by a.incubator_slug, d.decision order by a.incubator_slug"))
                .param("callId", callId)
                .query(rs -> {
                    long[] counts = perIncubator.computeIfAbsent(rs.getString(1) == null ? CallFunnel.NONE : rs.getString(1),
                            k -> new long[3]);
                    switch (rs.getString(2)) {
                        case "SELECTED" -> counts[0] += rs.getLong(3);
                        case "WAITLISTED" -> counts[1] += rs.getLong(3);
                        default -> counts[2] += rs.getLong(3);
                    }
                });
        List<Decisions> decisions = new ArrayList<>();
        long[] totals = new long[3];
        perIncubator.forEach((slug, c) -> {
            decisions.add(new Decisions(slug, c[0], c[1], c[2]));
            for (int i = 0; i < 3; i++) {
                totals[i] += c[i];
            }
        });
        return new Outcome(scores, scored[0], average, decisions, totals[0], totals[1], totals[2]);
    }
}
