package fr.kiif.programmes.impact;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads and checks a framework file (format in docs/impact-framework.md). Every problem of the file
 * is collected before failing, so that the operator sees them all at once.
 */
public final class ImpactFrameworkReader {

    private static final Set<String> KEYS = new LinkedHashSet<>(List.of("indicators", "sets"));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A checked framework and what deserves the operator's attention without preventing start-up. */
    public record Result(ImpactFramework framework, List<String> warnings) {
    }

    private ImpactFrameworkReader() {
    }

    /**
     * @param source how the file is named in messages (its location)
     * @throws InvalidImpactFrameworkException with every problem of the file
     */
    public static Result read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidImpactFrameworkException(source,
                    List.of("not readable as YAML" + where + ": " + e.getOriginalMessage()));
        }
        return check(root, source);
    }

    private static Result check(JsonNode root, String source) {
        FrameworkProblems problems = new FrameworkProblems();
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidImpactFrameworkException(source, List.of("the file is empty"));
        }
        if (!root.isObject()) {
            throw new InvalidImpactFrameworkException(source, List.of("the file must be a mapping with 'indicators' and 'sets'"));
        }
        YamlFields file = new YamlFields(root, "file", problems);
        file.onlyKeys(KEYS);
        List<JsonNode> indicatorNodes = file.requiredMappings("indicators");
        List<JsonNode> setNodes = file.requiredMappings("sets");

        Map<String, Indicator> indicators = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        IndicatorReader reader = new IndicatorReader(problems);
        for (int i = 0; i < indicatorNodes.size(); i++) {
            JsonNode node = indicatorNodes.get(i);
            String id = node.hasNonNull("id") ? node.get("id").asText().strip() : null;
            if (id != null && !declared.add(id)) {
                problems.error("indicator '" + id + "'", "duplicate indicator id (indicator #" + (i + 1) + ")");
                continue;
            }
            Indicator indicator = reader.read(node, i + 1);
            if (indicator != null) {
                indicators.put(indicator.id(), indicator);
            }
        }
        List<IndicatorSet> sets = new IndicatorSetResolver(problems, indicators, declared).resolve(setNodes);
        if (problems.hasErrors()) {
            throw new InvalidImpactFrameworkException(source, problems.errors());
        }
        warnUnused(indicators, sets, problems);
        return new Result(new ImpactFramework(sets), problems.warnings());
    }

    /** An indicator in no set is never asked: likely a forgotten line, but harmless. */
    private static void warnUnused(Map<String, Indicator> indicators, List<IndicatorSet> sets, FrameworkProblems problems) {
        Set<String> used = new HashSet<>();
        sets.forEach(set -> set.indicators().forEach(i -> used.add(i.id())));
        indicators.keySet().stream().filter(id -> !used.contains(id))
                .forEach(id -> problems.warning("indicator '" + id + "'", "is in no set, so it is never asked"));
    }
}
