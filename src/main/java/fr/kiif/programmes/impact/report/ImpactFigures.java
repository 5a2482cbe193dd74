package fr.kiif.programmes.impact.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Consolidated figures of a group of laureates (a call, an incubator, a territory). Plain records so that
 * the snapshot stored in impact_report reads back as it was written.
 */
public record ImpactFigures(int laureates, int baselineAssessed, int finalAssessed, List<IndicatorFigures> indicators,
        Contribution contribution) {

    /** The same figures without the sensitive indicators (for incubator staff and open data). */
    public ImpactFigures withoutSensitive() {
        return new ImpactFigures(laureates, baselineAssessed, finalAssessed,
                indicators.stream().filter(i -> !i.sensitive()).toList(), contribution);
    }

    /**
     * Figures of one indicator. {@code change} is the mean of (final − baseline) over the laureates with both
     * values; {@code discarded} counts values flagged implausible by the coaches, left out of every figure.
     */
    public record IndicatorFigures(String indicatorId, String label, String level, String type, String unit,
            boolean sensitive, PhaseFigures baseline, PhaseFigures finalPhase, Change change, int discarded) {
    }

    /**
     * One phase. {@code n}: laureates with a counted value. {@code mean}: INTEGER, DECIMAL, PERCENTAGE, SCALE.
     * {@code sum}: INTEGER, DECIMAL. {@code yesShare} (0–100): YES_NO. {@code distribution}: SCALE (1 to 5) and
     * SINGLE_CHOICE (every choice, in file order). Absent figures are null / empty.
     */
    public record PhaseFigures(int n, BigDecimal mean, BigDecimal sum, BigDecimal yesShare, List<Category> distribution) {
    }

    public record Change(int n, BigDecimal meanChange) {
    }

    public record Category(String code, String label, int count) {
    }

    /** The coaches' assessment of the support's contribution (1 to 5) at the final evaluation. */
    public record Contribution(int n, BigDecimal mean, List<Category> distribution) {
    }
}
