package fr.kiif.programmes.application;

/** How far the project has gone. */
public enum Stage {
    IDEA("Idée"),
    LAUNCH("Lancement"),
    GROWTH("Développement"),
    SCALING("Changement d'échelle");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
