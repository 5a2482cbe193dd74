package fr.kiif.programmes.audit;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jakarta.servlet.http.HttpServletRequest;

/** Table audit_trail: appends one row per staff action. Rows are never changed. */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of a request (client address from the request). */
    public void record(String actor, AuditAction action, String target, HttpServletRequest request) {
        record(actor, action, target, request == null ? null : request.getRemoteAddr());
    }

    /** Records an action; clientAddress is null for work without a request (scheduled runs, engine steps). */
    public void record(String actor, AuditAction action, String target, String clientAddress) {
        jdbc.sql("""
                        insert into audit_trail (occurred_at, actor, action, target, client_address)
                        values (?, ?, ?, ?, ?)""")
                .params(clock.instant().atOffset(ZoneOffset.UTC), truncate(actor, 128), action.name(),
                        truncate(target, 300), truncate(clientAddress, 64))
                .update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
