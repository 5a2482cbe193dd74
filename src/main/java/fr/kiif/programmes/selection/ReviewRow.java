package fr.kiif.programmes.selection;

/** One review slot of an application, as read for the jury, its preparation and the minutes. */
public record ReviewRow(
        long applicationId,
        String reviewerId,
        String kind,
        String status,
        boolean completed,
        String recommendation,
        String comment,
        String recusalReason) {

    public static final String RECUSED = "RECUSED";

    public boolean recused() {
        return RECUSED.equals(status);
    }

    /** Assigned and neither done nor recused. */
    public boolean open() {
        return !completed && !recused();
    }
}
