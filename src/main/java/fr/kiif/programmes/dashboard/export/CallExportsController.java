package fr.kiif.programmes.dashboard.export;

import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.dashboard.DashboardFilter;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /pilotage/appels/{callId}/exports/{candidatures|evaluations|decisions|accompagnement}.{csv|xlsx}}, with the
 * overview's filters {@code incubateur} and {@code territoire}. Access is checked before the first byte; rows are
 * then streamed from the database to the response, and the export is logged with its row count.
 */
@Controller
public class CallExportsController {

    private final ExportAccess access;
    private final Map<ExportKind, CallExport> exports = new EnumMap<>(ExportKind.class);
    private final ExportLog log;
    private final Clock clock;

    CallExportsController(ExportAccess access, List<CallExport> exports, ExportLog log, Clock clock) {
        this.access = access;
        exports.forEach(e -> this.exports.put(e.kind(), e));
        this.log = log;
        this.clock = clock;
    }

    @GetMapping("/pilotage/appels/{callId}/exports/{file}")
    public ModelAndView export(@PathVariable String callId, @PathVariable String file,
            @RequestParam(name = "incubateur", required = false) String incubator,
            @RequestParam(name = "territoire", required = false) String territory,
            HttpServletResponse response) throws IOException {
        int dot = file.lastIndexOf('.');
        Optional<ExportKind> kind = dot < 0 ? Optional.empty() : ExportKind.fromSlug(file.substring(0, dot));
        Optional<ExportFormat> format = dot < 0 ? Optional.empty() : ExportFormat.fromExtension(file.substring(dot + 1));
        DashboardFilter filter = new DashboardFilter(incubator, territory);
        ExportAccess.Outcome outcome = access.resolve(callId, filter);
        if (outcome.refusal() != null) {
            return error(outcome.refusal(), outcome.detail());
        }
        if (kind.isEmpty() || format.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "Cet export n'existe pas : candidatures, evaluations, decisions ou "
                    + "accompagnement, au format csv ou xlsx.");
        }
        CallExport export = exports.get(kind.get());
        response.setContentType(format.get().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(callId + "-" + kind.get().slug() + "." + format.get().extension()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        RowSink sink = format.get().open(response.getOutputStream(), kind.get().title(), export.headers());
        try (sink) {
            export.write(outcome.scope(), sink);
        } finally {
            // Recorded even when the download breaks off: rows may already have left.
            log.record(outcome.staff().userId(), clock.instant(), callId, kind.get(), format.get(), filter,
                    outcome.scope().incubators(), sink.rows());
        }
        return null;
    }

    private static ModelAndView error(HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView("error/" + status.value(), status);
        page.addObject("detail", detail);
        return page;
    }
}
