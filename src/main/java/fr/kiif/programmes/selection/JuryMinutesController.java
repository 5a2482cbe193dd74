package fr.kiif.programmes.selection;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.kiif.programmes.coordination.CoordinatorAccess;

/**
 * Download of a call's jury minutes for coordinators. The engine authentication filter has already
 * required HTTP Basic on /coordination/*; this checks the group.
 */
@RestController
public class JuryMinutesController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final SelectionRepository selection;
    private final CoordinatorAccess coordinators;

    public JuryMinutesController(SelectionRepository selection, CoordinatorAccess coordinators) {
        this.selection = selection;
        this.coordinators = coordinators;
    }

    @GetMapping("/coordination/appels/{callId}/proces-verbal.pdf")
    public ResponseEntity<?> minutes(@PathVariable String callId) {
        if (coordinators.currentCoordinator().isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(TEXT)
                    .body("Accès réservé à la coordination nationale.");
        }
        return selection.minutes(callId)
                .<ResponseEntity<?>>map(pdf -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("proces-verbal-" + callId + ".pdf").build().toString())
                        .body(pdf))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(TEXT)
                        .body("Pas encore de procès-verbal pour cet appel : le jury n'a pas encore délibéré."));
    }
}
