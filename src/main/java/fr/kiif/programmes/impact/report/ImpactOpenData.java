package fr.kiif.programmes.impact.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.alliance.Territory;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.impact.report.ImpactFigures.Category;
import fr.kiif.programmes.impact.report.ImpactFigures.IndicatorFigures;
import fr.kiif.programmes.impact.report.ImpactFigures.PhaseFigures;

/**
 * The open-data CSV of a call's impact (columns in docs/open-data-impact.md): aggregates only, per call,
 * incubator and territory; no names, references or free text; sensitive indicators left out; every cell
 * computed from fewer than {@link #MIN_COUNT} laureates, and every category count below it, left empty and flagged.
 */
@Component
public class ImpactOpenData {

    public static final int MIN_COUNT = 3;
    static final String CONTRIBUTION = "contribution-accompagnement";
    static final String[] HEADER = {"appel", "programme", "jeu_indicateurs", "perimetre_type", "perimetre_id",
            "perimetre_nom", "indicateur_id", "indicateur_libelle", "niveau", "type", "unite", "mesure", "modalite",
            "effectif", "moyenne", "somme", "part_oui_pct", "secret_statistique"};

    private final AllianceReferenceData alliance;

    public ImpactOpenData(AllianceReferenceData alliance) {
        this.alliance = alliance;
    }

    public String csv(ProgrammeCall call, ImpactSnapshot snapshot) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").setHeader(HEADER).build();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            Scope scope = new Scope(printer, call, snapshot.indicatorSet());
            scope.print("APPEL", call.id(), call.title(), snapshot.call());
            for (Map.Entry<String, ImpactFigures> e : snapshot.incubators().entrySet()) {
                scope.print("INCUBATEUR", e.getKey(), alliance.incubator(e.getKey()).map(Incubator::name).orElse(e.getKey()), e.getValue());
            }
            for (Map.Entry<String, ImpactFigures> e : snapshot.territories().entrySet()) {
                String name = LaureateMeasures.NO_TERRITORY.equals(e.getKey()) ? "Hors territoire"
                        : alliance.territory(e.getKey()).map(Territory::name).orElse(e.getKey());
                scope.print("TERRITOIRE", e.getKey(), name, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Rows of one scope (call, incubator or territory). */
    private record Scope(CSVPrinter printer, ProgrammeCall call, String indicatorSet) {

        void print(String type, String id, String name, ImpactFigures all) throws IOException {
            ImpactFigures figures = all.withoutSensitive();
            for (IndicatorFigures indicator : figures.indicators()) {
                phase(type, id, name, indicator, "ENTREE", indicator.baseline());
                phase(type, id, name, indicator, "FIN", indicator.finalPhase());
                if (indicator.change() != null) {
                    int n = indicator.change().n();
                    row(type, id, name, indicator.indicatorId(), indicator.label(), indicator.level(), indicator.type(),
                            indicator.unit(), "EVOLUTION", "", n, indicator.change().meanChange(), null, null);
                }
            }
            ImpactFigures.Contribution contribution = figures.contribution();
            row(type, id, name, CONTRIBUTION, "Contribution de l'accompagnement selon le coach (1 à 5)", "", "SCALE", "",
                    "FIN", "", contribution.n(), contribution.mean(), null, null);
            for (Category c : contribution.distribution()) {
                category(type, id, name, CONTRIBUTION, "Contribution de l'accompagnement selon le coach (1 à 5)", "", "SCALE",
                        "", "FIN", c, contribution.n());
            }
        }

        void phase(String type, String id, String name, IndicatorFigures i, String measure, PhaseFigures phase) throws IOException {
            row(type, id, name, i.indicatorId(), i.label(), i.level(), i.type(), i.unit(), measure, "", phase.n(), phase.mean(),
                    phase.sum(), phase.yesShare());
            for (Category c : phase.distribution()) {
                category(type, id, name, i.indicatorId(), i.label(), i.level(), i.type(), i.unit(), measure, c, phase.n());
            }
        }

        void category(String type, String id, String name, String indicatorId, String label, String level, String indicatorType,
                String unit, String measure, Category c, int n) throws IOException {
            // A category's count is shown only when its phase has enough laureates and the count itself is not small.
            boolean secret = n < MIN_COUNT || (c.count() > 0 && c.count() < MIN_COUNT);
            printer.printRecord(List.of(call.id(), call.programmeId(), indicatorSet, type, id, name, indicatorId, label, level,
                    indicatorType, unit, measure, c.code(), secret ? "" : String.valueOf(c.count()), "", "", "", secret ? "1" : "0"));
        }

        void row(String type, String id, String name, String indicatorId, String label, String level, String indicatorType,
                String unit, String measure, String category, int n, BigDecimal mean, BigDecimal sum, BigDecimal yes)
                throws IOException {
            boolean secret = n < MIN_COUNT;
            printer.printRecord(List.of(call.id(), call.programmeId(), indicatorSet, type, id, name, indicatorId, label, level,
                    indicatorType, unit, measure, category, secret ? "" : String.valueOf(n), secret ? "" : plain(mean),
                    secret ? "" : plain(sum), secret ? "" : plain(yes), secret ? "1" : "0"));
        }

        private static String plain(BigDecimal value) {
            return value == null ? "" : value.stripTrailingZeros().toPlainString();
        }
    }
}
