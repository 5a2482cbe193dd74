package fr.kiif.programmes.impact.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.impact.Indicator;
import fr.kiif.programmes.impact.IndicatorChoice;
import fr.kiif.programmes.impact.IndicatorLevel;
import fr.kiif.programmes.impact.IndicatorSet;
import fr.kiif.programmes.impact.IndicatorType;
import fr.kiif.programmes.impact.Units;
import fr.kiif.programmes.impact.report.ImpactFigures.Category;
import fr.kiif.programmes.impact.report.ImpactFigures.IndicatorFigures;

/** Turns figures and measures into what the pages and the PDF show: French texts, chart data, CSS bar widths. */
@Component
public class ImpactReportViews {

    static final String BASELINE = "À l'entrée";
    static final String FINAL = "En fin d'accompagnement";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One indicator row; {@code chart} is Chart.js data (JSON) or null, {@code bars} the same for the PDF. */
    public record IndicatorRow(String label, String unit, boolean sensitive, int baselineN, int finalN, String baseline,
            String finalValue, String change, int discarded, String chart, List<Bar> bars) {
    }

    /** A distribution bar pair for the PDF (counts and widths in percent of the phase's n). */
    public record Bar(String label, int baselineCount, int baselinePercent, int finalCount, int finalPercent) {
    }

    /** Indicators of one level. */
    public record LevelSection(String label, List<IndicatorRow> rows) {
    }

    /** One indicator of a laureate: each phase's value as shown, or hidden when sensitive for this viewer. */
    public record LaureateLine(String label, String unit, String level, boolean sensitive, boolean hidden, String baseline,
            String midterm, String finalValue, String change, List<String> notes) {
    }

    private final ImpactFormat format;

    public ImpactReportViews(ImpactFormat format) {
        this.format = format;
    }

    public List<LevelSection> sections(ImpactFigures figures) {
        Map<String, List<IndicatorRow>> levels = new LinkedHashMap<>();
        for (IndicatorLevel level : IndicatorLevel.values()) {
            levels.put(level.name(), new ArrayList<>());
        }
        for (IndicatorFigures indicator : figures.indicators()) {
            levels.computeIfAbsent(indicator.level(), k -> new ArrayList<>()).add(row(indicator));
        }
        List<LevelSection> sections = new ArrayList<>();
        levels.forEach((level, rows) -> {
            if (!rows.isEmpty()) {
                sections.add(new LevelSection(levelLabel(level), rows));
            }
        });
        return sections;
    }

    /** The contribution of the support (coaches' 1–5 assessment) as a distribution chart. */
    public String contributionChart(ImpactFigures figures) {
        List<String> labels = figures.contribution().distribution().stream().map(Category::label).toList();
        List<Integer> counts = figures.contribution().distribution().stream().map(Category::count).toList();
        return chart(labels, List.of(dataset("Lauréats", counts)), "Lauréats");
    }

    IndicatorRow row(IndicatorFigures indicator) {
        String chart = null;
        List<Bar> bars = List.of();
        List<Category> before = indicator.baseline().distribution();
        List<Category> after = indicator.finalPhase().distribution();
        if (!before.isEmpty() || !after.isEmpty()) {
            List<Category> categories = before.isEmpty() ? after : before;
            List<String> labels = categories.stream().map(Category::label).toList();
            chart = chart(labels, List.of(dataset(BASELINE, counts(before, categories)), dataset(FINAL, counts(after, categories))),
                    "Lauréats");
            bars = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                int b = counts(before, categories).get(i);
                int f = counts(after, categories).get(i);
                bars.add(new Bar(categories.get(i).label(), b, format.percent(b, indicator.baseline().n()), f,
                        format.percent(f, indicator.finalPhase().n())));
            }
        } else if ("YES_NO".equals(indicator.type())) {
            chart = chart(List.of("Part de « oui » (%)"), List.of(dataset(BASELINE, java.util.Arrays.asList(value(indicator.baseline().yesShare()))),
                    dataset(FINAL, java.util.Arrays.asList(value(indicator.finalPhase().yesShare())))), "%");
        } else if (indicator.baseline().mean() != null || indicator.finalPhase().mean() != null) {
            chart = chart(List.of("Moyenne" + (indicator.unit().isBlank() ? "" : " (" + indicator.unit() + ")")),
                    List.of(dataset(BASELINE, java.util.Arrays.asList(value(indicator.baseline().mean()))),
                            dataset(FINAL, java.util.Arrays.asList(value(indicator.finalPhase().mean())))), indicator.unit());
        }
        return new IndicatorRow(indicator.label(), indicator.unit(), indicator.sensitive(), indicator.baseline().n(),
                indicator.finalPhase().n(), format.phase(indicator, indicator.baseline()),
                format.phase(indicator, indicator.finalPhase()), format.change(indicator), indicator.discarded(), chart, bars);
    }

    /** A laureate's values per indicator; sensitive ones hidden unless {@code seesSensitive}. */
    public List<LaureateLine> laureate(IndicatorSet set, LaureateMeasures laureate, boolean seesSensitive) {
        List<LaureateLine> lines = new ArrayList<>();
        for (Indicator indicator : set.indicators()) {
            boolean hidden = indicator.sensitive() && !seesSensitive;
            List<String> notes = new ArrayList<>();
            String change = "–";
            if (!hidden) {
                for (ImpactPhase phase : ImpactPhase.values()) {
                    laureate.value(phase, indicator.id()).filter(LaureateMeasures.Value::implausible).ifPresent(v ->
                            notes.add(phase.label() + " : valeur écartée des chiffres (jugée invraisemblable"
                                    + (v.implausibleNote() == null || v.implausibleNote().isBlank() ? "" : " : " + v.implausibleNote()) + ")"));
                }
                Optional<LaureateMeasures.Value> before = laureate.countedValue(ImpactPhase.BASELINE, indicator.id());
                Optional<LaureateMeasures.Value> after = laureate.countedValue(ImpactPhase.FINAL, indicator.id());
                if (indicator.type().numeric() && indicator.type() != IndicatorType.YES_NO && before.isPresent() && after.isPresent()
                        && before.get().number() != null && after.get().number() != null) {
                    change = format.signed(after.get().number().subtract(before.get().number()));
                }
            }
            lines.add(new LaureateLine(indicator.label(), indicator.unit(), levelLabel(indicator.level().name()),
                    indicator.sensitive(), hidden, hidden ? "" : display(indicator, laureate, ImpactPhase.BASELINE),
                    hidden ? "" : display(indicator, laureate, ImpactPhase.MIDTERM),
                    hidden ? "" : display(indicator, laureate, ImpactPhase.FINAL), change, notes));
        }
        return lines;
    }

    private String display(Indicator indicator, LaureateMeasures laureate, ImpactPhase phase) {
        Optional<LaureateMeasures.Value> value = laureate.value(phase, indicator.id()).filter(LaureateMeasures.Value::present);
        if (value.isEmpty()) {
            return "–";
        }
        LaureateMeasures.Value v = value.get();
        return switch (indicator.type()) {
            case YES_NO -> v.number() != null && v.number().compareTo(BigDecimal.ONE) == 0 ? "oui" : "non";
            case SINGLE_CHOICE -> indicator.choices().stream().filter(c -> c.code().equals(v.text()))
                    .map(IndicatorChoice::label).findFirst().orElse(v.text());
            case TEXT -> v.text();
            case SCALE -> format.number(v.number()) + " sur 5";
            case PERCENTAGE -> format.number(v.number()) + " %";
            default -> format.number(v.number()) + Units.after(v.number(), indicator.unit());
        };
    }

    static String levelLabel(String level) {
        try {
            return IndicatorLevel.valueOf(level).label();
        } catch (IllegalArgumentException e) {
            return level;
        }
    }

    private static List<Integer> counts(List<Category> phase, List<Category> categories) {
        List<Integer> counts = new ArrayList<>();
        for (Category category : categories) {
            counts.add(phase.stream().filter(c -> c.code().equals(category.code())).mapToInt(Category::count).findFirst().orElse(0));
        }
        return counts;
    }

    private static Map<String, Object> dataset(String label, List<? extends Number> data) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", data);
        return dataset;
    }

    private static Number value(BigDecimal value) {
        return value == null ? null : value;
    }

    private static String chart(List<String> labels, List<Map<String, Object>> datasets, String axis) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("datasets", datasets);
        chart.put("axis", axis);
        try {
            return JSON.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
