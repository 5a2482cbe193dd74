package fr.kiif.programmes.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.security.SystemAccess;

/**
 * Open engine incidents of the call's process instances: open incidents are few, so they are read first,
 * then kept when their instance carries the call's {@code callId} (one instance query for all of them).
 */
@Service
public class CallIncidents {

    static final int LIMIT = 1000;

    public record Item(String id, String type, String message, String activityId, Instant at, String reference,
            String incubatorSlug, String processInstanceId, String cockpitUrl) {
    }

    private final RuntimeService runtimeService;
    private final CallApplications applications;
    private final SystemAccess systemAccess;

    public CallIncidents(RuntimeService runtimeService, CallApplications applications, SystemAccess systemAccess) {
        this.runtimeService = runtimeService;
        this.applications = applications;
        this.systemAccess = systemAccess;
    }

    public List<Item> of(String callId, DashboardScope scope) {
        List<Incident> incidents = systemAccess.run(() -> runtimeService.createIncidentQuery()
                .orderByIncidentTimestamp().desc().listPage(0, LIMIT));
        Set<String> instanceIds = incidents.stream().map(Incident::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        if (instanceIds.isEmpty()) {
            return List.of();
        }
        Map<String, String> businessKeys = new HashMap<>();
        systemAccess.run(() -> runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds)
                .variableValueEquals("callId", callId).list())
                .forEach(pi -> businessKeys.put(pi.getId(), pi.getBusinessKey()));
        Map<String, CallApplications.Place> places = applications.places(callId, businessKeys.values().stream()
                .filter(key -> key != null && !key.equals(callId)).collect(Collectors.toSet()));
        List<Item> rows = new ArrayList<>();
        for (Incident incident : incidents) {
            if (!businessKeys.containsKey(incident.getProcessInstanceId())) {
                continue;
            }
            CallApplications.Place place = places.get(businessKeys.get(incident.getProcessInstanceId()));
            boolean inScope = place == null ? scope.all() : scope.covers(place.incubatorSlug(), place.territory());
            if (inScope) {
                rows.add(new Item(incident.getId(), incident.getIncidentType(), incident.getIncidentMessage(),
                        incident.getActivityId(), incident.getIncidentTimestamp().toInstant(),
                        place == null ? null : place.reference(), place == null ? null : place.incubatorSlug(),
                        incident.getProcessInstanceId(), EngineLinks.processInstance(incident.getProcessInstanceId())));
            }
        }
        return rows;
    }
}
