package fr.kiif.programmes.impact.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.impact.Indicator;
import fr.kiif.programmes.impact.IndicatorChoice;
import fr.kiif.programmes.impact.IndicatorSet;
import fr.kiif.programmes.impact.IndicatorType;
import fr.kiif.programmes.impact.report.ImpactFigures.Category;
import fr.kiif.programmes.impact.report.ImpactFigures.Change;
import fr.kiif.programmes.impact.report.ImpactFigures.Contribution;
import fr.kiif.programmes.impact.report.ImpactFigures.IndicatorFigures;
import fr.kiif.programmes.impact.report.ImpactFigures.PhaseFigures;

/**
 * Computes the figures of a group of laureates from their assessed evaluations. Pure computation: the
 * caller chooses the laureates (call, incubator, territory). TEXT indicators are never aggregated.
 */
public final class ImpactConsolidator {

    static final int SCALE = 2;

    private ImpactConsolidator() {
    }

    public static ImpactFigures figures(IndicatorSet set, Collection<LaureateMeasures> laureates) {
        List<IndicatorFigures> indicators = new ArrayList<>();
        for (Indicator indicator : set.indicators()) {
            if (indicator.type() != IndicatorType.TEXT) {
                indicators.add(indicator(indicator, laureates));
            }
        }
        int baseline = (int) laureates.stream().filter(l -> l.evaluations().containsKey(ImpactPhase.BASELINE)).count();
        int last = (int) laureates.stream().filter(l -> l.evaluations().containsKey(ImpactPhase.FINAL)).count();
        return new ImpactFigures(laureates.size(), baseline, last, indicators, contribution(laureates));
    }

    static IndicatorFigures indicator(Indicator indicator, Collection<LaureateMeasures> laureates) {
        int discarded = 0;
        List<BigDecimal> changes = new ArrayList<>();
        for (LaureateMeasures laureate : laureates) {
            for (ImpactPhase phase : ImpactPhase.values()) {
                if (laureate.value(phase, indicator.id()).filter(v -> v.present() && v.implausible()).isPresent()) {
                    discarded++;
                }
            }
            Optional<LaureateMeasures.Value> before = laureate.countedValue(ImpactPhase.BASELINE, indicator.id());
            Optional<LaureateMeasures.Value> after = laureate.countedValue(ImpactPhase.FINAL, indicator.id());
            if (hasMean(indicator.type()) && before.isPresent() && after.isPresent()
                    && before.get().number() != null && after.get().number() != null) {
                changes.add(after.get().number().subtract(before.get().number()));
            }
        }
        Change change = hasMean(indicator.type()) ? new Change(changes.size(), mean(changes)) : null;
        return new IndicatorFigures(indicator.id(), indicator.label(), indicator.level().name(), indicator.type().name(),
                indicator.unit(), indicator.sensitive(), phase(indicator, laureates, ImpactPhase.BASELINE),
                phase(indicator, laureates, ImpactPhase.FINAL), change, discarded);
    }

    static PhaseFigures phase(Indicator indicator, Collection<LaureateMeasures> laureates, ImpactPhase phase) {
        List<LaureateMeasures.Value> values = laureates.stream()
                .map(l -> l.countedValue(phase, indicator.id())).flatMap(Optional::stream).toList();
        List<BigDecimal> numbers = values.stream().map(LaureateMeasures.Value::number).filter(n -> n != null).toList();
        IndicatorType type = indicator.type();
        BigDecimal mean = hasMean(type) ? mean(numbers) : null;
        BigDecimal sum = type == IndicatorType.INTEGER || type == IndicatorType.DECIMAL
                ? (numbers.isEmpty() ? null : numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros())
                : null;
        BigDecimal yesShare = null;
        if (type == IndicatorType.YES_NO && !numbers.isEmpty()) {
            long yes = numbers.stream().filter(n -> n.compareTo(BigDecimal.ONE) == 0).count();
            yesShare = BigDecimal.valueOf(yes * 100L).divide(BigDecimal.valueOf(numbers.size()), SCALE, RoundingMode.HALF_UP);
        }
        List<Category> distribution = List.of();
        if (type == IndicatorType.SCALE) {
            distribution = scaleDistribution(numbers);
        } else if (type == IndicatorType.SINGLE_CHOICE) {
            List<Category> categories = new ArrayList<>();
            for (IndicatorChoice choice : indicator.choices()) {
                int count = (int) values.stream().filter(v -> choice.code().equals(v.text())).count();
                categories.add(new Category(choice.code(), choice.label(), count));
            }
            distribution = categories;
        }
        return new PhaseFigures(values.size(), mean, sum, yesShare, distribution);
    }

    static Contribution contribution(Collection<LaureateMeasures> laureates) {
        List<BigDecimal> scores = laureates.stream().map(l -> l.evaluations().get(ImpactPhase.FINAL))
                .filter(e -> e != null && e.contribution() != null)
                .map(e -> BigDecimal.valueOf(e.contribution())).toList();
        return new Contribution(scores.size(), mean(scores), scaleDistribution(scores));
    }

    private static List<Category> scaleDistribution(List<BigDecimal> numbers) {
        List<Category> categories = new ArrayList<>();
        for (int point = 1; point <= 5; point++) {
            BigDecimal value = BigDecimal.valueOf(point);
            int count = (int) numbers.stream().filter(n -> n.compareTo(value) == 0).count();
            categories.add(new Category(String.valueOf(point), String.valueOf(point), count));
        }
        return categories;
    }

    private static boolean hasMean(IndicatorType type) {
        return type == IndicatorType.INTEGER || type == IndicatorType.DECIMAL || type == IndicatorType.PERCENTAGE
                || type == IndicatorType.SCALE;
    }

    private static BigDecimal mean(List<BigDecimal> numbers) {
        if (numbers.isEmpty()) {
            return null;
        }
        return numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(numbers.size()), SCALE, RoundingMode.HALF_UP);
    }
}
