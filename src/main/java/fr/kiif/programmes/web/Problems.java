package fr.kiif.programmes.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The JSON error shape of every API of the application: French title and detail, and field errors on a 400. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A 400 listing the invalid fields ({@code errors} may be empty, the property is always there). */
    public static ProblemDetail badRequest(String title, String detail, List<?> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, title, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
