package fr.kiif.programmes.cohort;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationForm;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.application.SubmissionResult;
import fr.kiif.programmes.application.UploadedPdf;
import fr.kiif.programmes.support.ApplicationForms;

/** Support records written directly in the tables, as the cohort-support process would. */
final class SupportRows {

    private final JdbcClient jdbc;

    SupportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Application submit(ApplicationSubmissionService submissions, ApplicationRepository applications, String callId,
            String title) {
        ApplicationForm form = ApplicationForms.valid("33", "laureat-" + UUID.randomUUID() + "@example.fr");
        form.setProjectTitle(title);
        SubmissionResult result = submissions.submit(callId, form, Optional.<UploadedPdf>empty(), null);
        return applications.findByReference(result.reference()).orElseThrow();
    }

    void support(long applicationId, String callId, String incubator, String coach, String status, LocalDate kickoff,
            Instant nextCheckInAt) {
        jdbc.sql("""
                insert into laureate_support (application_id, call_id, incubator_slug, coach_id, status, started_at,
                  kickoff_date, expected_hours, next_check_in_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, callId, incubator, coach, status, Instant.now().atOffset(ZoneOffset.UTC), kickoff, 40,
                        nextCheckInAt == null ? null : nextCheckInAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    void objective(long applicationId, int position, String objective, String target, int dueMonth) {
        jdbc.sql("""
                insert into support_objective (application_id, position, objective, target, due_month)
                values (?, ?, ?, ?, ?)""")
                .params(applicationId, position, objective, target, dueMonth).update();
    }

    /** A check-in; doneAt null = still due. */
    void checkIn(long applicationId, String coach, String incubator, Instant dueAt, Instant doneAt, String hours,
            String risk, String nextSteps) {
        jdbc.sql("""
                insert into check_in (application_id, coach_id, incubator_slug, due_at, done_at, support_hours, risk_level,
                  progress, next_steps) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, coach, incubator, dueAt.atOffset(ZoneOffset.UTC),
                        doneAt == null ? null : doneAt.atOffset(ZoneOffset.UTC), hours == null ? null : new BigDecimal(hours),
                        risk, "{\"1\":\"note interne\"}", nextSteps)
                .update();
    }
}
