package fr.kiif.programmes.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.call.CallStatus;

/** Programmes and their calls with state and key numbers (in the caller's scope): two queries, one GROUP BY. */
@Service
public class CallList {

    public record CallRow(String id, String title, String status, String statusLabel, Instant opensAt, Instant closesAt,
            int cohortSize, long applications, long inSelection, long laureates, long inSupport) {
    }

    public record ProgrammeRow(String id, String title, List<CallRow> calls) {
    }

    private final JdbcClient jdbc;
    private final DashboardAccess access;

    public CallList(JdbcClient jdbc, DashboardAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<ProgrammeRow> programmes(DashboardFilter filter) {
        DashboardScope scope = access.scope(filter);
        Map<String, long[]> numbers = new HashMap<>();
        scope.bind(jdbc.sql("select a.call_id, a.status, count(*) from application a where 1 = 1" + scope.where("a")
                + " group by a.call_id, a.status"))
                .query(rs -> {
                    long[] n = numbers.computeIfAbsent(rs.getString(1), k -> new long[4]);
                    FunnelStage stage = FunnelStage.of(ApplicationStatus.valueOf(rs.getString(2)));
                    long count = rs.getLong(3);
                    n[0] += count;
                    switch (stage) {
                        case SUBMITTED, AWAITING_COMPLETION, ELIGIBLE, IN_REVIEW, REVIEWED -> n[1] += count;
                        case SELECTED, SUPPORT_FINISHED -> n[2] += count;
                        case IN_SUPPORT -> {
                            n[2] += count;
                            n[3] += count;
                        }
                        default -> { }
                    }
                });
        Map<String, ProgrammeRow> programmes = new LinkedHashMap<>();
        jdbc.sql("""
                select p.id as programme_id, p.title as programme_title, c.id, c.title, c.status, c.opens_at, c.closes_at, c.cohort_size
                from programme p left join programme_call c on c.programme_id = p.id
                order by p.title, p.id, c.opens_at desc, c.id""")
                .query(rs -> {
                    ProgrammeRow programme = programmes.computeIfAbsent(rs.getString("programme_id"),
                            id -> new ProgrammeRow(id, str(rs, "programme_title"), new ArrayList<>()));
                    String callId = rs.getString("id");
                    // Drafts are the coordination's work in progress.
                    if (callId == null || ("DRAFT".equals(rs.getString("status")) && !scope.coordinator())) {
                        return;
                    }
                    long[] n = numbers.getOrDefault(callId, new long[4]);
                    programme.calls().add(new CallRow(callId, rs.getString("title"), rs.getString("status"),
                            CallStatus.valueOf(rs.getString("status")).label(),
                            rs.getObject("opens_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("closes_at", OffsetDateTime.class).toInstant(), rs.getInt("cohort_size"),
                            n[0], n[1], n[2], n[3]));
                });
        return new ArrayList<>(programmes.values());
    }

    private static String str(java.sql.ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
