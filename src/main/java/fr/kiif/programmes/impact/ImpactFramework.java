package fr.kiif.programmes.impact;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The loaded, validated framework: every indicator set by id. Built once at start-up by {@link ImpactFrameworkLoader}. */
public class ImpactFramework {

    private final Map<String, IndicatorSet> sets = new LinkedHashMap<>();

    public ImpactFramework(List<IndicatorSet> sets) {
        sets.forEach(set -> this.sets.put(set.id(), set));
    }

    public IndicatorSet set(String setId) {
        IndicatorSet set = sets.get(setId);
        if (set == null) {
            throw new NoSuchElementException("Unknown indicator set " + setId);
        }
        return set;
    }

    public boolean hasSet(String setId) {
        return sets.containsKey(setId);
    }

    public Collection<IndicatorSet> sets() {
        return sets.values();
    }
}
