package fr.kiif.programmes.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.cohort.Hours;

/**
 * The cohort's support per incubator: laureates by support status (laureate_support), check-ins done, done
 * late and overdue, hours (check-ins plus collective events attended) and the laureates' latest risk level.
 * Four GROUP BY queries.
 */
@Service
public class CohortProgress {

    public record Incubator(String incubatorSlug, long laureates, long running, long finished, long ended,
            long checkInsDone, long checkInsDoneLate, long checkInsOverdue, BigDecimal checkInHours, BigDecimal eventHours) {

        public BigDecimal totalHours() {
            return Hours.normalise(checkInHours.add(eventHours));
        }
    }

    /** risks: laureates per latest risk level (LOW, MEDIUM, HIGH), from their latest done check-in. */
    public record Progress(List<Incubator> incubators, Incubator total, Map<String, Long> risks) {
    }

    private final JdbcClient jdbc;

    public CohortProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Progress of(String callId, DashboardScope scope, Instant now) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal[]> hours = new TreeMap<>();
        scope.bind(jdbc.sql("""
                select s.incubator_slug, count(*),
                       sum(case when s.status in ('ONBOARDING', 'ACTIVE') then 1 else 0 end),
                       sum(case when s.status = 'FINISHED' then 1 else 0 end)
                from laureate_support s join application a on a.id = s.application_id
                where s.call_id = :callId""" + scope.where("a") + " group by s.incubator_slug"))
                .param("callId", callId)
                .query(rs -> {
                    long[] c = row(counts, rs.getString(1));
                    c[0] = rs.getLong(2);
                    c[1] = rs.getLong(3);
                    c[2] = rs.getLong(4);
                    c[3] = c[0] - c[1] - c[2];
                });
        scope.bind(jdbc.sql("""
                select s.incubator_slug, count(c.done_at),
                       sum(case when c.done_at is not null and c.done_at > c.due_at then 1 else 0 end),
                       sum(case when c.done_at is null and c.due_at < :now then 1 else 0 end),
                       sum(c.support_hours)
                from check_in c join laureate_support s on s.application_id = c.application_id
                     join application a on a.id = c.application_id
                where s.call_id = :callId""" + scope.where("a") + " group by s.incubator_slug"))
                .param("callId", callId).param("now", now.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    long[] c = row(counts, rs.getString(1));
                    c[4] = rs.getLong(2);
                    c[5] = rs.getLong(3);
                    c[6] = rs.getLong(4);
                    hours(hours, rs.getString(1))[0] = orZero(rs.getBigDecimal(5));
                });
        scope.bind(jdbc.sql("""
                select a.incubator_slug, sum(e.duration_hours)
                from cohort_event_attendance t join cohort_event e on e.id = t.event_id
                     join application a on a.id = t.application_id
                where e.call_id = :callId""" + scope.where("a") + " group by a.incubator_slug"))
                .param("callId", callId)
                .query(rs -> {
                    row(counts, rs.getString(1));
                    hours(hours, rs.getString(1))[1] = orZero(rs.getBigDecimal(2));
                });
        Map<String, Long> risks = new LinkedHashMap<>();
        for (String level : List.of("LOW", "MEDIUM", "HIGH")) {
            risks.put(level, 0L);
        }
        // Latest done check-in per laureate: no later done check-in of the same application.
        scope.bind(jdbc.sql("""
                select c.risk_level, count(*) from check_in c
                     join laureate_support s on s.application_id = c.application_id
                     join application a on a.id = c.application_id
                where s.call_id = :callId and c.done_at is not null and c.risk_level is not null""" + scope.where("a") + """
                 and not exists (select 1 from check_in c2 where c2.application_id = c.application_id and c2.done_at is not null
                                 and (c2.done_at > c.done_at or (c2.done_at = c.done_at and c2.id > c.id)))
                group by c.risk_level"""))
                .param("callId", callId)
                .query(rs -> {
                    risks.merge(rs.getString(1), rs.getLong(2), Long::sum);
                });

        List<Incubator> incubators = new ArrayList<>();
        long[] total = new long[7];
        BigDecimal[] totalHours = {BigDecimal.ZERO, BigDecimal.ZERO};
        counts.forEach((slug, c) -> {
            BigDecimal[] h = hours(hours, slug);
            incubators.add(new Incubator(slug, c[0], c[1], c[2], c[3], c[4], c[5], c[6], Hours.normalise(h[0]), Hours.normalise(h[1])));
            for (int i = 0; i < 7; i++) {
                total[i] += c[i];
            }
            totalHours[0] = totalHours[0].add(h[0]);
            totalHours[1] = totalHours[1].add(h[1]);
        });
        Incubator all = new Incubator(null, total[0], total[1], total[2], total[3], total[4], total[5], total[6],
                Hours.normalise(totalHours[0]), Hours.normalise(totalHours[1]));
        return new Progress(incubators, all, risks);
    }

    private static long[] row(Map<String, long[]> counts, String slug) {
        return counts.computeIfAbsent(slug == null ? CallFunnel.NONE : slug, k -> new long[7]);
    }

    private static BigDecimal[] hours(Map<String, BigDecimal[]> hours, String slug) {
        return hours.computeIfAbsent(slug == null ? CallFunnel.NONE : slug, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
