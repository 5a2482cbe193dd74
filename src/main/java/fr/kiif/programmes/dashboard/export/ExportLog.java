package fr.kiif.programmes.dashboard.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import fr.kiif.programmes.dashboard.DashboardFilter;

/** Table export_log: one row per export served, for the coordination's audit page. */
@Repository
public class ExportLog {

    /** One export served. restrictedTo: the incubators the rows were limited to, null when all rows. */
    public record Entry(long id, String userId, Instant exportedAt, String callId, String kind, String format,
            String incubatorFilter, String territoryFilter, String restrictedTo, int rowCount) {
    }

    private final JdbcClient jdbc;

    public ExportLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String userId, Instant at, String callId, ExportKind kind, ExportFormat format, DashboardFilter filter,
            Set<String> restrictedTo, int rowCount) {
        jdbc.sql("""
                        insert into export_log (user_id, exported_at, call_id, export_kind, export_format, incubator_filter,
                            territory_filter, restricted_to, row_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, at.atOffset(ZoneOffset.UTC), callId, kind.slug(), format.extension(), filter.incubator(),
                        filter.territory(), restrictedTo == null ? null : String.join(",", restrictedTo), rowCount)
                .update();
    }

    /** The latest exports, newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.sql("select * from export_log order by exported_at desc, id desc fetch first " + limit + " rows only")
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getString("user_id"),
                        ExportLabels.instant(rs, "exported_at"), rs.getString("call_id"), rs.getString("export_kind"),
                        rs.getString("export_format"), rs.getString("incubator_filter"), rs.getString("territory_filter"),
                        rs.getString("restricted_to"), rs.getInt("row_count")))
                .list();
    }
}
