package fr.kiif.programmes.impact.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.coordination.CoordinatorAccess;

/**
 * The call report's PDF and open-data CSV. Coordinators download both at any time (/coordination/*: HTTP
 * Basic); the open data is public once the coordination has validated the report, from the frozen snapshot.
 */
@RestController
public class ImpactReportDownloadsController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CoordinatorAccess coordinators;
    private final ImpactReportService reports;
    private final ImpactReportPdf pdf;
    private final ImpactOpenData openData;
    private final CallRepository calls;
    private final Clock clock;

    public ImpactReportDownloadsController(CoordinatorAccess coordinators, ImpactReportService reports, ImpactReportPdf pdf,
            ImpactOpenData openData, CallRepository calls, Clock clock) {
        this.coordinators = coordinators;
        this.reports = reports;
        this.pdf = pdf;
        this.openData = openData;
        this.calls = calls;
        this.clock = clock;
    }

    @GetMapping("/coordination/appels/{callId}/impact/rapport.pdf")
    public ResponseEntity<?> pdf(@PathVariable String callId) {
        if (coordinators.currentCoordinator().isEmpty()) {
            return text(HttpStatus.FORBIDDEN, "Accès réservé à la coordination nationale.");
        }
        Optional<ProgrammeCall> call = calls.findById(callId);
        if (call.isEmpty()) {
            return text(HttpStatus.NOT_FOUND, "Cet appel n'existe pas.");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("rapport-impact-" + callId + ".pdf"))
                .body(pdf.render(call.get(), reports.report(callId, clock.instant())));
    }

    @GetMapping("/coordination/appels/{callId}/impact/donnees-ouvertes.csv")
    public ResponseEntity<?> coordinationCsv(@PathVariable String callId) {
        if (coordinators.currentCoordinator().isEmpty()) {
            return text(HttpStatus.FORBIDDEN, "Accès réservé à la coordination nationale.");
        }
        Optional<ProgrammeCall> call = calls.findById(callId);
        if (call.isEmpty()) {
            return text(HttpStatus.NOT_FOUND, "Cet appel n'existe pas.");
        }
        return csv(callId, openData.csv(call.get(), reports.report(callId, clock.instant()).snapshot()));
    }

    /** Public: only the validated report's snapshot. */
    @GetMapping("/donnees-ouvertes/impact/{callId}.csv")
    public ResponseEntity<?> publicCsv(@PathVariable String callId) {
        Optional<ProgrammeCall> call = calls.findById(callId);
        Optional<ImpactReportRepository.StoredRow> stored = reports.stored(callId).filter(ImpactReportRepository.StoredRow::validated);
        if (call.isEmpty() || stored.isEmpty()) {
            return text(HttpStatus.NOT_FOUND, "Pas de données ouvertes pour cet appel : son rapport d'impact n'est pas encore validé.");
        }
        return csv(callId, openData.csv(call.get(), ImpactReportService.read(stored.get().figures())));
    }

    private static ResponseEntity<?> csv(String callId, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("impact-" + callId + ".csv"))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }

    private static ResponseEntity<?> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(TEXT).body(body);
    }
}
