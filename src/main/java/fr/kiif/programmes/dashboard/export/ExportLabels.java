package fr.kiif.programmes.dashboard.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.alliance.Territory;

/** Incubator and territory names and cell readers of the exports; codes are named by {@code CodeLabels}. */
@Component
class ExportLabels {

    private final AllianceReferenceData alliance;

    ExportLabels(AllianceReferenceData alliance) {
        this.alliance = alliance;
    }

    String incubator(String slug) {
        return slug == null ? null : alliance.incubator(slug).map(Incubator::name).orElse(slug);
    }

    String territory(String id) {
        return id == null ? null : alliance.territory(id).map(Territory::name).orElse(id);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
