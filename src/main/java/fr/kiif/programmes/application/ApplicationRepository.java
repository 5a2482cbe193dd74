package fr.kiif.programmes.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Applications, their public timeline and their documents. */
@Repository
public class ApplicationRepository {

    private final JdbcClient jdbc;

    public ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String reference, String callId, ApplicationForm form, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into application (reference, call_id, status, organisation_name, legal_form, siret, departement,
                    contact_first_name, contact_last_name, contact_email, contact_phone, project_title, summary,
                    social_need, beneficiaries, stage, team_size, funding_to_date, support_needs, theme_fit,
                    consent_at, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(reference, callId, ApplicationStatus.SUBMITTED.name(), form.getOrganisationName().trim(),
                        form.getLegalForm().name(), blankToNull(form.getSiret()), form.getDepartement(),
                        form.getContact().getFirstName().trim(), form.getContact().getLastName().trim(),
                        form.getContact().getEmail().trim(), form.getContact().getPhone().trim(),
                        form.getProjectTitle().trim(), form.getSummary().trim(), form.getSocialNeed().trim(),
                        form.getBeneficiaries().trim(), form.getStage().name(), form.getTeamSize(),
                        form.getFundingToDate(), form.getSupportNeeds().trim(), form.getThemeFit().trim(),
                        toDb(now), toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Application> findByReference(String reference) {
        return jdbc.sql("select * from application where reference = ?").param(reference)
                .query(this::map).optional();
    }

    public Optional<Application> findById(long id) {
        return jdbc.sql("select * from application where id = ?").param(id).query(this::map).optional();
    }

    public void updateStatus(long applicationId, ApplicationStatus status) {
        jdbc.sql("update application set status = ? where id = ?").params(status.name(), applicationId).update();
    }

    public void updateRouting(long applicationId, String territory, String incubatorSlug) {
        jdbc.sql("update application set territory = ?, incubator_slug = ? where id = ?")
                .params(territory, incubatorSlug, applicationId).update();
    }

    public void updateEligibility(long applicationId, String outcome, String comment) {
        jdbc.sql("update application set eligibility_outcome = ?, eligibility_comment = ? where id = ?")
                .params(outcome, comment, applicationId).update();
    }

    public void addEvent(long applicationId, ApplicationStatus status, Instant at, String publicNote) {
        jdbc.sql("insert into application_event (application_id, status, occurred_at, public_note) values (?, ?, ?, ?)")
                .params(applicationId, status.name(), toDb(at), publicNote).update();
    }

    public List<ApplicationEvent> events(long applicationId) {
        return jdbc.sql("select * from application_event where application_id = ? order by occurred_at, id")
                .param(applicationId)
                .query((rs, n) -> new ApplicationEvent(ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("public_note")))
                .list();
    }

    public void addDocument(long applicationId, String kind, UploadedPdf pdf, Instant now) {
        jdbc.sql("""
                insert into application_document (application_id, kind, file_name, content_type, size_bytes, content, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(applicationId, kind, pdf.fileName(), "application/pdf", pdf.content().length, pdf.content(),
                        toDb(now))
                .update();
    }

    public List<String> documentNames(long applicationId) {
        return jdbc.sql("select file_name from application_document where application_id = ? order by id")
                .param(applicationId).query(String.class).list();
    }

    private Application map(ResultSet rs, int row) throws SQLException {
        return new Application(rs.getLong("id"), rs.getString("reference"), rs.getString("call_id"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("organisation_name"),
                LegalForm.valueOf(rs.getString("legal_form")), rs.getString("siret"), rs.getString("departement"),
                rs.getString("contact_first_name"), rs.getString("contact_last_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"), rs.getString("project_title"), rs.getString("summary"),
                rs.getString("social_need"), rs.getString("beneficiaries"), Stage.valueOf(rs.getString("stage")),
                rs.getInt("team_size"), rs.getLong("funding_to_date"), rs.getString("support_needs"),
                rs.getString("theme_fit"), rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                rs.getString("territory"), rs.getString("incubator_slug"));
    }

    static OffsetDateTime toDb(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
