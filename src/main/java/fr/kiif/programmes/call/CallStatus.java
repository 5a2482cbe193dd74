package fr.kiif.programmes.call;

/** Where a call stands in its own process (programme-call). */
public enum CallStatus {
    DRAFT("Brouillon"),
    PUBLISHED("Publié"),
    OPEN("Ouvert"),
    SELECTION("Sélection en cours"),
    JURY("Jury"),
    DECIDED("Décisions envoyées"),
    SUPPORT("Accompagnement"),
    CLOSED("Clos");

    private final String label;

    CallStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
