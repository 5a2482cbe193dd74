package fr.kiif.programmes.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The call's open human tasks past their due date: counts per incubator, person and review place from one
 * grouped query, and the most overdue ones listed with their Tasklist link.
 *
 * <p>These two queries read the engine's runtime tables (ACT_RU_TASK, ACT_RU_EXECUTION) directly, joined to the
 * application table: the engine's task query cannot group, and loading thousands of tasks to count them missed the
 * overview's speed target. The tables are the same in Camunda 7 and Operaton. A task belongs to the call by its
 * process's business key: an application's reference (application, cohort-support, impact-evaluation) or the
 * call's id (programme-call).
 */
@Service
public class OverdueTasks {

    static final int LISTED = 30;
    static final String REVIEW_TASK = "UserTask_ReviewApplication";
    static final String UNASSIGNED = "(non attribuée)";
    static final String COORDINATION = "coordination";

    private static final String FROM = """
             from ACT_RU_TASK t
             join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
             left join application a on a.reference = e.BUSINESS_KEY_ and a.call_id = :callId
            where t.DUE_DATE_ < :now and t.SUSPENSION_STATE_ = 1
              and (a.id is not null or e.BUSINESS_KEY_ = :callId)
            """;

    /** One overdue task; reference null for a task of the call itself (jury preparation, deliberation...). */
    public record Item(String taskId, String name, String activityId, String reference, String incubatorSlug,
            String territory, String assignee, Instant due, String processInstanceId, String tasklistUrl, String cockpitUrl) {
    }

    /**
     * Overdue tasks in scope: the most overdue ones ({@link #LISTED} at most), and complete counts per incubator,
     * per person, and of late reviews per incubator × territory and per reviewer.
     */
    public record Overdue(List<Item> tasks, long total, Map<String, Long> byIncubator, Map<String, Long> byPerson,
            Map<String, Long> lateReviewsByPlace, Map<String, Long> lateReviewsByReviewer) {

        public boolean truncated() {
            return total > tasks.size();
        }

        /** Late reviews of an incubator and/or territory (null: any). */
        long lateReviews(String incubatorSlug, String territory) {
            return lateReviewsByPlace.entrySet().stream().filter(e -> {
                String[] place = e.getKey().split("\\|", -1);
                return (incubatorSlug == null || incubatorSlug.equals(place[0]))
                        && (territory == null || territory.equals(place[1]));
            }).mapToLong(Map.Entry::getValue).sum();
        }

        long lateReviewsOf(String reviewer) {
            return lateReviewsByReviewer.getOrDefault(reviewer, 0L);
        }
    }

    private final JdbcClient jdbc;

    public OverdueTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Overdue of(String callId, DashboardScope scope, Instant now) {
        // Tasks of the call itself have no application: only a view of everything shows them.
        String inScope = scope.all() ? "" : " and a.id is not null" + scope.where("a");
        Map<String, Long> byIncubator = new TreeMap<>();
        Map<String, Long> byPerson = new TreeMap<>();
        Map<String, Long> byPlace = new HashMap<>();
        Map<String, Long> byReviewer = new HashMap<>();
        long[] total = {0};
        scope.bind(jdbc.sql("select a.incubator_slug, a.territory, t.ASSIGNEE_, t.TASK_DEF_KEY_, count(*)" + FROM + inScope
                + " group by a.incubator_slug, a.territory, t.ASSIGNEE_, t.TASK_DEF_KEY_"))
                .param("callId", callId).param("now", Timestamp.from(now))
                .query(rs -> {
                    String incubator = rs.getString(1);
                    String territory = rs.getString(2);
                    String assignee = rs.getString(3);
                    long count = rs.getLong(5);
                    total[0] += count;
                    byIncubator.merge(incubator == null ? COORDINATION : incubator, count, Long::sum);
                    byPerson.merge(assignee == null ? UNASSIGNED : assignee, count, Long::sum);
                    if (REVIEW_TASK.equals(rs.getString(4))) {
                        byPlace.merge(nullToEmpty(incubator) + "|" + nullToEmpty(territory), count, Long::sum);
                        if (assignee != null) {
                            byReviewer.merge(assignee, count, Long::sum);
                        }
                    }
                });
        List<Item> listed = scope.bind(jdbc.sql("""
                select t.ID_, t.NAME_, t.TASK_DEF_KEY_, a.reference, a.incubator_slug, a.territory, t.ASSIGNEE_, t.DUE_DATE_,
                       t.PROC_INST_ID_""" + FROM + inScope + " order by t.DUE_DATE_ asc, t.ID_ fetch first " + LISTED + " rows only"))
                .param("callId", callId).param("now", Timestamp.from(now))
                .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                        EngineLinks.task(rs.getString(1)), EngineLinks.processInstance(rs.getString(9))))
                .list();
        return new Overdue(listed, total[0], byIncubator, byPerson, byPlace, byReviewer);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
