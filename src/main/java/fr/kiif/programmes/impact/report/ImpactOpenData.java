package fr.kiif.programmes.impact.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * When a distribution would hide a single category, the next smallest one is hidden too (else the total gives it
 * away), and the share of "oui" is left out when fewer than {@link #MIN_COUNT} answered yes or no.
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

    /**
     * Categories whose count is left empty: all of them under MIN_COUNT laureates; else the small non-zero ones, and
     * when that is a single one, the next smallest non-zero one as well (the phase's total would give it away).
     */
    static Set<String> secretCategories(List<Category> categories, int n) {
        Set<String> secret = new HashSet<>();
        for (Category c : categories) {
            if (n < MIN_COUNT || (c.count() > 0 && c.count() < MIN_COUNT)) {
                secret.add(c.code());
            }
        }
        if (secret.size() == 1) {
            categories.stream().filter(c -> c.count() > 0 && !secret.contains(c.code()))
                    .min(Comparator.comparingInt(Category::count)).ifPresent(c -> secret.add(c.code()));
        }
        return secret;
    }

    /** The share of "oui" (in %) would reveal fewer than MIN_COUNT answers on either side. */
    static boolean smallShare(BigDecimal yesShare, int n) {
        if (yesShare == null) {
            return false;
        }
        long yes = yesShare.multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValue();
        return (yes > 0 && yes < MIN_COUNT) || (n - yes > 0 && n - yes < MIN_COUNT);
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
            distribution(type, id, name, CONTRIBUTION, "Contribution de l'accompagnement selon le coach (1 à 5)", "", "SCALE",
                    "", "FIN", contribution.distribution(), contribution.n());
        }

        void phase(String type, String id, String name, IndicatorFigures i, String measure, PhaseFigures phase) throws IOException {
            row(type, id, name, i.indicatorId(), i.label(), i.level(), i.type(), i.unit(), measure, "", phase.n(), phase.mean(),
                    phase.sum(), smallShare(phase.yesShare(), phase.n()) ? null : phase.yesShare());
            distribution(type, id, name, i.indicatorId(), i.label(), i.level(), i.type(), i.unit(), measure, phase.distribution(),
                    phase.n());
        }

        void distribution(String type, String id, String name, String indicatorId, String label, String level,
                String indicatorType, String unit, String measure, List<Category> categories, int n) throws IOException {
            Set<String> secret = secretCategories(categories, n);
            for (Category c : categories) {
                boolean hidden = secret.contains(c.code());
                printer.printRecord(List.of(call.id(), call.programmeId(), indicatorSet, type, id, name, indicatorId, label,
                        level, indicatorType, unit, measure, c.code(), hidden ? "" : String.valueOf(c.count()), "", "", "",
                        hidden ? "1" : "0"));
            }
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
