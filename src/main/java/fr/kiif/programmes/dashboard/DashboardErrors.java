package fr.kiif.programmes.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.web.Problems;

/** French errors of the dashboard: error pages for the pages, problem details for the JSON API. */
public final class DashboardErrors {

    private DashboardErrors() {
    }

    @ControllerAdvice(assignableTypes = {DashboardPagesController.class, ApplicationDocumentsController.class})
    public static class Pages {

        @ExceptionHandler(DashboardException.class)
        ModelAndView problem(DashboardException e) {
            String view = switch (e.status()) {
                case FORBIDDEN -> "error/403";
                case NOT_FOUND -> "error/404";
                default -> "pilotage/erreur";
            };
            ModelAndView page = new ModelAndView(view, e.status());
            page.addObject("detail", e.getMessage());
            return page;
        }
    }

    @RestControllerAdvice(assignableTypes = DashboardApiController.class)
    public static class Api {

        @ExceptionHandler(DashboardException.class)
        ProblemDetail problem(DashboardException e) {
            String title = switch (e.status()) {
                case FORBIDDEN -> "Accès refusé";
                case NOT_FOUND -> "Introuvable";
                default -> "Requête invalide";
            };
            return Problems.of(e.status() == null ? HttpStatus.BAD_REQUEST : e.status(), title, e.getMessage());
        }
    }
}
