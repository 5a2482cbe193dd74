package fr.kiif.programmes.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.call.CallStatus;

/**
 * A call's overview: each part answered by its own small service, a few GROUP BY queries and a few engine
 * queries restricted to the call; nothing loads the call's applications or process variables one by one.
 */
@Service
public class CallOverviewService {

    public record CallInfo(String id, String title, String programmeId, String programmeTitle, String status, String statusLabel,
            Instant opensAt, Instant closesAt) {
    }

    /**
     * The engine's view next to the application's own tables (full view only): running application and support
     * instances of the call, and what the tables expect (undecided applications, +waitlisted while promotion is
     * possible; running supports).
     */
    public record EngineState(long runningApplications, long undecidedApplications, long waitlisted, long runningSupports,
            long supportsInTables, boolean consistent) {
    }

    public record CallOverview(CallInfo call, DashboardFilter filter, boolean coordinator, CallFunnel.Funnel funnel,
            OverdueTasks.Overdue overdue, ReviewerWorkload.Workload reviewers, SelectionOutcome.Outcome selection,
            CohortProgress.Progress cohort, ImpactSummary.Summary impact, List<CallIncidents.Item> incidents,
            EngineState engine, Instant at) {
    }

    private final JdbcClient jdbc;
    private final DashboardAccess access;
    private final CallFunnel funnel;
    private final OverdueTasks overdueTasks;
    private final ReviewerWorkload reviewers;
    private final SelectionOutcome selection;
    private final CohortProgress cohort;
    private final ImpactSummary impact;
    private final CallIncidents incidents;
    private final Clock clock;
    private final ReviewTallies tallies;

    public CallOverviewService(JdbcClient jdbc, DashboardAccess access, CallFunnel funnel, OverdueTasks overdueTasks,
            ReviewerWorkload reviewers, SelectionOutcome selection, CohortProgress cohort, ImpactSummary impact,
            CallIncidents incidents, Clock clock, ReviewTallies tallies) {
        this.tallies = tallies;
        this.jdbc = jdbc;
        this.access = access;
        this.funnel = funnel;
        this.overdueTasks = overdueTasks;
        this.reviewers = reviewers;
        this.selection = selection;
        this.cohort = cohort;
        this.impact = impact;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CallOverview overview(String callId, DashboardFilter filter) {
        DashboardScope scope = access.scope(filter);
        CallInfo call = call(callId);
        Instant now = clock.instant();
        OverdueTasks.Overdue overdue = overdueTasks.of(callId, scope, now);
        List<ReviewTallies.Tally> reviewTallies = tallies.of(callId, scope);
        CallFunnel.Funnel counts = funnel.of(callId, scope, overdue, reviewTallies);
        CohortProgress.Progress progress = cohort.of(callId, scope, now);
        List<String> incubatorsShown = counts.byIncubator().stream().map(StageCounts::key)
                .filter(slug -> !CallFunnel.NONE.equals(slug)).toList();
        return new CallOverview(call, filter, scope.coordinator(), counts, overdue, reviewers.of(callId, scope, overdue, reviewTallies),
                selection.of(callId, scope), progress, impact.of(callId, scope, incubatorsShown), incidents.of(callId, scope),
                scope.all() ? engineState(callId, counts.call(), progress) : null, now);
    }

    CallInfo call(String callId) {
        return jdbc.sql("""
                select c.id, c.title, c.programme_id, p.title, c.status, c.opens_at, c.closes_at
                from programme_call c join programme p on p.id = c.programme_id where c.id = ?""")
                .param(callId)
                .query((rs, n) -> new CallInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        CallStatus.valueOf(rs.getString(5)).label(),
                        rs.getObject(6, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(7, java.time.OffsetDateTime.class).toInstant()))
                .optional().orElseThrow(() -> DashboardException.notFound("Cet appel n'existe pas."));
    }

    private EngineState engineState(String callId, StageCounts counts, CohortProgress.Progress progress) {
        // Running instances of the call per process, in one grouped query on the engine's runtime tables (see
        // OverdueTasks for why the dashboard reads them directly). Both processes have the application's reference
        // as business key: joining on it is much cheaper than looking up each instance's callId variable.
        Map<String, Long> running = new HashMap<>();
        jdbc.sql("""
                select d.KEY_, count(*) from application a
                join ACT_RU_EXECUTION e on e.BUSINESS_KEY_ = a.reference and e.ID_ = e.PROC_INST_ID_
                join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
                where a.call_id = :callId and d.KEY_ in ('application', 'cohort-support')
                group by d.KEY_""")
                .param("callId", callId)
                .query(rs -> {
                    running.put(rs.getString(1), rs.getLong(2));
                });
        long runningApplications = running.getOrDefault("application", 0L);
        long runningSupports = running.getOrDefault("cohort-support", 0L);
        long undecided = counts.stage("SUBMITTED") + counts.stage("AWAITING_COMPLETION") + counts.stage("ELIGIBLE")
                + counts.stage("IN_REVIEW") + counts.stage("REVIEWED");
        long waitlisted = counts.stage("WAITLISTED");
        boolean consistent = runningApplications >= undecided && runningApplications <= undecided + waitlisted
                && runningSupports == progress.total().running();
        return new EngineState(runningApplications, undecided, waitlisted, runningSupports, progress.total().running(), consistent);
    }
}
