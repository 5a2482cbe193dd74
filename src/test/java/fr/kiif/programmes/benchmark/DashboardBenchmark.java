package fr.kiif.programmes.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Territory;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.Criterion;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.selection.ReviewCriteria;
import fr.kiif.programmes.support.PostgresTestBase;

/**
 * Dashboard speed on PostgreSQL (issue target: overview p95 ≤ 200 ms). Not part of the default run:
 * {@code ./mvnw -B test -Pbenchmark} (size with {@code -Dkiif.benchmark.applications=10800}).
 *
 * <p>Runs with the alliance at its announced size, 10 members and 27 territories ({@code benchmark/*.csv}: the shipped
 * reference data plus fictitious members), and seeds one call over all of them: applications in every status (SQL, in batches), three reviews per
 * reviewed application, scores, jury decisions, and a running {@code application} instance per application
 * (a quarter waiting at an overdue "Vérifier l'éligibilité" task, the others for the jury's decision). Then
 * times the overview page, its JSON and application pages through HTTP as a coordinator, and prints p50/p95.
 */
@Tag("benchmark")
@TestPropertySource(properties = {"kiif.alliance.incubators=classpath:benchmark/incubators.csv",
        "kiif.alliance.territories=classpath:benchmark/territories.csv"})
class DashboardBenchmark extends PostgresTestBase {

    private static final int WARM_UP = 30;
    private static final int SAMPLES = 60;

    @Autowired JdbcTemplate jdbc;
    @Autowired CallRepository calls;
    @Autowired AllianceReferenceData alliance;
    @Autowired RuntimeService runtimeService;
    @Autowired TestRestTemplate http;

    private final Random random = new Random(42);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void overviewAndApplicationPages() {
        int size = Integer.getInteger("kiif.benchmark.applications", 10_800);
        long seedStart = System.nanoTime();
        String callId = seedCall();
        List<String> references = seedApplications(callId, size);
        seedInstances(callId, references);
        long seedSeconds = Duration.ofNanos(System.nanoTime() - seedStart).toSeconds();

        // Fresh statistics after the bulk load, as PostgreSQL's autovacuum would soon have them, then every path
        // warmed up before any is timed (JIT, connection pool, caches).
        jdbc.execute("analyze");
        String overview = "/pilotage/appels/" + callId;
        for (String path : List.of(overview, "/api/pilotage/appels/" + callId, overview + "?incubateur=atis",
                "/pilotage/candidatures/" + references.get(0))) {
            for (int i = 0; i < WARM_UP; i++) {
                get(path);
            }
        }
        long[] page = time(i -> overview);
        long[] json = time(i -> "/api/pilotage/appels/" + callId);
        long[] filtered = time(i -> overview + "?incubateur=atis");
        long[] application = time(i -> "/pilotage/candidatures/" + references.get(random.nextInt(references.size())));

        System.out.printf("%n=== Dashboard benchmark (PostgreSQL): %d applications over %d territories of %d incubators, seeded in %d s ===%n",
                size, alliance.territories().size(), alliance.incubators().size(), seedSeconds);
        print("overview page   " + overview, page);
        print("overview JSON   /api/pilotage/appels/{id}", json);
        print("overview, one incubator", filtered);
        print("application page /pilotage/candidatures/{ref}", application);
        System.out.printf("target overview p95 <= 200 ms: %s%n%n", percentile(page, 95) <= 200 ? "met" : "NOT met");
    }

    // ---- timing

    private interface PathOf {
        String path(int i);
    }

    private long[] time(PathOf paths) {
        long[] millis = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            get(paths.path(i));
            millis[i] = Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
        Arrays.sort(millis);
        return millis;
    }

    private void get(String path) {
        ResponseEntity<String> response = http.withBasicAuth("coordination-1", "demo").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void print(String what, long[] sorted) {
        System.out.printf("%-50s p50 %4d ms   p95 %4d ms   max %4d ms   (%d requests)%n", what, percentile(sorted, 50),
                percentile(sorted, 95), sorted[sorted.length - 1], sorted.length);
    }

    // ---- seeding

    private String seedCall() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<Criterion> criteria = new ArrayList<>();
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            criteria.add(new Criterion(criterion.code(), criterion.label(), "Repères.", 1));
        }
        Instant now = Instant.now();
        ProgrammeCall call = new ProgrammeCall("bench-" + suffix, "fin-de-vie", "Fin de vie et deuil", "Appel de mesure " + suffix,
                "Un appel pour mesurer le tableau de bord.", "Tout le monde.", "B" + suffix.toUpperCase(),
                now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(30)),
                alliance.territories().stream().map(Territory::id).toList(), EnumSet.allOf(LegalForm.class),
                EnumSet.allOf(Stage.class), Duration.ofDays(14), Duration.ofDays(10), criteria);
        calls.insert(call);
        return call.id();
    }

    private static final ApplicationStatus[] STATUSES = {ApplicationStatus.SUBMITTED, ApplicationStatus.IN_CHECK,
            ApplicationStatus.COMPLETION_REQUESTED, ApplicationStatus.ELIGIBLE, ApplicationStatus.INELIGIBLE,
            ApplicationStatus.IN_REVIEW, ApplicationStatus.REVIEWED, ApplicationStatus.REVIEWED, ApplicationStatus.REVIEWED,
            ApplicationStatus.SELECTED, ApplicationStatus.WAITLISTED, ApplicationStatus.REJECTED, ApplicationStatus.REJECTED,
            ApplicationStatus.WITHDRAWN, ApplicationStatus.IN_SUPPORT, ApplicationStatus.SUPPORT_FINISHED};

    private List<String> seedApplications(String callId, int size) {
        List<Territory> territories = alliance.territories();
        String prefix = jdbc.queryForObject("select reference_prefix from programme_call where id = ?", String.class, callId);
        Timestamp submitted = Timestamp.from(Instant.now().minus(Duration.ofDays(45)));
        List<String> references = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            Territory territory = territories.get(i % territories.size());
            String reference = prefix + "-" + String.format("%05d", i);
            references.add(reference);
            ApplicationStatus status = STATUSES[random.nextInt(STATUSES.length)];
            rows.add(new Object[] {reference, callId, status.name(), "Structure " + i, "ASSOCIATION", territory.departements().get(0),
                    "Prénom" + i, "Nom" + i, "porteur" + i + "@example.org", "0601020304", "Projet " + i, "Résumé.", "Besoin.",
                    "Publics.", "LAUNCH", 1 + i % 9, 1000L * (i % 50), "Besoins.", "Filière.", submitted, submitted,
                    territory.id(), territory.incubatorSlug()});
        }
        jdbc.batchUpdate("""
                insert into application (reference, call_id, status, organisation_name, legal_form, departement,
                    contact_first_name, contact_last_name, contact_email, contact_phone, project_title, summary, social_need,
                    beneficiaries, stage, team_size, funding_to_date, support_needs, theme_fit, consent_at, submitted_at,
                    territory, incubator_slug)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        jdbc.update("""
                insert into application_event (application_id, status, occurred_at, public_note)
                select id, 'SUBMITTED', submitted_at, null from application where call_id = ?
                """, callId);
        seedReviews(callId);
        return references;
    }

    /** Three reviews per application past eligibility (one open while in review), a score, and the jury's decisions. */
    private void seedReviews(String callId) {
        List<Map<String, Object>> reviewed = jdbc.queryForList("""
                select a.id, a.status, a.incubator_slug from application a where a.call_id = ? and a.status in
                ('IN_REVIEW', 'REVIEWED', 'SELECTED', 'WAITLISTED', 'REJECTED', 'IN_SUPPORT', 'SUPPORT_FINISHED')
                """, callId);
        Timestamp assigned = Timestamp.from(Instant.now().minus(Duration.ofDays(25)));
        Timestamp done = Timestamp.from(Instant.now().minus(Duration.ofDays(20)));
        List<Object[]> reviews = new ArrayList<>();
        List<Object[]> scores = new ArrayList<>();
        List<Object[]> decisions = new ArrayList<>();
        for (Map<String, Object> row : reviewed) {
            long id = ((Number) row.get("id")).longValue();
            String status = (String) row.get("status");
            String incubator = (String) row.get("incubator_slug");
            for (int r = 0; r < 3; r++) {
                boolean open = "IN_REVIEW".equals(status) && r == 2;
                int score = 2 + random.nextInt(4);
                String reviewer = r == 2 ? "ronalpia-" + (1 + random.nextInt(2)) : incubator + "-" + (r + 1);
                reviews.add(new Object[] {id, reviewer, r == 2 ? "CROSS" : "TERRITORIAL", open ? "ASSIGNED" : "DONE", assigned,
                        open ? null : done, open ? null : score, open ? null : score, open ? null : score, open ? null : score,
                        open ? null : score, open ? null : score, open ? null : score, open ? null : "Avis.",
                        open ? null : "DISCUSS"});
            }
            if (!"IN_REVIEW".equals(status)) {
                scores.add(new Object[] {id, 2 + random.nextInt(300) / 100.0, random.nextInt(10) == 0, done});
            }
            String decision = switch (status) {
                case "SELECTED", "IN_SUPPORT", "SUPPORT_FINISHED" -> "SELECTED";
                case "WAITLISTED" -> "WAITLISTED";
                case "REJECTED" -> "REJECTED";
                default -> null;
            };
            if (decision != null) {
                decisions.add(new Object[] {id, decision, "WAITLISTED".equals(decision) ? 1 : null, "Décision.", done});
            }
        }
        jdbc.batchUpdate("""
                insert into review (application_id, reviewer_id, kind, status, assigned_at, completed_at, score_social_impact,
                    score_innovation, score_team, score_economic_model, score_theme_fit, score_scaling, overall_score,
                    review_comment, recommendation)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, reviews);
        jdbc.batchUpdate("insert into application_score (application_id, weighted_score, disagreement, computed_at) values (?, ?, ?, ?)",
                scores);
        jdbc.batchUpdate("insert into jury_decision (application_id, decision, waitlist_rank, rationale, decided_at) values (?, ?, ?, ?, ?)",
                decisions);
    }

    /**
     * A running application instance per application, as the engine would hold them: early ones at an eligibility
     * check created 20 days ago (so overdue), the others waiting for the jury's decision.
     */
    private void seedInstances(String callId, List<String> references) {
        Map<String, Map<String, Object>> places = new HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList(
                "select reference, status, territory, incubator_slug, departement from application where call_id = ?", callId)) {
            places.put((String) row.get("reference"), row);
        }
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(20))));
        for (String reference : references) {
            Map<String, Object> row = places.get(reference);
            String status = (String) row.get("status");
            boolean checking = "SUBMITTED".equals(status) || "IN_CHECK".equals(status) || "COMPLETION_REQUESTED".equals(status);
            Map<String, Object> variables = new HashMap<>();
            variables.put("callId", callId);
            variables.put("applicationRef", reference);
            variables.put("departement", row.get("departement"));
            variables.put("territory", row.get("territory"));
            variables.put("incubatorSlug", row.get("incubator_slug"));
            variables.put("incubatorGroup", "incubator-" + row.get("incubator_slug"));
            variables.put("eligibilityCheckDelay", "P10D");
            runtimeService.createProcessInstanceByKey("application").businessKey(reference).setVariables(variables)
                    .startBeforeActivity(checking ? "UserTask_CheckEligibility" : "ReceiveTask_AwaitSelectionDecision")
                    .execute();
        }
        ClockUtil.reset();
    }
}
