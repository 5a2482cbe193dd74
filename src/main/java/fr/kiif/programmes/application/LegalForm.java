package fr.kiif.programmes.application;

/** Legal form of the applying organisation. */
public enum LegalForm {
    ASSOCIATION("Association"),
    SCIC("SCIC (société coopérative d'intérêt collectif)"),
    SCOP("SCOP (société coopérative et participative)"),
    SAS_ESUS("SAS agréée ESUS"),
    OTHER_COMPANY("Autre société"),
    NOT_INCORPORATED("Structure pas encore créée");

    private final String label;

    LegalForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
