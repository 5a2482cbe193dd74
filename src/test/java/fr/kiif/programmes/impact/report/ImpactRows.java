package fr.kiif.programmes.impact.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import fr.kiif.programmes.application.ApplicationForm;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.TestCalls;

/**
 * Laureates, supports, evaluations and values written directly with SQL: the questionnaire process is
 * another helper's, and the reports only read these tables.
 */
final class ImpactRows {

    private final JdbcClient jdbc;
    private final CallRepository calls;
    private final ApplicationRepository applications;

    ImpactRows(JdbcClient jdbc, CallRepository calls, ApplicationRepository applications) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.applications = applications;
    }

    ProgrammeCall call() {
        Instant now = Instant.now();
        return TestCalls.insert(calls, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(350)));
    }

    /** A laureate selected by the jury, in support (open) with this coach; returns the reference. */
    String laureate(ProgrammeCall call, String incubator, String territory, String coach) {
        String reference = call.referencePrefix() + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ApplicationForm form = ApplicationForms.valid("33", "secret-" + reference.toLowerCase() + "@example.org");
        form.setOrganisationName("Association confidentielle " + reference);
        long id = applications.insert(reference, call.id(), form, Instant.now());
        applications.updateRouting(id, territory, incubator);
        applications.updateStatus(id, ApplicationStatus.IN_SUPPORT);
        jdbc.sql("insert into jury_decision (application_id, decision, decided_at) values (?, 'SELECTED', ?)")
                .params(id, Instant.now().atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("""
                insert into laureate_support (application_id, call_id, incubator_slug, coach_id, status, started_at)
                values (?, ?, ?, ?, 'ACTIVE', ?)
                """).params(id, call.id(), incubator, coach, Instant.now().atOffset(ZoneOffset.UTC)).update();
        return reference;
    }

    /** An evaluation row; returns its id. */
    long evaluation(String reference, String phase, String status, Integer contribution, String comment) {
        long applicationId = applications.findByReference(reference).orElseThrow().id();
        var application = applications.findById(applicationId).orElseThrow();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into impact_evaluation (application_id, call_id, incubator_slug, phase, indicator_set, status, started_at,
                    contribution_assessment, assessment_comment) values (?, ?, ?, ?, 'socle-kiif', ?, ?, ?, ?)
                """).params(applicationId, application.callId(), application.incubatorSlug(), phase, status,
                        Instant.now().atOffset(ZoneOffset.UTC), contribution, comment)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void number(long evaluation, String indicator, String value) {
        value(evaluation, indicator, new BigDecimal(value), null, false);
    }

    void implausible(long evaluation, String indicator, String value) {
        value(evaluation, indicator, new BigDecimal(value), null, true);
    }

    void text(long evaluation, String indicator, String value) {
        value(evaluation, indicator, null, value, false);
    }

    private void value(long evaluation, String indicator, BigDecimal number, String text, boolean implausible) {
        jdbc.sql("""
                insert into impact_value (evaluation_id, indicator_id, value_number, value_text, implausible, implausible_note, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(evaluation, indicator, number, text, implausible, implausible ? "Saisie en double ?" : null,
                        Instant.now().atOffset(ZoneOffset.UTC)).update();
    }
}
