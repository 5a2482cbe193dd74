package fr.kiif.programmes.impact.report;

import java.util.Map;

/**
 * What consolidation freezes in impact_report.figures: the call's figures, per incubator (slug) and per
 * territory (id), sensitive indicators included (filtered when shown to incubator staff or exported).
 * No names, references or free text.
 */
public record ImpactSnapshot(String callId, String indicatorSet, String consolidatedAt, ImpactFigures call,
        Map<String, ImpactFigures> incubators, Map<String, ImpactFigures> territories) {
}
