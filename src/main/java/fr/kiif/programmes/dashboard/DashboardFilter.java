package fr.kiif.programmes.dashboard;

/**
 * The dashboard's filters, from the query parameters {@code incubateur} and {@code territoire}: an incubator
 * slug and a territory id, each null when not filtered. Shared by the overview and the exports ("as on screen").
 */
public record DashboardFilter(String incubator, String territory) {

    public DashboardFilter {
        incubator = blankToNull(incubator);
        territory = blankToNull(territory);
    }

    public static DashboardFilter none() {
        return new DashboardFilter(null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
