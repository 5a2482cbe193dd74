package fr.kiif.programmes.impact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the file's {@code sets} and resolves their {@code includes} (in any order of the file): a set's
 * indicators are those of the sets it includes, in include order, then its own.
 */
final class IndicatorSetResolver {

    private static final Set<String> KEYS = new LinkedHashSet<>(List.of("id", "label", "description", "includes",
            "indicators"));

    private record Entry(String id, String label, String description, List<String> includes, List<String> indicators) {
    }

    private final FrameworkProblems problems;
    private final Map<String, Indicator> indicators;
    /** Ids of every indicator entry, valid or not: an invalid one is reported once, by the indicator reader. */
    private final Set<String> declared;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, List<Indicator>> resolved = new HashMap<>();
    /** Sets that are part of a problem already: no second message about them. */
    private final Set<String> broken = new HashSet<>();

    IndicatorSetResolver(FrameworkProblems problems, Map<String, Indicator> indicators, Set<String> declared) {
        this.problems = problems;
        this.indicators = indicators;
        this.declared = declared;
    }

    List<IndicatorSet> resolve(List<JsonNode> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            read(nodes.get(i), i + 1);
        }
        List<IndicatorSet> sets = new ArrayList<>();
        for (Entry entry : entries.values()) {
            List<Indicator> members = members(entry.id(), new ArrayDeque<>());
            if (members == null) {
                continue;
            }
            if (members.isEmpty()) {
                problems.error("set '" + entry.id() + "'", "has no indicator");
            }
            sets.add(new IndicatorSet(entry.id(), entry.label(), entry.description(), members));
        }
        return sets;
    }

    private void read(JsonNode node, int position) {
        if (!node.isObject()) {
            problems.error("set #" + position, "must be a mapping with id, label and indicators");
            return;
        }
        String rawId = node.hasNonNull("id") ? node.get("id").asText().strip() : "";
        String where = rawId.isEmpty() ? "set #" + position + " (no id)" : "set '" + rawId + "'";
        YamlFields f = new YamlFields(node, where, problems);
        f.onlyKeys(KEYS);
        String id = f.text("id", true);
        String label = f.text("label", true);
        String description = f.text("description", false);
        List<String> includes = f.texts("includes", false);
        List<String> own = f.texts("indicators", !node.has("includes"));
        if (id == null) {
            return;
        }
        if (!IndicatorReader.ID.matcher(id).matches()) {
            problems.error(where, "bad id format (lower-case letters, digits and dashes, 64 characters at most, "
                    + "not starting with a dash)");
        }
        if (entries.containsKey(id)) {
            problems.error(where, "duplicate set id (set #" + position + ")");
            broken.add(id);
            return;
        }
        entries.put(id, new Entry(id, label, description == null ? "" : description,
                includes == null ? List.of() : includes, own == null ? List.of() : own));
        if (label == null || own == null && includes == null) {
            broken.add(id);
        }
    }

    /** The set's indicators, or null when the set cannot be resolved (problem reported once). */
    private List<Indicator> members(String setId, Deque<String> path) {
        if (resolved.containsKey(setId)) {
            return resolved.get(setId);
        }
        String where = "set '" + setId + "'";
        if (path.contains(setId)) {
            List<String> cycle = new ArrayList<>(path);
            Collections.reverse(cycle);
            cycle = cycle.subList(cycle.indexOf(setId), cycle.size());
            problems.error(where, "cyclic include: " + String.join(" → ", cycle) + " → " + setId);
            broken.addAll(cycle);
            return null;
        }
        Entry entry = entries.get(setId);
        path.push(setId);
        Map<String, Indicator> members = new LinkedHashMap<>();
        Map<String, String> includedThrough = new HashMap<>();
        boolean ok = !broken.contains(setId);
        for (String include : entry.includes()) {
            if (!entries.containsKey(include)) {
                problems.error(where, "includes unknown set '" + include + "'");
                ok = false;
                continue;
            }
            List<Indicator> included = members(include, path);
            if (included == null) {
                ok = false;
                continue;
            }
            included.forEach(i -> {
                members.putIfAbsent(i.id(), i);
                includedThrough.putIfAbsent(i.id(), include);
            });
        }
        Set<String> own = new HashSet<>();
        for (String indicatorId : entry.indicators()) {
            Indicator indicator = indicators.get(indicatorId);
            if (!own.add(indicatorId)) {
                problems.error(where, "lists indicator '" + indicatorId + "' twice");
                ok = false;
            } else if (includedThrough.containsKey(indicatorId)) {
                problems.error(where, "lists indicator '" + indicatorId + "' that it already has through set '"
                        + includedThrough.get(indicatorId) + "'");
                ok = false;
            } else if (indicator == null) {
                if (!declared.contains(indicatorId)) {
                    problems.error(where, "unknown indicator '" + indicatorId + "'");
                }
                ok = false;
            } else {
                members.put(indicatorId, indicator);
            }
        }
        path.pop();
        List<Indicator> result = ok ? List.copyOf(members.values()) : null;
        if (!ok) {
            broken.add(setId);
        }
        resolved.put(setId, result);
        return result;
    }
}
