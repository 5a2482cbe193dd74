package fr.kiif.programmes.cohort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a laureate's support record (laureate_support, support_objective, check_in) for their private page. */
@Repository
public class LaureateSupportRepository {

    /** Statuses of a support that is still running. */
    public static final Set<String> RUNNING = Set.of("ONBOARDING", "ACTIVE");

    private final JdbcClient jdbc;

    public LaureateSupportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The laureate's page data, empty when the application has no support record. */
    public Optional<LaureateSupportPage> page(long applicationId) {
        return jdbc.sql("select status, kickoff_date, next_check_in_at from laureate_support where application_id = ?")
                .param(applicationId)
                .query((rs, n) -> new LaureateSupportPage(rs.getString("status"),
                        rs.getObject("kickoff_date", LocalDate.class),
                        Optional.ofNullable(rs.getObject("next_check_in_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null),
                        objectives(applicationId), doneCheckIns(applicationId)))
                .optional();
    }

    /** The support status, empty when the application has no support record. */
    public Optional<String> status(long applicationId) {
        return jdbc.sql("select status from laureate_support where application_id = ?").param(applicationId)
                .query(String.class).optional();
    }

    /** Running laureates (ONBOARDING or ACTIVE) of these incubators, by incubator then reference. */
    public List<StaffLaureate> running(Collection<String> incubatorSlugs) {
        if (incubatorSlugs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select a.reference, a.project_title, a.organisation_name, s.incubator_slug, s.coach_id, s.status,
                       s.next_check_in_at
                from laureate_support s join application a on a.id = s.application_id
                where s.status in ('ONBOARDING', 'ACTIVE') and s.incubator_slug in (:slugs)
                order by s.incubator_slug, a.reference""")
                .param("slugs", List.copyOf(incubatorSlugs))
                .query((rs, n) -> staffLaureate(rs))
                .list();
    }

    /** One running laureate by application reference, empty when unknown or no longer in support. */
    public Optional<StaffLaureate> running(String reference) {
        return jdbc.sql("""
                select a.reference, a.project_title, a.organisation_name, s.incubator_slug, s.coach_id, s.status,
                       s.next_check_in_at
                from laureate_support s join application a on a.id = s.application_id
                where s.status in ('ONBOARDING', 'ACTIVE') and a.reference = ?""")
                .param(reference)
                .query((rs, n) -> staffLaureate(rs))
                .optional();
    }

    private static StaffLaureate staffLaureate(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StaffLaureate(rs.getString("reference"), rs.getString("project_title"), rs.getString("organisation_name"),
                rs.getString("incubator_slug"), rs.getString("coach_id"), rs.getString("status"),
                Optional.ofNullable(rs.getObject("next_check_in_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant).orElse(null));
    }

    List<LaureateSupportPage.Objective> objectives(long applicationId) {
        return jdbc.sql("""
                select position, objective, target, due_month from support_objective
                where application_id = ? order by position, id""")
                .param(applicationId)
                .query((rs, n) -> new LaureateSupportPage.Objective(rs.getInt("position"), rs.getString("objective"),
                        rs.getString("target"), rs.getInt("due_month")))
                .list();
    }

    List<LaureateSupportPage.PastCheckIn> doneCheckIns(long applicationId) {
        return jdbc.sql("""
                select done_at, support_hours, next_steps from check_in
                where application_id = ? and done_at is not null order by done_at desc, id desc""")
                .param(applicationId)
                .query((rs, n) -> new LaureateSupportPage.PastCheckIn(
                        rs.getObject("done_at", OffsetDateTime.class).toInstant(),
                        stripped(rs.getBigDecimal("support_hours")), rs.getString("next_steps")))
                .list();
    }

    static BigDecimal stripped(BigDecimal value) {
        return Hours.normalise(value);
    }
}
