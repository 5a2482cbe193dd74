package fr.kiif.programmes.dashboard.export;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.cohort.IncubatorStaffAccess;

/** "/pilotage/exports": the latest exports (who, when, what, filters, rows), for coordinators only. */
@Controller
public class ExportLogController {

    static final int MAX_ROWS = 500;

    private final IncubatorStaffAccess access;
    private final ExportLog log;
    private final ExportLabels labels;

    ExportLogController(IncubatorStaffAccess access, ExportLog log, ExportLabels labels) {
        this.access = access;
        this.log = log;
        this.labels = labels;
    }

    @GetMapping("/pilotage/exports")
    public ModelAndView page() {
        if (access.current().filter(IncubatorStaffAccess.Staff::coordinator).isEmpty()) {
            ModelAndView page = new ModelAndView("error/403", HttpStatus.FORBIDDEN);
            page.addObject("detail", "Le journal des exports est réservé à la coordination du Kiif.");
            return page;
        }
        ModelAndView page = new ModelAndView("pilotage/exports");
        page.addObject("entries", log.latest(MAX_ROWS).stream().map(this::row).toList());
        page.addObject("maxRows", MAX_ROWS);
        return page;
    }

    /** One line of the page, in French. */
    public record Row(java.time.Instant exportedAt, String userId, String callId, String export, String format,
            String filters, String scope, int rowCount) {
    }

    private Row row(ExportLog.Entry e) {
        String export = ExportKind.fromSlug(e.kind()).map(ExportKind::title).orElse(e.kind());
        StringBuilder filters = new StringBuilder();
        if (e.incubatorFilter() != null) {
            filters.append("Incubateur : ").append(labels.incubator(e.incubatorFilter()));
        }
        if (e.territoryFilter() != null) {
            filters.append(filters.isEmpty() ? "" : " ; ").append("Territoire : ").append(labels.territory(e.territoryFilter()));
        }
        String scope = e.restrictedTo() == null ? "Tous les dossiers"
                : String.join(", ", java.util.Arrays.stream(e.restrictedTo().split(",")).map(labels::incubator).toList());
        return new Row(e.exportedAt(), e.userId(), e.callId(), export, e.format().toUpperCase(java.util.Locale.ROOT),
                filters.isEmpty() ? "Aucun" : filters.toString(), scope, e.rowCount());
    }
}
