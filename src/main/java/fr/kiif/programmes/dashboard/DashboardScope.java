package fr.kiif.programmes.dashboard;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which rows the caller sees once their rights and the filter are combined: every incubator (coordinators
 * without filter, applications routed to no incubator included) or a set of incubator slugs, and maybe one
 * territory. Every dashboard query goes through {@link #where(String)} so no query forgets the restriction.
 *
 * @param incubators null for all rows, else the incubator slugs whose rows are shown
 */
public record DashboardScope(String userId, boolean coordinator, Set<String> incubators, String territory,
        DashboardFilter filter) {

    public boolean all() {
        return incubators == null && territory == null;
    }

    /** Whether a row of this incubator and territory is in scope (null incubator: only for the full view). */
    public boolean covers(String incubatorSlug, String territoryId) {
        boolean incubatorOk = incubators == null || (incubatorSlug != null && incubators.contains(incubatorSlug));
        boolean territoryOk = territory == null || territory.equals(territoryId);
        return incubatorOk && territoryOk;
    }

    /** Extra SQL conditions on the application alias {@code a} ("" when all rows are in scope). */
    public String where(String alias) {
        StringBuilder sql = new StringBuilder();
        if (incubators != null) {
            sql.append(incubators.isEmpty() ? " and 1 = 0" : " and " + alias + ".incubator_slug in (:scopeIncubators)");
        }
        if (territory != null) {
            sql.append(" and ").append(alias).append(".territory = :scopeTerritory");
        }
        return sql.toString();
    }

    /** Binds the parameters {@link #where(String)} uses. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        JdbcClient.StatementSpec bound = statement;
        if (incubators != null && !incubators.isEmpty()) {
            bound = bound.param("scopeIncubators", List.copyOf(incubators));
        }
        if (territory != null) {
            bound = bound.param("scopeTerritory", territory);
        }
        return bound;
    }
}
