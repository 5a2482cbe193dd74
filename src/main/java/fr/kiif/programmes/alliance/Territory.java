package fr.kiif.programmes.alliance;

import java.util.List;

/** A territory of a member incubator and the codes of the départements it covers. */
public record Territory(String id, String name, String incubatorSlug, List<String> departements) {

    public Territory {
        departements = List.copyOf(departements);
    }
}
