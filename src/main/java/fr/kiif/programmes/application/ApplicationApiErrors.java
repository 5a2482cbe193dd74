package fr.kiif.programmes.application;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.kiif.programmes.call.CallApiController;
import fr.kiif.programmes.web.Problems;

/** JSON errors of the public API, with French field messages; nothing is stored on error. */
@RestControllerAdvice(assignableTypes = {ApplicationApiController.class, CallApiController.class})
public class ApplicationApiErrors {

    /** One invalid field. */
    public record FieldError(String field, String message) {
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return badRequest(errors);
    }

    @ExceptionHandler(InvalidSubmissionException.class)
    ProblemDetail invalid(InvalidSubmissionException e) {
        return badRequest(e.fieldErrors().entrySet().stream()
                .map(entry -> new FieldError(entry.getKey(), entry.getValue())).toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return Problems.badRequest("Requête illisible", "Le corps de la requête n'est pas un JSON valide ou contient une valeur "
                + "inconnue (vérifiez les listes de valeurs : formes juridiques, stades).", List.of());
    }

    @ExceptionHandler(CallNotOpenException.class)
    ProblemDetail notOpen(CallNotOpenException e) {
        return Problems.of(HttpStatus.CONFLICT, "Appel fermé", "Cet appel n'accepte pas de candidatures en ce moment.");
    }

    @ExceptionHandler(UnknownCallException.class)
    ProblemDetail unknown(UnknownCallException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Appel inconnu", "Cet appel n'existe pas.");
    }

    private static ProblemDetail badRequest(List<FieldError> errors) {
        return Problems.badRequest("Candidature invalide", "La candidature contient des erreurs : corrigez les champs indiqués.",
                errors);
    }

}
