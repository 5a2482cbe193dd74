package fr.kiif.programmes.notification;

/** Life of an outbox row; {@link #label()} is what coordinators read. */
public enum MailStatus {
    PENDING("En attente d'envoi"),
    SENT("Envoyé"),
    FAILED("Échec");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
