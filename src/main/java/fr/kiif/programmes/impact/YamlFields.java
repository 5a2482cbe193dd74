package fr.kiif.programmes.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of one mapping of the framework file; a missing or mistyped field is reported to
 * {@link FrameworkProblems} (and gives null) so that reading goes on and every problem is listed.
 */
final class YamlFields {

    private final JsonNode node;
    private final String where;
    private final FrameworkProblems problems;

    YamlFields(JsonNode node, String where, FrameworkProblems problems) {
        this.node = node;
        this.where = where;
        this.problems = problems;
    }

    String where() {
        return where;
    }

    boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** Reports keys the format does not know (a typo would otherwise be ignored silently). */
    void onlyKeys(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.error(where, "unknown key '" + name + "' (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    String text(String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.error(where, "missing '" + key + "'");
            }
            return null;
        }
        if (!value.isValueNode()) {
            problems.error(where, "'" + key + "' must be a text, not a list or a mapping");
            return null;
        }
        String text = value.asText().strip();
        if (required && text.isEmpty()) {
            problems.error(where, "'" + key + "' is empty");
            return null;
        }
        return text;
    }

    boolean bool(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.error(where, "'" + key + "' must be true or false, not '" + value.asText() + "'");
            return false;
        }
        return value.booleanValue();
    }

    BigDecimal number(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.error(where, "'" + key + "' must be a number, not '" + value.asText() + "'");
            return null;
        }
        return value.decimalValue();
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, boolean required) {
        String text = text(key, required);
        return text == null ? null : parse(key, text, type);
    }

    <E extends Enum<E>> E parse(String key, String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        problems.error(where, "unknown " + key + " '" + text + "' (expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        return null;
    }

    /** A list of texts; null (and a problem when required) if absent, or not a list of texts. */
    List<String> texts(String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.error(where, "missing '" + key + "'");
            }
            return null;
        }
        if (!value.isArray()) {
            problems.error(where, "'" + key + "' must be a list, e.g. [a, b]");
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull()) {
                problems.error(where, "'" + key + "' must list texts only");
                return null;
            }
            texts.add(item.asText().strip());
        }
        return texts;
    }

    /** The items of a list of mappings, or null. */
    List<JsonNode> mappings(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            problems.error(where, "'" + key + "' must be a list");
            return null;
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** A list of mappings that must be there and not empty; empty list (and a problem) otherwise. */
    List<JsonNode> requiredMappings(String key) {
        if (!has(key)) {
            problems.error(where, "missing '" + key + "'");
            return List.of();
        }
        List<JsonNode> items = mappings(key);
        if (items != null && items.isEmpty()) {
            problems.error(where, "'" + key + "' is empty");
        }
        return items == null ? List.of() : items;
    }
}
