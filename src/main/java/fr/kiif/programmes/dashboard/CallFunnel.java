package fr.kiif.programmes.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.alliance.Territory;
import fr.kiif.programmes.application.ApplicationStatus;

/**
 * How many of the call's applications stand at each funnel stage, for the call, per incubator and per
 * territory, with quotas and reviews: two GROUP BY queries (applications; reviews), whatever the call's size.
 */
@Service
public class CallFunnel {

    static final String NONE = "aucun";

    /** The call's counts and the same counts per incubator and per territory. */
    public record Funnel(StageCounts call, List<StageCounts> byIncubator, List<StageCounts> byTerritory) {
    }

    private final JdbcClient jdbc;
    private final AllianceReferenceData alliance;

    public CallFunnel(JdbcClient jdbc, AllianceReferenceData alliance) {
        this.jdbc = jdbc;
        this.alliance = alliance;
    }

    public Funnel of(String callId, DashboardScope scope, OverdueTasks.Overdue overdue, List<ReviewTallies.Tally> reviews) {
        StageCounts[] call = {StageCounts.empty(callId, "Appel")};
        Map<String, StageCounts> incubators = new TreeMap<>();
        Map<String, StageCounts> territories = new TreeMap<>();
        Map<String, Integer> quotas = new LinkedHashMap<>();
        jdbc.sql("select incubator_slug, quota from call_quota where call_id = ?").param(callId)
                .query(rs -> {
                    quotas.put(rs.getString(1), rs.getInt(2));
                });
        // Incubators of the call (quota) in scope appear even with no application yet.
        quotas.keySet().stream().filter(slug -> scope.incubators() == null || scope.incubators().contains(slug))
                .forEach(slug -> incubators.put(slug, StageCounts.empty(slug, incubatorName(slug))));

        scope.bind(jdbc.sql("""
                select a.incubator_slug, a.territory, a.status, count(*) as n from application a
                where a.call_id = :callId""" + scope.where("a")
                + " group by a.incubator_slug, a.territory, a.status"))
                .param("callId", callId)
                .query(rs -> {
                    String incubator = key(rs.getString(1));
                    String territory = key(rs.getString(2));
                    FunnelStage stage = FunnelStage.of(ApplicationStatus.valueOf(rs.getString(3)));
                    long n = rs.getLong(4);
                    call[0] = call[0].plusApplications(stage, n);
                    incubators.merge(incubator, StageCounts.empty(incubator, incubatorName(incubator)).plusApplications(stage, n),
                            (a, b) -> a.plusApplications(stage, n));
                    territories.merge(territory, StageCounts.empty(territory, territoryName(territory)).plusApplications(stage, n),
                            (a, b) -> a.plusApplications(stage, n));
                });

        // Reviews done and due per place, added up from the tallies (the review table is read once for the page).
        Map<List<String>, long[]> places = new LinkedHashMap<>();
        for (ReviewTallies.Tally tally : reviews) {
            long[] place = places.computeIfAbsent(Arrays.asList(tally.incubatorSlug(), tally.territory()), k -> new long[2]);
            if ("DONE".equals(tally.status())) {
                place[0] += tally.count();
            } else if ("ASSIGNED".equals(tally.status())) {
                place[1] += tally.count();
            }
        }
        places.forEach((place, counts) -> {
            String incubator = key(place.get(0));
            String territory = key(place.get(1));
            long done = counts[0];
            long due = counts[1];
            long late = overdue.lateReviews(place.get(0), place.get(1));
            call[0] = call[0].plusReviews(done, due, 0);
            incubators.computeIfPresent(incubator, (k, v) -> v.plusReviews(done, due, 0));
            territories.computeIfPresent(territory, (k, v) -> v.plusReviews(done, due, late));
        });
        // Late reviews per incubator and for the call: counted once each from the overdue review tasks.
        call[0] = call[0].plusReviews(0, 0, overdue.lateReviews(null, null));
        incubators.replaceAll((slug, counts) -> counts.plusReviews(0, 0, NONE.equals(slug) ? 0 : overdue.lateReviews(slug, null))
                .withQuota(quotas.get(slug)));
        return new Funnel(call[0], new ArrayList<>(incubators.values()), new ArrayList<>(territories.values()));
    }

    private static String key(String value) {
        return value == null ? NONE : value;
    }

    String incubatorName(String slug) {
        return NONE.equals(slug) ? "Sans incubateur (coordination)"
                : alliance.incubator(slug).map(Incubator::name).orElse(slug);
    }

    String territoryName(String id) {
        return NONE.equals(id) ? "Hors territoire" : alliance.territory(id).map(Territory::name).orElse(id);
    }
}
