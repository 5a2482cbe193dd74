package fr.kiif.programmes.impact.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import fr.kiif.programmes.impact.Units;
import fr.kiif.programmes.impact.report.ImpactFigures.IndicatorFigures;
import fr.kiif.programmes.impact.report.ImpactFigures.PhaseFigures;

/** French display of the figures ("1 234,5", "+0,5", "oui : 66,67 %"), for pages, PDF and the Tasklist form. */
@Component("impactFormat")
public class ImpactFormat {

    public String number(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator('\u00a0');
        DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
        return format.format(value);
    }

    public String signed(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        return (value.signum() > 0 ? "+" : "") + number(value);
    }

    /** One phase of an indicator in a few words. */
    public String phase(IndicatorFigures indicator, PhaseFigures phase) {
        if (phase == null || phase.n() == 0) {
            return "–";
        }
        String unit = indicator.unit();
        return switch (indicator.type()) {
            case "YES_NO" -> "oui : " + number(phase.yesShare()) + " %";
            case "SINGLE_CHOICE" -> phase.distribution().stream().filter(c -> c.count() > 0)
                    .map(c -> c.label() + " : " + c.count()).collect(Collectors.joining(", "));
            case "INTEGER", "DECIMAL" -> "moyenne " + number(phase.mean()) + Units.after(phase.mean(), unit) + " · total "
                    + number(phase.sum()) + Units.after(phase.sum(), unit);
            case "PERCENTAGE" -> "moyenne " + number(phase.mean()) + " %";
            default -> "moyenne " + number(phase.mean()) + Units.after(phase.mean(), unit);
        };
    }

    public String change(IndicatorFigures indicator) {
        if (indicator.change() == null || indicator.change().n() == 0) {
            return "–";
        }
        return signed(indicator.change().meanChange()) + " (" + indicator.change().n() + " lauréat"
                + (indicator.change().n() > 1 ? "s" : "") + ")";
    }

    /** Width in percent of a CSS bar (PDF) for a count among n. */
    public int percent(int count, int n) {
        return n == 0 ? 0 : Math.round(count * 100f / n);
    }
}
