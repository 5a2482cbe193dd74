package fr.kiif.programmes.coordination;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.kiif.programmes.application.UnknownCallException;

/** JSON errors of the coordination API, in French, same shape as the public API's. */
@RestControllerAdvice(assignableTypes = CoordinationCallApiController.class)
public class CoordinationApiErrors {

    @ExceptionHandler(InvalidCallConfigurationException.class)
    ProblemDetail invalid(InvalidCallConfigurationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "La configuration de l'appel contient des erreurs : corrigez les champs indiqués.");
        problem.setTitle("Configuration invalide");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Le corps de la requête n'est pas un JSON valide, ou une valeur n'a pas le bon type "
                        + "(nombres entiers pour les quotas, les poids et les effectifs ; true ou false pour blindReview et publish).");
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

    @ExceptionHandler(UnknownCallException.class)
    ProblemDetail unknown(UnknownCallException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Cet appel n'existe pas.");
        problem.setTitle("Appel inconnu");
        return problem;
    }
}
