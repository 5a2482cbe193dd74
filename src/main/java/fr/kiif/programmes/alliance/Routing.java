package fr.kiif.programmes.alliance;

/** Where an application goes: its territory, the incubator covering it and that incubator's group. */
public record Routing(String territory, String incubatorSlug, String incubatorGroup) {

    public static final String NOT_COVERED = "hors-territoire";

    public boolean covered() {
        return incubatorSlug != null && !NOT_COVERED.equals(territory);
    }
}
