package fr.kiif.programmes.application;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public JSON API: submitting an application, as JSON or multipart with the pitch deck. */
@RestController
@RequestMapping("/api/calls/{callId}/applications")
@Tag(name = "Candidatures", description = "Dépôt d'une candidature")
public class ApplicationApiController {

    private final ApplicationSubmissionService submissions;
    private final PdfChecker pdfChecker;

    public ApplicationApiController(ApplicationSubmissionService submissions, PdfChecker pdfChecker) {
        this.submissions = submissions;
        this.pdfChecker = pdfChecker;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Déposer une candidature (JSON)")
    @ApiResponse(responseCode = "201", description = "Candidature enregistrée")
    @ApiResponse(responseCode = "400", description = "Champs invalides (erreurs par champ, en français)")
    @ApiResponse(responseCode = "404", description = "Appel inconnu")
    @ApiResponse(responseCode = "409", description = "Appel fermé aux candidatures")
    public SubmissionResult submitJson(@PathVariable String callId,
            @Validated @RequestBody ApplicationForm form,
            @Parameter(description = "Clé rendant un nouvel essai sans effet : il renvoie le premier résultat")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return submissions.submit(callId, form, Optional.empty(), idempotencyKey);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Déposer une candidature avec son dossier de présentation (multipart)")
    @ApiResponse(responseCode = "201", description = "Candidature enregistrée")
    @ApiResponse(responseCode = "400", description = "Champs invalides ou fichier qui n'est pas un PDF")
    @ApiResponse(responseCode = "409", description = "Appel fermé aux candidatures")
    @ApiResponse(responseCode = "413", description = "Fichier de plus de 10 Mo")
    public SubmissionResult submitMultipart(@PathVariable String callId,
            @Validated @RequestPart("application") ApplicationForm form,
            @RequestPart(name = "pitchDeck", required = false) MultipartFile pitchDeck,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        submissions.openCall(callId);
        return submissions.submit(callId, form, pdfChecker.check("pitchDeck", pitchDeck), idempotencyKey);
    }
}
