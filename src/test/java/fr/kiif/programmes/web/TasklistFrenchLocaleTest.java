package fr.kiif.programmes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist's French labels ({@code locales/fr.json}, ours) against the English ones of the Camunda webjar on the
 * classpath: after a Camunda upgrade that adds labels, this fails and names them (French is Tasklist's only
 * language here, so a missing label would show as its key).
 */
class TasklistFrenchLocaleTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/tasklist/locales/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\w+\\s*}}");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEnglishLabelAndDateSettingHasItsFrenchCounterpart() throws IOException {
        JsonNode english = read("en.json");
        JsonNode french = read("fr.json");
        assertThat(paths(french, "")).containsExactlyElementsOf(paths(english, ""));
    }

    @Test
    void placeholdersAndMarkupAreKeptAndNothingIsLeftEmpty() throws IOException {
        JsonNode english = read("en.json").get("labels");
        JsonNode french = read("fr.json").get("labels");
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> label = it.next();
            String en = label.getValue().asText();
            String fr = french.path(label.getKey()).asText();
            if (!en.isEmpty() && fr.isBlank()) {
                problems.add(label.getKey() + ": empty");
            }
            for (Pattern kept : List.of(PLACEHOLDER, TAG)) {
                if (!matches(kept, fr).equals(matches(kept, en))) {
                    problems.add(label.getKey() + ": " + matches(kept, en) + " became " + matches(kept, fr));
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(french.get("COMPLETE").asText()).isNotEqualTo(english.get("COMPLETE").asText());
    }

    private JsonNode read(String file) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(LOCALES + file)) {
            assertThat(in).as(LOCALES + file).isNotNull();
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // Camunda's own files start with a byte order mark.
            return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    private static TreeSet<String> paths(JsonNode node, String prefix) {
        TreeSet<String> paths = new TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> paths.addAll(paths(e.getValue(), prefix + "/" + e.getKey())));
        } else if (node.isArray()) {
            paths.add(prefix + "[" + node.size() + "]");
        } else {
            paths.add(prefix);
        }
        return paths;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        found.sort(null);
        return found;
    }
}
