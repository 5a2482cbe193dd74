package fr.kiif.programmes.impact.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;


import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.alliance.Territory;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.web.FrenchDates;
import fr.kiif.programmes.web.PdfDocuments;

/**
 * The call's impact report as a PDF for coordinators and funders: the same figures as the page, with
 * distributions drawn as CSS bars (openhtmltopdf runs no JavaScript). Sensitive indicators included:
 * the PDF is for the coordination.
 */
@Component
public class ImpactReportPdf {

    /** A group's key lines for the per-incubator and per-territory tables. */
    public record GroupLine(String name, int laureates, int baseline, int finalCount, String contribution) {
    }

    private final ImpactReportViews views;
    private final ImpactFormat format;
    private final AllianceReferenceData alliance;
    private final FrenchDates dates;
    private final Clock clock;
    private final PdfDocuments pdf;

    public ImpactReportPdf(ImpactReportViews views, ImpactFormat format, AllianceReferenceData alliance, FrenchDates dates,
            Clock clock, PdfDocuments pdf) {
        this.views = views;
        this.format = format;
        this.alliance = alliance;
        this.dates = dates;
        this.clock = clock;
        this.pdf = pdf;
    }

    public byte[] render(ProgrammeCall call, ImpactReport report) {
        ImpactFigures figures = report.snapshot().call();
        Context context = new Context(Locale.FRANCE);
        context.setVariable("call", call);
        context.setVariable("report", report);
        context.setVariable("figures", figures);
        context.setVariable("sections", views.sections(figures));
        context.setVariable("contribution", figures.contribution());
        context.setVariable("contributionMean", format.number(figures.contribution().mean()));
        context.setVariable("fmt", format);
        context.setVariable("printedAt", dates.dateTime(clock.instant()));
        context.setVariable("consolidatedAt", report.consolidatedAt() == null ? null : dates.dateTime(report.consolidatedAt()));
        context.setVariable("validatedAt", report.validatedAt() == null ? null : dates.dateTime(report.validatedAt()));
        List<GroupLine> incubators = new ArrayList<>();
        report.snapshot().incubators().forEach((slug, f) -> incubators.add(line(
                alliance.incubator(slug).map(Incubator::name).orElse(slug), f)));
        List<GroupLine> territories = new ArrayList<>();
        report.snapshot().territories().forEach((id, f) -> territories.add(line(LaureateMeasures.NO_TERRITORY.equals(id)
                ? "Hors territoire" : alliance.territory(id).map(Territory::name).orElse(id), f)));
        context.setVariable("incubators", incubators);
        context.setVariable("territories", territories);
        return pdf.render("rapport-impact", context);
    }

    private GroupLine line(String name, ImpactFigures f) {
        return new GroupLine(name, f.laureates(), f.baselineAssessed(), f.finalAssessed(), format.number(f.contribution().mean()));
    }

}
