package fr.kiif.programmes.cohort;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.alliance.AllianceReferenceData;

/**
 * Collective workshops across territories (cohort_event) and who attended them
 * (cohort_event_attendance). Attendance counts in the support record, see {@link SupportRecords}.
 */
@Service
public class CohortEvents {

    public static final int MAX_TOPIC = 300;
    /** numeric(5, 2) */
    public static final BigDecimal MAX_HOURS = new BigDecimal("999.99");

    private final JdbcClient jdbc;
    private final AllianceReferenceData alliance;
    private final Clock clock;

    public CohortEvents(JdbcClient jdbc, AllianceReferenceData alliance, Clock clock) {
        this.jdbc = jdbc;
        this.alliance = alliance;
        this.clock = clock;
    }

    /** The call's events, most recent first. */
    public List<CohortEvent> list(String callId) {
        return jdbc.sql(SELECT + " where e.call_id = ? order by e.held_on desc, e.id desc").param(callId)
                .query((rs, n) -> event(rs)).list();
    }

    public Optional<CohortEvent> find(long eventId) {
        return jdbc.sql(SELECT + " where e.id = ?").param(eventId).query((rs, n) -> event(rs)).optional();
    }

    /**
     * Records a session. Scope: an incubator slug of the alliance or {@link CohortEvent#NATIONAL}.
     *
     * @throws InvalidCohortEventException with French messages per field (heldOn, topic, scope, durationHours)
     */
    @Transactional
    public long record(String callId, LocalDate heldOn, String topic, String scope, BigDecimal durationHours,
            String recordedBy) {
        Map<String, String> errors = validate(heldOn, topic, scope, durationHours);
        if (!errors.isEmpty()) {
            throw new InvalidCohortEventException(errors);
        }
        String subject = topic.strip();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cohort_event (call_id, held_on, topic, scope, duration_hours, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(callId, heldOn, subject, scope, durationHours, recordedBy, clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** French messages per field (heldOn, topic, scope, durationHours); empty when the session can be recorded. */
    public Map<String, String> validate(LocalDate heldOn, String topic, String scope, BigDecimal durationHours) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (heldOn == null) {
            errors.put("heldOn", "Indiquez la date de la session.");
        }
        String subject = topic == null ? "" : topic.strip();
        if (subject.isEmpty()) {
            errors.put("topic", "Indiquez le thème de la session.");
        } else if (subject.length() > MAX_TOPIC) {
            errors.put("topic", "Le thème ne doit pas dépasser " + MAX_TOPIC + " caractères.");
        }
        if (!validScope(scope)) {
            errors.put("scope", "Choisissez un incubateur de l'alliance ou « National ».");
        }
        if (durationHours == null) {
            errors.put("durationHours", "Indiquez la durée de la session en heures.");
        } else if (durationHours.signum() <= 0) {
            errors.put("durationHours", "La durée doit être supérieure à 0 heure.");
        } else if (durationHours.compareTo(MAX_HOURS) > 0 || durationHours.stripTrailingZeros().scale() > 2) {
            errors.put("durationHours", "La durée doit être un nombre d'heures inférieur à 1 000, avec au plus deux décimales.");
        }
        return errors;
    }

    /** Removes the event and its attendance. */
    @Transactional
    public void remove(long eventId) {
        jdbc.sql("delete from cohort_event_attendance where event_id = ?").param(eventId).update();
        jdbc.sql("delete from cohort_event where id = ?").param(eventId).update();
    }

    /** The laureates of the call: applications with a support record, by incubator then reference. */
    public List<CohortLaureate> laureates(String callId) {
        return jdbc.sql("""
                select a.id, a.reference, a.project_title, a.organisation_name, s.incubator_slug, s.status
                from laureate_support s join application a on a.id = s.application_id
                where s.call_id = ? order by s.incubator_slug, a.reference""")
                .param(callId)
                .query((rs, n) -> new CohortLaureate(rs.getLong("id"), rs.getString("reference"), rs.getString("project_title"),
                        rs.getString("organisation_name"), rs.getString("incubator_slug"), rs.getString("status")))
                .list();
    }

    /** Application ids of the event's attendees. */
    public Set<Long> attendance(long eventId) {
        return new LinkedHashSet<>(jdbc.sql("select application_id from cohort_event_attendance where event_id = ? order by application_id")
                .param(eventId).query(Long.class).list());
    }

    /**
     * Replaces the event's attendance. Every id must be a laureate of the event's call.
     *
     * @throws InvalidCohortEventException (field applicationIds) otherwise
     */
    @Transactional
    public void recordAttendance(long eventId, Collection<Long> applicationIds) {
        CohortEvent event = find(eventId).orElseThrow(() -> new IllegalArgumentException("Unknown cohort event " + eventId));
        Set<Long> laureates = new LinkedHashSet<>();
        laureates(event.callId()).forEach(l -> laureates.add(l.applicationId()));
        Set<Long> attendees = new LinkedHashSet<>(applicationIds);
        if (!laureates.containsAll(attendees)) {
            throw new InvalidCohortEventException(Map.of("applicationIds",
                    "Seuls les lauréats de l'appel de cette session peuvent y être inscrits."));
        }
        jdbc.sql("delete from cohort_event_attendance where event_id = ?").param(eventId).update();
        for (Long applicationId : attendees) {
            jdbc.sql("insert into cohort_event_attendance (event_id, application_id) values (?, ?)")
                    .params(eventId, applicationId).update();
        }
    }

    public boolean validScope(String scope) {
        return CohortEvent.NATIONAL.equals(scope) || (scope != null && alliance.incubator(scope).isPresent());
    }

    private static final String SELECT = """
            select e.id, e.call_id, e.held_on, e.topic, e.scope, e.duration_hours, e.recorded_by, e.recorded_at,
              (select count(*) from cohort_event_attendance a where a.event_id = e.id) as attendees
            from cohort_event e""";

    private static CohortEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CohortEvent(rs.getLong("id"), rs.getString("call_id"), rs.getObject("held_on", LocalDate.class),
                rs.getString("topic"), rs.getString("scope"), Hours.normalise(rs.getBigDecimal("duration_hours")),
                rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getInt("attendees"));
    }
}
