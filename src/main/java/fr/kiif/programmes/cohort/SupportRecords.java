package fr.kiif.programmes.cohort;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The support record of a call's laureates, for the dashboard and the funders' reports: hours of
 * individual support (done check-ins) plus hours of collective events attended, check-ins done, last
 * risk level; totals per incubator and per coach.
 *
 * <p>Per coach: check-ins count for the coach who did them (check_in.coach_id), so hours stay with a
 * coach after a reassignment; laureates and their event hours count for their current coach
 * (laureate_support.coach_id). Per incubator: everything counts for the laureate's incubator.
 */
@Service
public class SupportRecords {

    /** One laureate's record. lastRiskLevel: of the latest done check-in, null before the first one. */
    public record LaureateRecord(long applicationId, String reference, String callId, String incubatorSlug, String coachId,
            String status, BigDecimal checkInHours, int checkInsDone, BigDecimal eventHours, int eventsAttended,
            String lastRiskLevel) {

        public BigDecimal totalHours() {
            return Hours.normalise(checkInHours.add(eventHours));
        }
    }

    /** Totals of a group of laureates (an incubator, a coach). */
    public record Totals(String key, int laureates, BigDecimal checkInHours, int checkInsDone, BigDecimal eventHours,
            int eventsAttended) {

        public BigDecimal totalHours() {
            return Hours.normalise(checkInHours.add(eventHours));
        }

        Totals plus(int moreLaureates, BigDecimal moreCheckInHours, int moreCheckIns, BigDecimal moreEventHours,
                int moreEvents) {
            return new Totals(key, laureates + moreLaureates, Hours.normalise(checkInHours.add(moreCheckInHours)),
                    checkInsDone + moreCheckIns, Hours.normalise(eventHours.add(moreEventHours)), eventsAttended + moreEvents);
        }

        static Totals empty(String key) {
            return new Totals(key, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0);
        }
    }

    private record DoneCheckIn(long applicationId, String coachId, BigDecimal hours, String riskLevel) {
    }

    private record Attendance(long applicationId, BigDecimal hours) {
    }

    private record Support(long applicationId, String reference, String incubatorSlug, String coachId, String status) {
    }

    private final JdbcClient jdbc;

    public SupportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The records of the call's laureates, by reference. */
    public List<LaureateRecord> laureates(String callId) {
        List<Support> supports = supports(callId);
        List<DoneCheckIn> checkIns = checkIns(callId);
        List<Attendance> attendance = attendance(callId);
        List<LaureateRecord> records = new ArrayList<>();
        for (Support s : supports) {
            BigDecimal checkInHours = BigDecimal.ZERO;
            int done = 0;
            String lastRisk = null;
            for (DoneCheckIn c : checkIns) {
                if (c.applicationId() == s.applicationId()) {
                    checkInHours = checkInHours.add(c.hours());
                    done++;
                    lastRisk = c.riskLevel() == null ? lastRisk : c.riskLevel();
                }
            }
            BigDecimal eventHours = BigDecimal.ZERO;
            int events = 0;
            for (Attendance a : attendance) {
                if (a.applicationId() == s.applicationId()) {
                    eventHours = eventHours.add(a.hours());
                    events++;
                }
            }
            records.add(new LaureateRecord(s.applicationId(), s.reference(), callId, s.incubatorSlug(), s.coachId(), s.status(),
                    Hours.normalise(checkInHours), done, Hours.normalise(eventHours), events, lastRisk));
        }
        records.sort(Comparator.comparing(LaureateRecord::reference));
        return records;
    }

    /** One laureate's record, empty when the application has no support record. */
    public Optional<LaureateRecord> laureate(long applicationId) {
        return jdbc.sql("select call_id from laureate_support where application_id = ?").param(applicationId)
                .query(String.class).optional()
                .flatMap(callId -> laureates(callId).stream().filter(r -> r.applicationId() == applicationId).findFirst());
    }

    /** Totals per incubator of the call's laureates, by incubator slug. */
    public List<Totals> byIncubator(String callId) {
        Map<String, Totals> totals = new TreeMap<>();
        for (LaureateRecord r : laureates(callId)) {
            totals.merge(r.incubatorSlug(), Totals.empty(r.incubatorSlug())
                    .plus(1, r.checkInHours(), r.checkInsDone(), r.eventHours(), r.eventsAttended()), SupportRecords::sum);
        }
        return List.copyOf(totals.values());
    }

    /** Totals per coach of the call (see the class comment), by coach id; laureates without coach are left out. */
    public List<Totals> byCoach(String callId) {
        Map<String, Totals> totals = new TreeMap<>();
        Function<String, Totals> empty = Totals::empty;
        for (LaureateRecord r : laureates(callId)) {
            if (r.coachId() != null) {
                totals.merge(r.coachId(), empty.apply(r.coachId()).plus(1, BigDecimal.ZERO, 0, r.eventHours(),
                        r.eventsAttended()), SupportRecords::sum);
            }
        }
        for (DoneCheckIn c : checkIns(callId)) {
            totals.merge(c.coachId(), empty.apply(c.coachId()).plus(0, c.hours(), 1, BigDecimal.ZERO, 0), SupportRecords::sum);
        }
        return List.copyOf(totals.values());
    }

    private static Totals sum(Totals a, Totals b) {
        return a.plus(b.laureates(), b.checkInHours(), b.checkInsDone(), b.eventHours(), b.eventsAttended());
    }

    private List<Support> supports(String callId) {
        return jdbc.sql("""
                select s.application_id, a.reference, s.incubator_slug, s.coach_id, s.status
                from laureate_support s join application a on a.id = s.application_id where s.call_id = ?""")
                .param(callId)
                .query((rs, n) -> new Support(rs.getLong("application_id"), rs.getString("reference"),
                        rs.getString("incubator_slug"), rs.getString("coach_id"), rs.getString("status")))
                .list();
    }

    /** Done check-ins of the call's laureates, oldest first. */
    private List<DoneCheckIn> checkIns(String callId) {
        return jdbc.sql("""
                select c.application_id, c.coach_id, c.support_hours, c.risk_level, c.done_at, c.id
                from check_in c join laureate_support s on s.application_id = c.application_id
                where s.call_id = ? and c.done_at is not null order by c.done_at, c.id""")
                .param(callId)
                .query((rs, n) -> new DoneCheckIn(rs.getLong("application_id"), rs.getString("coach_id"),
                        Hours.normalise(rs.getBigDecimal("support_hours")), rs.getString("risk_level")))
                .list();
    }

    private List<Attendance> attendance(String callId) {
        return jdbc.sql("""
                select a.application_id, e.duration_hours
                from cohort_event_attendance a join cohort_event e on e.id = a.event_id where e.call_id = ?""")
                .param(callId)
                .query((rs, n) -> new Attendance(rs.getLong("application_id"), Hours.normalise(rs.getBigDecimal("duration_hours"))))
                .list();
    }
}
