package fr.kiif.programmes.alliance;

/** A French département: its code as written on addresses ("01", "2A", "974"), name and region. */
public record Departement(String code, String name, String region) {
}
