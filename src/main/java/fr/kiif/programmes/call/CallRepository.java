package fr.kiif.programmes.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.impact.evaluation.ImpactDelays;

/** Programmes and calls in the application's own tables. */
@Repository
public class CallRepository {

    private static final String SELECT_CALL = """
            select c.*, p.title as programme_title from programme_call c
            join programme p on p.id = c.programme_id
            """;

    private final JdbcClient jdbc;

    public CallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProgrammeCall> findById(String id) {
        return jdbc.sql(SELECT_CALL + " where c.id = ?").param(id).query(this::mapCall).optional();
    }

    public List<ProgrammeCall> findOpenAt(Instant now) {
        return jdbc.sql(SELECT_CALL + " where c.status <> 'DRAFT' and c.opens_at <= ? and c.closes_at > ? order by c.closes_at")
                .param(toDb(now)).param(toDb(now)).query(this::mapCall).list();
    }

    /** Every call, drafts included, the most recent opening first (coordination pages). */
    public List<ProgrammeCall> findAll() {
        return jdbc.sql(SELECT_CALL + " order by c.opens_at desc, c.id").query(this::mapCall).list();
    }

    public boolean exists(String callId) {
        return jdbc.sql("select count(*) from programme_call where id = ?").param(callId)
                .query(Integer.class).single() > 0;
    }

    /** Whether another call than {@code exceptCallId} (may be null) already uses this reference prefix. */
    public boolean referencePrefixTaken(String prefix, String exceptCallId) {
        return jdbc.sql("select count(*) from programme_call where reference_prefix = ? and id <> ?")
                .params(prefix, exceptCallId == null ? "" : exceptCallId).query(Integer.class).single() > 0;
    }

    /** A call that the public must not see yet (not published). */
    public boolean isDraft(String callId) {
        return jdbc.sql("select count(*) from programme_call where id = ? and status = 'DRAFT'").param(callId)
                .query(Integer.class).single() > 0;
    }

    public boolean programmeExists(String programmeId) {
        return jdbc.sql("select count(*) from programme where id = ?").param(programmeId)
                .query(Integer.class).single() > 0;
    }

    /** A programme measuring the common base set (the column's default). */
    public void insertProgramme(String id, String title, String description) {
        insertProgramme(id, title, description, Programme.DEFAULT_INDICATOR_SET);
    }

    /** @param indicatorSet id of a set of the impact framework, checked by the caller */
    public void insertProgramme(String id, String title, String description, String indicatorSet) {
        jdbc.sql("insert into programme (id, title, description, indicator_set) values (?, ?, ?, ?)")
                .params(id, title, description, indicatorSet).update();
    }

    public Optional<Programme> findProgramme(String id) {
        return jdbc.sql("select * from programme where id = ?").param(id).query(this::mapProgramme).optional();
    }

    public List<Programme> findProgrammes() {
        return jdbc.sql("select * from programme order by title, id").query(this::mapProgramme).list();
    }

    private Programme mapProgramme(ResultSet rs, int row) throws SQLException {
        return new Programme(rs.getString("id"), rs.getString("title"), rs.getString("description"),
                rs.getString("indicator_set"));
    }

    public void insert(ProgrammeCall call) {
        jdbc.sql("""
                insert into programme_call (id, programme_id, title, description, who_may_apply, reference_prefix,
                    opens_at, closes_at, covered_territories, accepted_legal_forms, accepted_stages,
                    completion_delay, eligibility_check_delay)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(call.id(), call.programmeId(), call.title(), call.description(), call.whoMayApply(),
                        call.referencePrefix(), toDb(call.opensAt()), toDb(call.closesAt()),
                        String.join(",", call.coveredTerritories()), join(call.acceptedLegalForms()),
                        join(call.acceptedStages()), call.completionDelay().toString(),
                        call.eligibilityCheckDelay().toString())
                .update();
        insertCriteria(call);
    }

    private void insertCriteria(ProgrammeCall call) {
        int position = 0;
        for (Criterion criterion : call.criteria()) {
            jdbc.sql("""
                    insert into call_criterion (call_id, code, label, description, weight, position)
                    values (?, ?, ?, ?, ?, ?)
                    """)
                    .params(call.id(), criterion.code(), criterion.label(), criterion.description(),
                            criterion.weight(), position++)
                    .update();
        }
    }

    /** Inserts a call that stays invisible to the public until it is published (status DRAFT). */
    @Transactional
    public void insertDraft(ProgrammeCall call) {
        insert(call);
        updateStatus(call.id(), CallStatus.DRAFT);
    }

    /** Replaces a call's configuration (not its status nor its application counter) and its criteria. */
    @Transactional
    public void update(ProgrammeCall call) {
        jdbc.sql("""
                update programme_call set programme_id = ?, title = ?, description = ?, who_may_apply = ?,
                    reference_prefix = ?, opens_at = ?, closes_at = ?, covered_territories = ?, accepted_legal_forms = ?,
                    accepted_stages = ?, completion_delay = ?, eligibility_check_delay = ?
                where id = ?
                """)
                .params(call.programmeId(), call.title(), call.description(), call.whoMayApply(),
                        call.referencePrefix(), toDb(call.opensAt()), toDb(call.closesAt()),
                        String.join(",", call.coveredTerritories()), join(call.acceptedLegalForms()),
                        join(call.acceptedStages()), call.completionDelay().toString(),
                        call.eligibilityCheckDelay().toString(), call.id())
                .update();
        jdbc.sql("delete from call_criterion where call_id = ?").param(call.id()).update();
        insertCriteria(call);
    }

    public SelectionSettings selectionSettings(String callId) {
        return jdbc.sql("select * from programme_call where id = ?").param(callId).query((rs, n) -> new SelectionSettings(
                        quotas(callId), rs.getInt("cohort_size"), rs.getInt("waitlist_size"),
                        rs.getInt("territorial_reviewers"), rs.getInt("cross_reviewers"),
                        Duration.parse(rs.getString("review_deadline")), Duration.parse(rs.getString("review_reminder_before")),
                        Duration.parse(rs.getString("escalation_after")), rs.getBoolean("blind_review"), juryMembers(callId),
                        Duration.parse(rs.getString("promotion_window")), Duration.parse(rs.getString("support_duration")),
                        Duration.parse(rs.getString("check_in_every"))))
                .single();
    }

    /** The delays of the call's impact questionnaires. */
    public ImpactDelays impactDelays(String callId) {
        return jdbc.sql("select impact_reminder_after, impact_response_delay, impact_collection_delay, impact_assessment_delay "
                        + "from programme_call where id = ?").param(callId)
                .query((rs, n) -> new ImpactDelays(Duration.parse(rs.getString(1)), Duration.parse(rs.getString(2)),
                        Duration.parse(rs.getString(3)), Duration.parse(rs.getString(4))))
                .single();
    }

    public void saveImpactDelays(String callId, ImpactDelays delays) {
        jdbc.sql("update programme_call set impact_reminder_after = ?, impact_response_delay = ?, "
                        + "impact_collection_delay = ?, impact_assessment_delay = ? where id = ?")
                .params(delays.reminderAfter().toString(), delays.responseDelay().toString(),
                        delays.collectionDelay().toString(), delays.assessmentDelay().toString(), callId)
                .update();
    }

    /** Replaces the call's selection settings (quotas and jury members included). */
    public void saveSelectionSettings(String callId, SelectionSettings settings) {
        jdbc.sql("""
                update programme_call set cohort_size = ?, waitlist_size = ?, territorial_reviewers = ?, cross_reviewers = ?,
                    review_deadline = ?, review_reminder_before = ?, escalation_after = ?, blind_review = ?,
                    promotion_window = ?, support_duration = ?, check_in_every = ?
                where id = ?
                """)
                .params(settings.cohortSize(), settings.waitlistSize(), settings.territorialReviewers(),
                        settings.crossReviewers(), settings.reviewDeadline().toString(),
                        settings.reviewReminderBefore().toString(), settings.escalationAfter().toString(),
                        settings.blindReview(), settings.promotionWindow().toString(),
                        settings.supportDuration().toString(), settings.checkInEvery().toString(), callId)
                .update();
        jdbc.sql("delete from call_quota where call_id = ?").param(callId).update();
        settings.quotas().forEach((slug, quota) ->
                jdbc.sql("insert into call_quota (call_id, incubator_slug, quota) values (?, ?, ?)")
                        .params(callId, slug, quota).update());
        jdbc.sql("delete from call_jury_member where call_id = ?").param(callId).update();
        settings.juryMembers().forEach(user ->
                jdbc.sql("insert into call_jury_member (call_id, user_id) values (?, ?)").params(callId, user).update());
    }

    public CallStatus status(String callId) {
        return CallStatus.valueOf(jdbc.sql("select status from programme_call where id = ?").param(callId)
                .query(String.class).single());
    }

    public void updateStatus(String callId, CallStatus status) {
        jdbc.sql("update programme_call set status = ? where id = ?").params(status.name(), callId).update();
    }

    /**
     * Locks the call's row until the end of the transaction: serialises publication and the
     * "all reviews done" check of concurrent transactions.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForUpdate(String callId) {
        jdbc.sql("select id from programme_call where id = ? for update").param(callId).query(String.class).optional();
    }

    private Map<String, Integer> quotas(String callId) {
        Map<String, Integer> quotas = new LinkedHashMap<>();
        jdbc.sql("select incubator_slug, quota from call_quota where call_id = ? order by incubator_slug").param(callId)
                .query(rs -> {
                    quotas.put(rs.getString(1), rs.getInt(2));
                });
        return quotas;
    }

    private List<String> juryMembers(String callId) {
        return jdbc.sql("select user_id from call_jury_member where call_id = ? order by user_id").param(callId)
                .query(String.class).list();
    }

    /** Next number of the call's application references; the row lock serialises concurrent submissions. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int nextApplicationNumber(String callId) {
        jdbc.sql("update programme_call set last_application_number = last_application_number + 1 where id = ?")
                .param(callId).update();
        return jdbc.sql("select last_application_number from programme_call where id = ?")
                .param(callId).query(Integer.class).single();
    }

    private ProgrammeCall mapCall(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        return new ProgrammeCall(id, rs.getString("programme_id"), rs.getString("programme_title"),
                rs.getString("title"), rs.getString("description"), rs.getString("who_may_apply"),
                rs.getString("reference_prefix"),
                rs.getObject("opens_at", OffsetDateTime.class).toInstant(),
                rs.getObject("closes_at", OffsetDateTime.class).toInstant(),
                split(rs.getString("covered_territories")),
                split(rs.getString("accepted_legal_forms")).stream().map(LegalForm::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(LegalForm.class))),
                split(rs.getString("accepted_stages")).stream().map(Stage::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class))),
                Duration.parse(rs.getString("completion_delay")),
                Duration.parse(rs.getString("eligibility_check_delay")),
                criteria(id));
    }

    private List<Criterion> criteria(String callId) {
        return jdbc.sql("select * from call_criterion where call_id = ? order by position").param(callId)
                .query((rs, n) -> new Criterion(rs.getString("code"), rs.getString("label"),
                        rs.getString("description"), rs.getInt("weight")))
                .list();
    }

    static OffsetDateTime toDb(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
