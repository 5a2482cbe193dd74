package fr.kiif.programmes.dashboard;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** An application's documents: the list (linked from the dossier and the Tasklist forms) and each file. */
@Controller
public class ApplicationDocumentsController {

    private final ApplicationDocuments documents;

    public ApplicationDocumentsController(ApplicationDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/pilotage/candidatures/{reference}/documents")
    public ModelAndView list(@PathVariable String reference) {
        return new ModelAndView("pilotage/documents").addObject("l", documents.listing(reference));
    }

    /** Sent as an attachment: the file comes from the public, the browser must not open it inside our pages. */
    @GetMapping("/pilotage/candidatures/{reference}/documents/{documentId}")
    public ResponseEntity<byte[]> file(@PathVariable String reference, @PathVariable long documentId) {
        ApplicationDocuments.DocumentFile file = documents.file(reference, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }
}
