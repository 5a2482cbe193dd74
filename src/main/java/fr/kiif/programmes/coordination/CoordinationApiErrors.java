package fr.kiif.programmes.coordination;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.kiif.programmes.application.UnknownCallException;
import fr.kiif.programmes.web.Problems;

/** JSON errors of the coordination API (calls and programmes), in French, same shape as the public API's. */
@RestControllerAdvice(assignableTypes = {CoordinationCallApiController.class, ProgrammeApiController.class})
public class CoordinationApiErrors {

    @ExceptionHandler(InvalidCallConfigurationException.class)
    ProblemDetail invalid(InvalidCallConfigurationException e) {
        return Problems.badRequest("Configuration invalide",
                "La configuration de l'appel contient des erreurs : corrigez les champs indiqués.", e.errors());
    }

    @ExceptionHandler(InvalidProgrammeException.class)
    ProblemDetail invalid(InvalidProgrammeException e) {
        return Problems.badRequest("Programme invalide", "Le programme contient des erreurs : corrigez les champs indiqués.",
                e.errors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return Problems.badRequest("Requête illisible", "Le corps de la requête n'est pas un JSON valide, ou une valeur n'a pas "
                + "le bon type (nombres entiers pour les quotas, les poids et les effectifs ; true ou false pour blindReview et "
                + "publish).", List.of());
    }

    @ExceptionHandler(NotCoordinatorException.class)
    ProblemDetail forbidden(NotCoordinatorException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Accès refusé",
                "Cette API est réservée à la coordination nationale (groupes kiif-coordination ou camunda-admin).");
    }

    @ExceptionHandler(CallConflictException.class)
    ProblemDetail conflict(CallConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, e.title(), e.getMessage());
    }

    @ExceptionHandler(UnknownCallException.class)
    ProblemDetail unknown(UnknownCallException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Appel inconnu", "Cet appel n'existe pas.");
    }

    @ExceptionHandler(UnknownProgrammeException.class)
    ProblemDetail unknown(UnknownProgrammeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Programme inconnu", "Ce programme n'existe pas.");
    }
}
