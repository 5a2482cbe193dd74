package fr.kiif.programmes.impact.report.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.impact.report.CohortSupportEnd;
import fr.kiif.programmes.impact.report.ImpactFigures;
import fr.kiif.programmes.impact.report.ImpactFormat;
import fr.kiif.programmes.impact.report.ImpactReportService;
import fr.kiif.programmes.impact.report.ImpactSnapshot;
import fr.kiif.programmes.web.TaskRefusal;

/**
 * Bean {@code impactConsolidation}: the end listener of {@code cohort-support} and the impact steps of
 * {@code programme-call}. Thin: the work is in {@link CohortSupportEnd} and {@link ImpactReportService}.
 */
@Component("impactConsolidation")
public class ImpactConsolidationSteps {

    static final String DECISION = "impactReportDecision";
    static final String COMMENT = "impactValidationComment";
    static final String VALIDATED_BY = "impactValidatedBy";
    static final int COMMENT_MAX = 2000;

    private final CohortSupportEnd supportEnd;
    private final ImpactReportService reports;
    private final CallRepository calls;
    private final ImpactFormat format;
    private final String publicBaseUrl;
    private final Duration supportCheckEvery;
    private final Duration validationDelay;

    public ImpactConsolidationSteps(CohortSupportEnd supportEnd, ImpactReportService reports, CallRepository calls,
            ImpactFormat format, @Value("${kiif.public-base-url}") String publicBaseUrl,
            @Value("${kiif.impact.support-check-every:P1D}") Duration supportCheckEvery,
            @Value("${kiif.impact.validation-delay:P14D}") Duration validationDelay) {
        this.supportEnd = supportEnd;
        this.reports = reports;
        this.calls = calls;
        this.format = format;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.supportCheckEvery = supportCheckEvery;
        this.validationDelay = validationDelay;
    }

    /** End execution listener of cohort-support (any end: finished, withdrawn, stopped). */
    public void supportEnded(DelegateExecution execution, Date now) {
        Object reference = execution.getVariable("applicationRef");
        if (reference == null) {
            reference = execution.getProcessBusinessKey();
        }
        if (reference != null) {
            supportEnd.laureateClosed(reference.toString(), now.toInstant());
        }
    }

    /** ServiceTask_CheckCohortSupport. */
    public void checkSupport(DelegateExecution execution) {
        execution.setVariable("cohortSupportEnded", supportEnd.ended(callId(execution)));
        execution.setVariable("supportCheckEvery", supportCheckEvery.toString());
    }

    /** ServiceTask_ConsolidateImpact: snapshot stored, key figures for the coordination's form. */
    public void consolidate(DelegateExecution execution, Date now) {
        String callId = callId(execution);
        ImpactSnapshot snapshot = reports.consolidate(callId, now.toInstant());
        ImpactFigures figures = snapshot.call();
        execution.setVariable("impactSummary", summary(figures));
        execution.setVariable("impactKeyFigures", SpinValues.jsonValue(Spin.JSON(keyFigures(figures))).create());
        execution.setVariable("impactReportUrl", publicBaseUrl + "/coordination/appels/" + callId + "/impact");
        execution.setVariable("impactReportPdfUrl", publicBaseUrl + "/coordination/appels/" + callId + "/impact/rapport.pdf");
        execution.setVariable("impactValidationDelay", validationDelay.toString());
        // A new round starts with an empty decision, not the previous "consolider à nouveau".
        execution.removeVariable(DECISION);
        execution.removeVariable(COMMENT);
    }

    /** Complete listener of UserTask_ValidateImpactReport: checked on the server, Tasklist checks only in the browser. */
    public void validateDecision(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        Object comment = task.getVariable(COMMENT);
        String text = comment == null ? "" : comment.toString().strip();
        List<String> problems = new ArrayList<>();
        if (!"VALIDATE".equals(decision) && !"RECONSOLIDATE".equals(decision)) {
            problems.add("Choisissez « Valider le rapport » ou « Consolider à nouveau ».");
        }
        if ("RECONSOLIDATE".equals(decision) && text.isEmpty()) {
            problems.add("Dites dans le commentaire ce qui doit être corrigé avant une nouvelle consolidation.");
        }
        if (text.length() > COMMENT_MAX) {
            problems.add("Le commentaire ne doit pas dépasser 2 000 caractères.");
        }
        if (!problems.isEmpty()) {
            throw new TaskRefusal(String.join(" ", problems));
        }
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : task.getAssignee() != null ? task.getAssignee() : "coordination";
        task.setVariable(VALIDATED_BY, by);
        task.setVariable(COMMENT, text);
    }

    /** ServiceTask_RecordImpactValidation: the report is validated and the call closed. */
    public void recordValidation(DelegateExecution execution, Date now) {
        String callId = callId(execution);
        Object comment = execution.getVariable(COMMENT);
        reports.validate(callId, now.toInstant(), (String) execution.getVariable(VALIDATED_BY),
                comment == null || comment.toString().isBlank() ? null : comment.toString());
        calls.updateStatus(callId, CallStatus.CLOSED);
    }

    private String summary(ImpactFigures figures) {
        return figures.laureates() + " lauréat" + (figures.laureates() > 1 ? "s" : "") + " avec au moins une évaluation validée : "
                + figures.baselineAssessed() + " mesure" + (figures.baselineAssessed() > 1 ? "s" : "") + " à l'entrée, "
                + figures.finalAssessed() + " mesure" + (figures.finalAssessed() > 1 ? "s" : "") + " finale"
                + (figures.finalAssessed() > 1 ? "s" : "") + ". Contribution de l'accompagnement selon les coachs : "
                + format.number(figures.contribution().mean()) + " sur 5 (" + figures.contribution().n() + " avis). "
                + "Valeurs écartées car jugées invraisemblables : "
                + figures.indicators().stream().mapToInt(ImpactFigures.IndicatorFigures::discarded).sum() + ".";
    }

    private List<Map<String, Object>> keyFigures(ImpactFigures figures) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImpactFigures.IndicatorFigures indicator : figures.indicators()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("indicator", indicator.label() + (indicator.sensitive() ? " (sensible)" : ""));
            row.put("laureates", indicator.baseline().n() + " / " + indicator.finalPhase().n());
            row.put("baseline", format.phase(indicator, indicator.baseline()));
            row.put("final", format.phase(indicator, indicator.finalPhase()));
            row.put("change", format.change(indicator));
            row.put("discarded", indicator.discarded());
            rows.add(row);
        }
        return rows;
    }

    private static String callId(DelegateExecution execution) {
        return (String) execution.getVariable("callId");
    }

}
