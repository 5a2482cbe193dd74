package fr.kiif.programmes.coordination;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** JSON errors of the programmes API, in French, same shape as the calls API's. */
@RestControllerAdvice(assignableTypes = ProgrammeApiController.class)
public class ProgrammeApiErrors {

    @ExceptionHandler(InvalidProgrammeException.class)
    ProblemDetail invalid(InvalidProgrammeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Le programme contient des erreurs : corrigez les champs indiqués.");
        problem.setTitle("Programme invalide");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Le corps de la requête n'est pas un JSON valide.");
        problem.setTitle("Requête illisible");
        problem.setProperty("errors", List.of());
        return problem;
    }

    @ExceptionHandler(NotCoordinatorException.class)
    ProblemDetail forbidden(NotCoordinatorException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Cette API est réservée à la coordination nationale (groupes kiif-coordination ou camunda-admin).");
        problem.setTitle("Accès refusé");
        return problem;
    }

    @ExceptionHandler(CallConflictException.class)
    ProblemDetail conflict(CallConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(e.title());
        return problem;
    }

    @ExceptionHandler(UnknownProgrammeException.class)
    ProblemDetail unknown(UnknownProgrammeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Ce programme n'existe pas.");
        problem.setTitle("Programme inconnu");
        return problem;
    }
}
