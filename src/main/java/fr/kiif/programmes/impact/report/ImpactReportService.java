package fr.kiif.programmes.impact.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.impact.CallIndicatorSets;
import fr.kiif.programmes.impact.IndicatorSet;

/** Consolidates a call's assessed evaluations into a snapshot, stores it, reads it back and records its validation. */
@Service
public class ImpactReportService {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ImpactReportRepository repository;
    private final CallIndicatorSets indicatorSets;

    public ImpactReportService(ImpactReportRepository repository, CallIndicatorSets indicatorSets) {
        this.repository = repository;
        this.indicatorSets = indicatorSets;
    }

    /** The figures of the call as of now, not stored. */
    public ImpactSnapshot compute(String callId, Instant now) {
        IndicatorSet set = indicatorSets.forCall(callId);
        List<LaureateMeasures> laureates = repository.measures(callId);
        return new ImpactSnapshot(callId, set.id(), now.toString(), ImpactConsolidator.figures(set, laureates),
                grouped(set, laureates, LaureateMeasures::incubatorSlug),
                grouped(set, laureates, LaureateMeasures::territory));
    }

    /** ServiceTask_ConsolidateImpact: computes and stores the snapshot (a previous validation is cleared). */
    public ImpactSnapshot consolidate(String callId, Instant now) {
        ImpactSnapshot snapshot = compute(callId, now);
        try {
            repository.store(callId, now, JSON.writeValueAsString(snapshot));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the impact snapshot of " + callId, e);
        }
        return snapshot;
    }

    /** The stored report, or live provisional figures before the first consolidation. */
    public ImpactReport report(String callId, Instant now) {
        Optional<ImpactReportRepository.StoredRow> row = repository.report(callId);
        if (row.isEmpty()) {
            return new ImpactReport(compute(callId, now), true, null, null, null, null);
        }
        ImpactReportRepository.StoredRow stored = row.get();
        return new ImpactReport(read(stored.figures()), false, stored.consolidatedAt(), stored.validatedAt(),
                stored.validatedBy(), stored.validationComment());
    }

    public Optional<ImpactReportRepository.StoredRow> stored(String callId) {
        return repository.report(callId);
    }

    public void validate(String callId, Instant at, String by, String comment) {
        repository.validate(callId, at, by, comment);
    }

    public List<LaureateMeasures> laureates(String callId) {
        return repository.measures(callId);
    }

    public Optional<LaureateMeasures> laureate(String callId, String reference) {
        return repository.measures(callId).stream().filter(l -> l.reference().equals(reference)).findFirst();
    }

    public List<String> callsWithFigures() {
        return repository.callsWithFigures();
    }

    private static Map<String, ImpactFigures> grouped(IndicatorSet set, List<LaureateMeasures> laureates,
            java.util.function.Function<LaureateMeasures, String> key) {
        Map<String, List<LaureateMeasures>> groups = laureates.stream()
                .collect(Collectors.groupingBy(l -> key.apply(l) == null ? LaureateMeasures.NO_TERRITORY : key.apply(l),
                        TreeMap::new, Collectors.toList()));
        Map<String, ImpactFigures> figures = new LinkedHashMap<>();
        groups.forEach((id, members) -> figures.put(id, ImpactConsolidator.figures(set, members)));
        return figures;
    }

    static ImpactSnapshot read(String json) {
        try {
            return JSON.readValue(json, ImpactSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable impact snapshot", e);
        }
    }
}
