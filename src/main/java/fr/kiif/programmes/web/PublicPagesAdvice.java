package fr.kiif.programmes.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.application.ApplicationPagesController;
import fr.kiif.programmes.application.CallNotOpenException;
import fr.kiif.programmes.application.CompletionClosedException;
import fr.kiif.programmes.application.InvalidLinkException;
import fr.kiif.programmes.application.TrackingController;
import fr.kiif.programmes.application.UnknownCallException;
import fr.kiif.programmes.call.CallPagesController;
import fr.kiif.programmes.cohort.NotInSupportException;
import fr.kiif.programmes.cohort.WithdrawalPagesController;

/** French error pages for the public HTML pages only; the JSON API has its own advice. */
@ControllerAdvice(assignableTypes = {CallPagesController.class, ApplicationPagesController.class, TrackingController.class,
        WithdrawalPagesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class PublicPagesAdvice {

    @ExceptionHandler(UnknownCallException.class)
    public ModelAndView unknownCall() {
        return page("error/404", HttpStatus.NOT_FOUND, "Cet appel à candidatures n'existe pas ou n'est plus en ligne.");
    }

    @ExceptionHandler(InvalidLinkException.class)
    public ModelAndView invalidLink() {
        return page("error/404", HttpStatus.NOT_FOUND, "Ce lien n'est pas valide ou a expiré.");
    }

    @ExceptionHandler(CallNotOpenException.class)
    public ModelAndView callNotOpen() {
        return page("error/409", HttpStatus.CONFLICT,
                "Cet appel à candidatures n'est pas ouvert en ce moment : il n'est pas possible d'y candidater.");
    }

    @ExceptionHandler(CompletionClosedException.class)
    public ModelAndView completionClosed() {
        return page("error/409", HttpStatus.CONFLICT,
                "Cette demande de complément est close : elle a déjà reçu une réponse ou son délai est dépassé.");
    }

    @ExceptionHandler(NotInSupportException.class)
    public ModelAndView notInSupport(NotInSupportException e) {
        return page("error/409", HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ModelAndView tooLarge() {
        return UploadTooLargeHandler.page();
    }

    private static ModelAndView page(String view, HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        page.addObject("detail", detail);
        return page;
    }
}
