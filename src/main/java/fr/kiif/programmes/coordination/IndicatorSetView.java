package fr.kiif.programmes.coordination;

import java.util.List;

import fr.kiif.programmes.impact.ImpactPhase;

/** A set of the impact framework, as offered to the coordinator who creates a programme. */
public record IndicatorSetView(String id, String label, String description, int indicatorCount, List<ImpactPhase> phases) {
}
