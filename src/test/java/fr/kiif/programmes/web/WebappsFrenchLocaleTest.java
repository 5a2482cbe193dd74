package fr.kiif.programmes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The French labels of the Camunda webapps ({@code app/<name>/locales/fr.json}, ours) against the English ones of
 * the Camunda webjar on the classpath: after a Camunda upgrade that adds labels, this fails and names them (French
 * is the only language offered, so a missing label would show as its key).
 */
class WebappsFrenchLocaleTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[\\w.]+\\s*}}|%[sd]");
    /** HTML markup (lower-case names): a value such as "<Opération>" is text, not a tag. */
    private static final Pattern TAG = Pattern.compile("</?[a-z][a-z0-9]*(\\s[^>]*)?/?>|&[a-z]+;");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishLabelAndDateSettingHasItsFrenchCounterpart(String app) throws IOException {
        assertThat(paths(read(app, "fr.json"), "")).containsExactlyElementsOf(paths(read(app, "en.json"), ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void placeholdersAndMarkupAreKeptAndNothingIsLeftEmpty(String app) throws IOException {
        JsonNode english = read(app, "en.json").get("labels");
        JsonNode french = read(app, "fr.json").get("labels");
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
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void ourConfigurationOffersFrenchOnly(String app) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(APPS + app + "/scripts/config.js")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("availableLocales: ['fr']").contains("fallbackLocale: 'fr'");
        }
    }

    private JsonNode read(String app, String file) throws IOException {
        String path = APPS + app + "/locales/" + file;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
