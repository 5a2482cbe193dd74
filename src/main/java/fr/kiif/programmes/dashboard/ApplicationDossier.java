package fr.kiif.programmes.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.security.SystemAccess;

/**
 * One application for the dashboard: its timeline (the applicant's steps from application_event, and the
 * engine's history of every process of the application: application, cohort support, impact evaluations),
 * reviews, emails (mail_outbox), documents, running process instances (Cockpit) and open tasks (Tasklist).
 */
@Service
public class ApplicationDossier {

    static final int HISTORY_LIMIT = 300;
    /** Activities worth a line in the timeline (gateways and sub-process bodies are noise). */
    static final Set<String> SHOWN_ACTIVITIES = Set.of("userTask", "serviceTask", "sendTask", "startEvent", "noneEndEvent",
            "messageEndEvent", "intermediateMessageCatch", "intermediateTimer", "boundaryTimer", "boundaryMessage",
            "messageStartEvent", "callActivity", "businessRuleTask", "intermediateSignalCatch", "errorEndEvent",
            "terminateEndEvent", "boundaryError", "intermediateNoneThrowEvent");

    public record Summary(String reference, String callId, String callTitle, String status, String statusLabel,
            String organisationName, String projectTitle, String contactName, String contactEmail, String departement,
            String territory, String incubatorSlug, Instant submittedAt, BigDecimal score, boolean disagreement,
            String decision, Integer waitlistRank, String supportStatus, String coachId) {
    }

    /** source: "candidature" (what the applicant sees) or the process (what the engine did). */
    public record Event(Instant at, String source, String label, String detail) {
    }

    /** reviewerId null when the caller may not see who reviewed (cross reviewer, for incubator staff). */
    public record Review(String reviewerId, String kind, String status, Instant assignedAt, Instant completedAt,
            BigDecimal overallScore, String recommendation, String comment) {
    }

    public record Mail(Instant createdAt, String recipient, String subject, String status, Instant sentAt) {
    }

    public record Instance(String processInstanceId, String processKey, boolean running, Instant startedAt, Instant endedAt,
            String cockpitUrl) {
    }

    public record OpenTask(String taskId, String name, String assignee, Instant due, boolean overdue, String tasklistUrl) {
    }

    public record Dossier(Summary application, List<Event> timeline, List<Review> reviews, List<Mail> mails,
            List<ApplicationDocuments.Document> documents, List<Instance> instances, List<OpenTask> tasks, List<CallIncidents.Item> incidents) {
    }

    private final JdbcClient jdbc;
    private final DashboardAccess access;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final SystemAccess systemAccess;
    private final java.time.Clock clock;
    private final ApplicationDocuments documents;

    public ApplicationDossier(JdbcClient jdbc, DashboardAccess access, HistoryService historyService,
            RuntimeService runtimeService, TaskService taskService, SystemAccess systemAccess, java.time.Clock clock,
            ApplicationDocuments documents) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.access = access;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Dossier of(String reference) {
        Summary summary = summary(reference)
                .orElseThrow(() -> DashboardException.notFound("Cette candidature n'existe pas."));
        DashboardScope scope = access.forApplication(summary.incubatorSlug());
        long id = jdbc.sql("select id from application where reference = ?").param(reference).query(Long.class).single();
        List<HistoricProcessInstance> processes = systemAccess.run(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).orderByProcessInstanceStartTime().asc().list());
        List<Event> timeline = new ArrayList<>(applicantSteps(id));
        timeline.addAll(engineHistory(processes));
        timeline.sort(Comparator.comparing(Event::at));
        Instant now = clock.instant();
        List<OpenTask> tasks = systemAccess.run(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .active().orderByDueDate().asc().list()).stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                        t.getDueDate() != null && t.getDueDate().toInstant().isBefore(now), EngineLinks.task(t.getId())))
                .toList();
        List<Instance> instances = processes.stream()
                .map(p -> new Instance(p.getId(), p.getProcessDefinitionKey(), p.getEndTime() == null,
                        p.getStartTime().toInstant(), p.getEndTime() == null ? null : p.getEndTime().toInstant(),
                        EngineLinks.processInstance(p.getId())))
                .toList();
        List<CallIncidents.Item> incidents = new ArrayList<>();
        for (Instance instance : instances) {
            if (instance.running()) {
                systemAccess.run(() -> runtimeService.createIncidentQuery().processInstanceId(instance.processInstanceId()).list())
                        .forEach(i -> incidents.add(new CallIncidents.Item(i.getId(), i.getIncidentType(), i.getIncidentMessage(),
                                i.getActivityId(), i.getIncidentTimestamp().toInstant(), reference, summary.incubatorSlug(),
                                i.getProcessInstanceId(), EngineLinks.processInstance(i.getProcessInstanceId()))));
            }
        }
        return new Dossier(summary, timeline, reviews(id, scope), mails(reference), documents.of(id, reference), instances, tasks, incidents);
    }

    private java.util.Optional<Summary> summary(String reference) {
        return jdbc.sql("""
                select a.reference, a.call_id, c.title as call_title, a.status, a.organisation_name, a.project_title,
                       a.contact_first_name, a.contact_last_name, a.contact_email, a.departement, a.territory, a.incubator_slug,
                       a.submitted_at, s.weighted_score, s.disagreement, d.decision, d.waitlist_rank, l.status as support_status,
                       l.coach_id
                from application a join programme_call c on c.id = a.call_id
                     left join application_score s on s.application_id = a.id
                     left join jury_decision d on d.application_id = a.id
                     left join laureate_support l on l.application_id = a.id
                where a.reference = ?""")
                .param(reference)
                .query((rs, n) -> new Summary(rs.getString("reference"), rs.getString("call_id"), rs.getString("call_title"),
                        rs.getString("status"), ApplicationStatus.valueOf(rs.getString("status")).label(),
                        rs.getString("organisation_name"), rs.getString("project_title"),
                        rs.getString("contact_first_name") + " " + rs.getString("contact_last_name"), rs.getString("contact_email"),
                        rs.getString("departement"), rs.getString("territory"), rs.getString("incubator_slug"),
                        instant(rs.getObject("submitted_at", OffsetDateTime.class)), rs.getBigDecimal("weighted_score"),
                        rs.getBoolean("disagreement"), rs.getString("decision"), (Integer) rs.getObject("waitlist_rank", Integer.class),
                        rs.getString("support_status"), rs.getString("coach_id")))
                .optional();
    }

    private List<Event> applicantSteps(long id) {
        return jdbc.sql("select status, occurred_at, public_note from application_event where application_id = ? order by occurred_at, id")
                .param(id)
                .query((rs, n) -> new Event(instant(rs.getObject(2, OffsetDateTime.class)), "candidature",
                        ApplicationStatus.valueOf(rs.getString(1)).label(), rs.getString(3)))
                .list();
    }

    private List<Event> engineHistory(List<HistoricProcessInstance> processes) {
        List<Event> events = new ArrayList<>();
        for (HistoricProcessInstance process : processes) {
            List<HistoricActivityInstance> activities = systemAccess.run(() -> historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(process.getId()).orderByHistoricActivityInstanceStartTime().asc().listPage(0, HISTORY_LIMIT));
            for (HistoricActivityInstance activity : activities) {
                if (!SHOWN_ACTIVITIES.contains(activity.getActivityType()) || activity.getActivityName() == null) {
                    continue;
                }
                String detail = activity.getActivityType().equals("userTask")
                        ? (activity.getEndTime() == null ? "tâche ouverte" : "tâche terminée")
                                + (activity.getAssignee() == null ? "" : " (" + activity.getAssignee() + ")")
                        : null;
                events.add(new Event(activity.getStartTime().toInstant(), process.getProcessDefinitionKey(),
                        activity.getActivityName(), detail));
            }
        }
        return events;
    }

    private List<Review> reviews(long id, DashboardScope scope) {
        return jdbc.sql("""
                select reviewer_id, kind, status, assigned_at, completed_at, overall_score, recommendation, review_comment
                from review where application_id = ? order by id""")
                .param(id)
                .query((rs, n) -> {
                    // Incubator staff do not learn who the other incubators' (cross) reviewers are.
                    boolean named = scope.coordinator() || !"CROSS".equals(rs.getString("kind"));
                    return new Review(named ? rs.getString("reviewer_id") : null, rs.getString("kind"), rs.getString("status"),
                            instant(rs.getObject("assigned_at", OffsetDateTime.class)),
                            instant(rs.getObject("completed_at", OffsetDateTime.class)), rs.getBigDecimal("overall_score"),
                            rs.getString("recommendation"), rs.getString("review_comment"));
                })
                .list();
    }

    private List<Mail> mails(String reference) {
        return jdbc.sql("""
                select created_at, recipient, subject, status, sent_at from mail_outbox
                where application_ref = ? order by created_at, id""")
                .param(reference)
                .query((rs, n) -> new Mail(instant(rs.getObject(1, OffsetDateTime.class)), rs.getString(2), rs.getString(3),
                        rs.getString(4), instant(rs.getObject(5, OffsetDateTime.class))))
                .list();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
