package fr.kiif.programmes.impact;

/** The three levels of the framework: the people, their project, their territory. One questionnaire page each. */
public enum IndicatorLevel {
    ENTREPRENEUR("La personne qui porte le projet"),
    PROJECT("Le projet"),
    TERRITORY("Le territoire");

    private final String label;

    IndicatorLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
