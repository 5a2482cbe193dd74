package fr.kiif.programmes.selection;

import org.springframework.http.HttpStatus;

/** The jury dossiers cannot be shown: unknown call or not the call's jury (French message for the error page). */
public class JuryDossierException extends RuntimeException {

    private final HttpStatus status;

    private JuryDossierException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static JuryDossierException notFound(String message) {
        return new JuryDossierException(HttpStatus.NOT_FOUND, message);
    }

    static JuryDossierException forbidden(String message) {
        return new JuryDossierException(HttpStatus.FORBIDDEN, message);
    }

    public HttpStatus status() {
        return status;
    }
}
