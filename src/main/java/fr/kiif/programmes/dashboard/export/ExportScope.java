package fr.kiif.programmes.dashboard.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows one caller may export from a call, already checked against their access: the incubators
 * (null = every row, coordinators only, including applications not routed yet), an optional territory,
 * and whether cross reviewers' ids are hidden (incubator staff on a blind-review call).
 */
record ExportScope(String callId, Set<String> incubators, String territory, boolean hideCrossReviewers) {

    /** SQL conditions on the application (alias {@code a}), appended after {@code where a.call_id = :callId}. */
    String conditions() {
        StringBuilder sql = new StringBuilder();
        if (incubators != null) {
            sql.append(" and a.incubator_slug in (:incubators)");
        }
        if (territory != null) {
            sql.append(" and a.territory = :territory");
        }
        return sql.toString();
    }

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("callId", callId);
        if (incubators != null) {
            parameters.put("incubators", List.copyOf(incubators));
        }
        if (territory != null) {
            parameters.put("territory", territory);
        }
        return parameters;
    }
}
