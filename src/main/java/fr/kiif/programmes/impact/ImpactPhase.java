package fr.kiif.programmes.impact;

/** When an indicator is measured: at entry, mid-way (if the set asks for it) and at the end of the support. */
public enum ImpactPhase {
    BASELINE("Mesure à l'entrée"),
    MIDTERM("Mesure à mi-parcours"),
    FINAL("Mesure finale");

    private final String label;

    ImpactPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
