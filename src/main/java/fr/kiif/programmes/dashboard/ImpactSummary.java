package fr.kiif.programmes.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;

/**
 * Where the call's impact evaluations stand (per phase: started, assessed by the coach) and the mean
 * contribution the coaches gave, in one GROUP BY query, plus the report's state and the links to it.
 */
@Service
public class ImpactSummary {

    public record Phase(String phase, String label, long evaluations, long assessed, long awaiting) {
    }

    public record Link(String label, String url) {
    }

    public record Summary(List<Phase> phases, BigDecimal meanContribution, long contributions, Instant consolidatedAt,
            Instant validatedAt, List<Link> links) {
    }

    private static final Map<String, String> PHASES = Map.of("BASELINE", "À l'entrée", "MIDTERM", "À mi-parcours",
            "FINAL", "En fin d'accompagnement");

    private final JdbcClient jdbc;
    private final AllianceReferenceData alliance;

    public ImpactSummary(JdbcClient jdbc, AllianceReferenceData alliance) {
        this.jdbc = jdbc;
        this.alliance = alliance;
    }

    public Summary of(String callId, DashboardScope scope, List<String> incubatorsShown) {
        Map<String, long[]> phases = new LinkedHashMap<>();
        for (String phase : List.of("BASELINE", "MIDTERM", "FINAL")) {
            phases.put(phase, new long[3]);
        }
        long[] contribution = new long[2];
        Set<String> withAssessed = new HashSet<>();
        scope.bind(jdbc.sql("""
                select e.phase, a.incubator_slug, count(*),
                       sum(case when e.status = 'ASSESSED' then 1 else 0 end),
                       sum(case when e.status in ('SENT', 'IN_PROGRESS', 'SUBMITTED', 'COLLECTING', 'ENTERED') then 1 else 0 end),
                       sum(e.contribution_assessment), count(e.contribution_assessment)
                from impact_evaluation e join application a on a.id = e.application_id
                where e.call_id = :callId""" + scope.where("a") + " group by e.phase, a.incubator_slug"))
                .param("callId", callId)
                .query(rs -> {
                    long[] p = phases.computeIfAbsent(rs.getString(1), k -> new long[3]);
                    p[0] += rs.getLong(3);
                    p[1] += rs.getLong(4);
                    p[2] += rs.getLong(5);
                    contribution[0] += rs.getLong(6);
                    contribution[1] += rs.getLong(7);
                    if (rs.getLong(4) > 0 && rs.getString(2) != null) {
                        withAssessed.add(rs.getString(2));
                    }
                });
        List<Phase> rows = new ArrayList<>();
        phases.forEach((phase, p) -> rows.add(new Phase(phase, PHASES.getOrDefault(phase, phase), p[0], p[1], p[2])));
        BigDecimal mean = contribution[1] == 0 ? null
                : BigDecimal.valueOf(contribution[0]).divide(BigDecimal.valueOf(contribution[1]), 1, RoundingMode.HALF_UP);
        Instant[] report = new Instant[2];
        jdbc.sql("select consolidated_at, validated_at from impact_report where call_id = ?").param(callId)
                .query(rs -> {
                    report[0] = instant(rs.getObject(1, OffsetDateTime.class));
                    report[1] = instant(rs.getObject(2, OffsetDateTime.class));
                });
        List<Link> links = new ArrayList<>();
        if (scope.coordinator()) {
            links.add(new Link("Rapport d'impact de l'appel", "/coordination/appels/" + callId + "/impact"));
        }
        // An incubator's report exists once one of its evaluations is assessed (the page answers 404 before).
        if (!scope.coordinator() || scope.filter().incubator() != null) {
            for (String slug : incubatorsShown) {
                if (withAssessed.contains(slug)) {
                    String name = alliance.incubator(slug).map(Incubator::name).orElse(slug);
                    links.add(new Link("Rapport d'impact : " + name, "/incubateur/impact/" + callId + "/incubateurs/" + slug));
                }
            }
        }
        return new Summary(rows, mean, contribution[1], report[0], report[1], links);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
