package fr.kiif.programmes.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Too-large uploads. Multipart parsing fails before a controller is chosen, so scoped advices never
 * see it: this global one answers JSON under /api/ and the French page elsewhere.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class UploadTooLargeHandler {

    public static final String TITLE = "Le fichier dépasse 10 Mo";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public Object tooLarge(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Map.of("status", 413, "title", TITLE));
        }
        return page();
    }

    /** The French 413 page, also used by the scoped advice of the public pages. */
    public static ModelAndView page() {
        ModelAndView page = new ModelAndView("error/413");
        page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return page;
    }
}
