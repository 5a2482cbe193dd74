package fr.kiif.programmes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.cohort.SupportRecords.LaureateRecord;
import fr.kiif.programmes.cohort.SupportRecords.Totals;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.TestCalls;

class SupportRecordsTest extends SpringTestBase {

    @Autowired
    ApplicationSubmissionService submissions;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    CallRepository calls;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CohortEvents events;
    @Autowired
    SupportRecords records;

    static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private ProgrammeCall openCall() {
        Instant now = Instant.now();
        return TestCalls.insert(calls, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    private Application laureate(ProgrammeCall call, String incubator, String coach) {
        Application application = SupportRows.submit(submissions, applications, call.id(), "Lauréat " + UUID.randomUUID());
        new SupportRows(jdbc).support(application.id(), call.id(), incubator, coach, "ACTIVE", LocalDate.of(2027, 3, 1), day(28));
        return application;
    }

    @Test
    void totalsPerLaureateIncubatorAndCoachCountCheckInsAndAttendedEvents() {
        ProgrammeCall call = openCall();
        SupportRows rows = new SupportRows(jdbc);
        Application a = laureate(call, "atis", "atis-1");
        Application b = laureate(call, "atis", "atis-2");
        Application d = laureate(call, "ronalpia", "ronalpia-1");
        // Another call's laureate and event must not count.
        ProgrammeCall other = openCall();
        Application elsewhere = laureate(other, "atis", "atis-1");

        // A: 2.5 h (LOW) then 1.25 h (HIGH); a check-in still due does not count.
        rows.checkIn(a.id(), "atis-1", "atis", day(28), day(29), "2.50", "LOW", "Étape 1");
        rows.checkIn(a.id(), "atis-1", "atis", day(56), day(57), "1.25", "HIGH", "Étape 2");
        rows.checkIn(a.id(), "atis-1", "atis", day(84), null, null, null, null);
        // B: 2 h with atis-1 (MEDIUM), then reassigned to atis-2: 1 h (LOW).
        rows.checkIn(b.id(), "atis-1", "atis", day(28), day(30), "2", "MEDIUM", "Étape 1");
        rows.checkIn(b.id(), "atis-2", "atis", day(56), day(58), "1", "LOW", "Étape 2");

        long national = events.record(call.id(), LocalDate.of(2027, 4, 2), "Mesurer son impact", CohortEvent.NATIONAL,
                new BigDecimal("3"), "coordination-1");
        long atisOnly = events.record(call.id(), LocalDate.of(2027, 5, 7), "Financement participatif", "atis",
                new BigDecimal("1.5"), "coordination-1");
        long empty = events.record(call.id(), LocalDate.of(2027, 6, 4), "Atelier sans présent", "ronalpia",
                new BigDecimal("2"), "coordination-1");
        events.recordAttendance(national, List.of(a.id(), b.id(), d.id()));
        events.recordAttendance(atisOnly, List.of(a.id()));
        events.recordAttendance(empty, List.of());
        long otherEvent = events.record(other.id(), LocalDate.of(2027, 4, 2), "Autre appel", CohortEvent.NATIONAL,
                new BigDecimal("7"), "coordination-1");
        events.recordAttendance(otherEvent, List.of(elsewhere.id()));

        List<LaureateRecord> laureates = records.laureates(call.id());
        assertThat(laureates).extracting(LaureateRecord::reference)
                .containsExactlyElementsOf(List.of(a.reference(), b.reference(), d.reference()).stream().sorted().toList());
        LaureateRecord ra = record(laureates, a);
        assertThat(ra.checkInHours()).isEqualByComparingTo("3.75");
        assertThat(ra.checkInsDone()).isEqualTo(2);
        assertThat(ra.eventHours()).isEqualByComparingTo("4.5");
        assertThat(ra.eventsAttended()).isEqualTo(2);
        assertThat(ra.totalHours()).isEqualByComparingTo("8.25");
        assertThat(ra.lastRiskLevel()).isEqualTo("HIGH");
        assertThat(ra.incubatorSlug()).isEqualTo("atis");
        assertThat(ra.coachId()).isEqualTo("atis-1");

        LaureateRecord rb = record(laureates, b);
        assertThat(rb.checkInHours()).isEqualByComparingTo("3");
        assertThat(rb.checkInsDone()).isEqualTo(2);
        assertThat(rb.eventHours()).isEqualByComparingTo("3");
        assertThat(rb.totalHours()).isEqualByComparingTo("6");
        assertThat(rb.lastRiskLevel()).isEqualTo("LOW");

        LaureateRecord rd = record(laureates, d);
        assertThat(rd.checkInHours()).isEqualByComparingTo("0");
        assertThat(rd.checkInsDone()).isZero();
        assertThat(rd.eventHours()).isEqualByComparingTo("3");
        assertThat(rd.eventsAttended()).isEqualTo(1);
        assertThat(rd.totalHours()).isEqualByComparingTo("3");
        assertThat(rd.lastRiskLevel()).isNull();

        assertThat(records.laureate(a.id())).contains(ra);
        assertThat(records.laureate(elsewhere.id()).orElseThrow().totalHours()).isEqualByComparingTo("7");

        List<Totals> incubators = records.byIncubator(call.id());
        assertThat(incubators).extracting(Totals::key).containsExactly("atis", "ronalpia");
        assertTotals(incubators.get(0), 2, "6.75", 4, "7.5", 3, "14.25");
        assertTotals(incubators.get(1), 1, "0", 0, "3", 1, "3");

        List<Totals> coaches = records.byCoach(call.id());
        assertThat(coaches).extracting(Totals::key).containsExactly("atis-1", "atis-2", "ronalpia-1");
        // atis-1: laureate A; check-ins of A (3.75 h) and B's first one (2 h); A's events (4.5 h).
        assertTotals(coaches.get(0), 1, "5.75", 3, "4.5", 2, "10.25");
        assertTotals(coaches.get(1), 1, "1", 1, "3", 1, "4");
        assertTotals(coaches.get(2), 1, "0", 0, "3", 1, "3");
    }

    @Test
    void noSupportRecordMeansNoRecord() {
        ProgrammeCall call = openCall();
        Application application = SupportRows.submit(submissions, applications, call.id(), "Non lauréat " + UUID.randomUUID());
        assertThat(records.laureate(application.id())).isEmpty();
        assertThat(records.laureates(call.id())).isEmpty();
        assertThat(records.byIncubator(call.id())).isEmpty();
        assertThat(records.byCoach(call.id())).isEmpty();
    }

    @Test
    void eventsAreValidatedAndAttendanceOnlyForTheCallsLaureates() {
        ProgrammeCall call = openCall();
        Application laureate = laureate(call, "atis", "atis-1");
        Application notLaureate = SupportRows.submit(submissions, applications, call.id(), "Non lauréat " + UUID.randomUUID());

        assertThatThrownBy(() -> events.record(call.id(), null, " ", "mars", BigDecimal.ZERO, "coordination-1"))
                .isInstanceOfSatisfying(InvalidCohortEventException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("heldOn", "topic", "scope", "durationHours"));
        assertThat(events.validate(LocalDate.now(), "Atelier", "atis", new BigDecimal("1.234"))).containsKey("durationHours");
        assertThat(events.validate(LocalDate.now(), "Atelier", "atis", new BigDecimal("1000"))).containsKey("durationHours");
        assertThat(events.validate(LocalDate.now(), "a".repeat(301), "NATIONAL", BigDecimal.ONE)).containsKey("topic");
        assertThat(events.validate(LocalDate.now(), "Atelier", "NATIONAL", new BigDecimal("999.99"))).isEmpty();

        long event = events.record(call.id(), LocalDate.of(2027, 4, 2), "  Atelier  ", "atis", new BigDecimal("2.00"),
                "coordination-1");
        assertThat(events.find(event).orElseThrow().topic()).isEqualTo("Atelier");
        assertThatThrownBy(() -> events.recordAttendance(event, List.of(laureate.id(), notLaureate.id())))
                .isInstanceOf(InvalidCohortEventException.class);
        assertThat(events.attendance(event)).isEmpty();
        events.recordAttendance(event, List.of(laureate.id()));
        assertThat(events.attendance(event)).isEqualTo(Set.of(laureate.id()));
        assertThat(events.list(call.id())).singleElement().satisfies(e -> {
            assertThat(e.attendees()).isEqualTo(1);
            assertThat(e.hours()).isEqualTo("2");
        });

        events.remove(event);
        assertThat(events.find(event)).isEmpty();
        assertThat(events.attendance(event)).isEmpty();
        assertThat(records.laureate(laureate.id()).orElseThrow().eventHours()).isEqualByComparingTo("0");
    }

    private static LaureateRecord record(List<LaureateRecord> records, Application application) {
        return records.stream().filter(r -> r.applicationId() == application.id()).findFirst().orElseThrow();
    }

    private static void assertTotals(Totals totals, int laureates, String checkInHours, int checkInsDone, String eventHours,
            int eventsAttended, String totalHours) {
        assertThat(totals.laureates()).as(totals.key() + " laureates").isEqualTo(laureates);
        assertThat(totals.checkInHours()).as(totals.key() + " check-in hours").isEqualByComparingTo(checkInHours);
        assertThat(totals.checkInsDone()).as(totals.key() + " check-ins").isEqualTo(checkInsDone);
        assertThat(totals.eventHours()).as(totals.key() + " event hours").isEqualByComparingTo(eventHours);
        assertThat(totals.eventsAttended()).as(totals.key() + " events").isEqualTo(eventsAttended);
        assertThat(totals.totalHours()).as(totals.key() + " total").isEqualByComparingTo(totalHours);
    }
}
