package fr.kiif.programmes.dashboard;

/**
 * What the coordinator narrowed the dashboard to (query params {@code incubateur}, {@code territoire}); the
 * exports use the same record so a file holds what the screen shows. Null or blank means no filter.
 *
 * @param incubator an incubator slug (e.g. {@code atis}), or null
 * @param territory a territory id (e.g. {@code gironde}), or null
 */
public record DashboardFilter(String incubator, String territory) {

    public DashboardFilter {
        incubator = incubator == null || incubator.isBlank() ? null : incubator.strip();
        territory = territory == null || territory.isBlank() ? null : territory.strip();
    }

    public static DashboardFilter none() {
        return new DashboardFilter(null, null);
    }
}
