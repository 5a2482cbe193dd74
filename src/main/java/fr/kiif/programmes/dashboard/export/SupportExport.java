package fr.kiif.programmes.dashboard.export;

import static fr.kiif.programmes.dashboard.export.ExportLabels.instant;
import static fr.kiif.programmes.dashboard.export.ExportLabels.integer;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.dashboard.CodeLabels;

/**
 * One row per laureate of the call: coach, status, dates and the same figures as cohort/SupportRecords
 * (hours of done check-ins plus hours of collective events attended, last risk level of a done check-in),
 * computed by the database in one query instead of loading every check-in.
 */
@Component
class SupportExport extends SqlCallExport {

    static final List<String> HEADERS = List.of("Référence", "Incubateur", "Territoire", "Structure", "Projet", "Coach",
            "Statut de l'accompagnement", "Début", "Date de lancement", "Heures prévues", "Points d'étape faits",
            "Heures des points d'étape", "Événements collectifs suivis", "Heures des événements", "Heures au total",
            "Dernier niveau de risque", "Prochain point d'étape", "Fin", "Fin à l'initiative de", "Motif de fin");


    SupportExport(JdbcClient jdbc, ExportLabels labels) {
        super(jdbc, labels, ExportKind.ACCOMPAGNEMENT, HEADERS);
    }



    @Override
    String select() {
        return """
                        select a.reference, a.incubator_slug, a.territory, a.organisation_name, a.project_title, s.coach_id,
                               s.status, s.started_at, s.kickoff_date, s.expected_hours, s.next_check_in_at, s.ended_at,
                               s.ended_by, s.end_reason,
                               (select count(*) from check_in c
                                 where c.application_id = s.application_id and c.done_at is not null) as check_ins,
                               (select coalesce(sum(c.support_hours), 0) from check_in c
                                 where c.application_id = s.application_id and c.done_at is not null) as check_in_hours,
                               (select count(*) from cohort_event_attendance t join cohort_event e on e.id = t.event_id
                                 where t.application_id = s.application_id and e.call_id = s.call_id) as events,
                               (select coalesce(sum(e.duration_hours), 0) from cohort_event_attendance t
                                 join cohort_event e on e.id = t.event_id
                                 where t.application_id = s.application_id and e.call_id = s.call_id) as event_hours,
                               (select c.risk_level from check_in c
                                 where c.application_id = s.application_id and c.done_at is not null and c.risk_level is not null
                                 order by c.done_at desc, c.id desc fetch first 1 rows only) as last_risk
                        from laureate_support s join application a on a.id = s.application_id
                        where a.call_id = :callId""";
    }

    @Override
    List<Object> row(ResultSet rs, ExportScope scope) throws SQLException {
        BigDecimal checkInHours = rs.getBigDecimal("check_in_hours");
        BigDecimal eventHours = rs.getBigDecimal("event_hours");
        Date kickoff = rs.getDate("kickoff_date");
        return Arrays.asList(rs.getString("reference"), labels.incubator(rs.getString("incubator_slug")),
                labels.territory(rs.getString("territory")), rs.getString("organisation_name"),
                rs.getString("project_title"), rs.getString("coach_id"),
                CodeLabels.supportStatus(rs.getString("status")), instant(rs, "started_at"),
                kickoff == null ? null : kickoff.toLocalDate(), integer(rs, "expected_hours"),
                rs.getInt("check_ins"), hours(checkInHours), rs.getInt("events"), hours(eventHours),
                hours(checkInHours.add(eventHours)), CodeLabels.risk(rs.getString("last_risk")),
                instant(rs, "next_check_in_at"), instant(rs, "ended_at"),
                CodeLabels.endedBy(rs.getString("ended_by")), rs.getString("end_reason"));
    }

    private static BigDecimal hours(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
