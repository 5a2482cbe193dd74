package fr.kiif.programmes.selection;

/** The jury's decision on one application; {@code waitlistRank} only for WAITLISTED. */
public record JuryDecision(String applicationRef, Decision decision, Integer waitlistRank, String rationale) {

    /** What the jury may decide. */
    public enum Decision {
        SELECTED("Sélectionnée"),
        WAITLISTED("Liste d'attente"),
        REJECTED("Non retenue");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
