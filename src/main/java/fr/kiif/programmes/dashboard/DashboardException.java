package fr.kiif.programmes.dashboard;

import org.springframework.http.HttpStatus;

/** A dashboard request that cannot be answered: forbidden, unknown call or application, bad filter (French message). */
public class DashboardException extends RuntimeException {

    private final HttpStatus status;

    public DashboardException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    static DashboardException forbidden(String message) {
        return new DashboardException(HttpStatus.FORBIDDEN, message);
    }

    static DashboardException notFound(String message) {
        return new DashboardException(HttpStatus.NOT_FOUND, message);
    }
}
