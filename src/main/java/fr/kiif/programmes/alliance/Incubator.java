package fr.kiif.programmes.alliance;

/** A member incubator of the alliance; its staff form the Camunda group {@code incubator-<slug>}. */
public record Incubator(String slug, String name, String region) {

    public static final String GROUP_PREFIX = "incubator-";

    public String candidateGroup() {
        return GROUP_PREFIX + slug;
    }
}
