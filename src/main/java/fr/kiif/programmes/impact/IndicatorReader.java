package fr.kiif.programmes.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads and checks one entry of the file's {@code indicators} list. */
final class IndicatorReader {

    /** Ids are stored in varchar(64) columns and appear in URLs and exports. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern CHOICE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int MAX_LABEL = 300;

    private static final Set<String> KEYS = new LinkedHashSet<>(List.of("id", "label", "help", "level", "type", "unit",
            "phases", "required", "sensitive", "min", "max", "choices", "prefill"));
    private static final Set<String> CHOICE_KEYS = new LinkedHashSet<>(List.of("code", "label"));
    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final FrameworkProblems problems;

    IndicatorReader(FrameworkProblems problems) {
        this.problems = problems;
    }

    /** @return the indicator, or null when the entry has a problem (reported) */
    Indicator read(JsonNode node, int position) {
        if (!node.isObject()) {
            problems.error("indicator #" + position, "must be a mapping with id, label, level, type and phases");
            return null;
        }
        String rawId = node.hasNonNull("id") ? node.get("id").asText().strip() : "";
        String where = rawId.isEmpty() ? "indicator #" + position + " (no id)" : "indicator '" + rawId + "'";
        int before = problems.errors().size();
        YamlFields f = new YamlFields(node, where, problems);
        f.onlyKeys(KEYS);

        String id = f.text("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            problems.error(where, "bad id format (lower-case letters, digits and dashes, 64 characters at most, "
                    + "not starting with a dash)");
        }
        String label = f.text("label", true);
        if (label != null && label.length() > MAX_LABEL) {
            problems.error(where, "label longer than " + MAX_LABEL + " characters");
        }
        String help = f.text("help", false);
        IndicatorLevel level = f.enumValue("level", IndicatorLevel.class, true);
        IndicatorType type = f.enumValue("type", IndicatorType.class, true);
        String unit = f.text("unit", false);
        Set<ImpactPhase> phases = phases(f);
        boolean required = f.bool("required");
        boolean sensitive = f.bool("sensitive");
        BigDecimal min = f.number("min");
        BigDecimal max = f.number("max");
        List<IndicatorChoice> choices = choices(f, node.get("choices"), type);
        PrefillSource prefill = f.enumValue("prefill", PrefillSource.class, false);

        if (type != null) {
            checkBounds(where, type, min, max);
            if (prefill != null && type != IndicatorType.INTEGER && type != IndicatorType.DECIMAL) {
                problems.error(where, "prefill " + prefill + " needs type INTEGER or DECIMAL (the application's "
                        + "answer is a number), not " + type);
            }
        }
        if (problems.errors().size() > before) {
            return null;
        }
        return new Indicator(id, label, help == null ? "" : help, level, type, unit == null ? "" : unit,
                EnumSet.copyOf(phases), required, sensitive, min, max, choices, prefill);
    }

    private Set<ImpactPhase> phases(YamlFields f) {
        List<String> names = f.texts("phases", true);
        Set<ImpactPhase> phases = EnumSet.noneOf(ImpactPhase.class);
        if (names == null) {
            return phases;
        }
        if (names.isEmpty()) {
            problems.error(f.where(), "'phases' is empty: list at least one of BASELINE, MIDTERM, FINAL");
        }
        for (String name : names) {
            ImpactPhase phase = f.parse("phase", name, ImpactPhase.class);
            if (phase != null && !phases.add(phase)) {
                problems.error(f.where(), "phase " + phase + " listed twice");
            }
        }
        return phases;
    }

    private List<IndicatorChoice> choices(YamlFields f, JsonNode node, IndicatorType type) {
        List<JsonNode> items = f.mappings("choices");
        if (type == null) {
            return List.of();
        }
        if (type != IndicatorType.SINGLE_CHOICE) {
            if (node != null && !node.isNull()) {
                problems.error(f.where(), "'choices' is only for type SINGLE_CHOICE, not " + type);
            }
            return List.of();
        }
        if (items == null || items.size() < 2) {
            problems.error(f.where(), "type SINGLE_CHOICE needs 'choices' with at least two options ({ code, label })");
            return List.of();
        }
        List<IndicatorChoice> choices = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String where = f.where() + ", choice #" + (i + 1);
            if (!items.get(i).isObject()) {
                problems.error(where, "must be a mapping { code, label }");
                continue;
            }
            YamlFields choice = new YamlFields(items.get(i), where, problems);
            choice.onlyKeys(CHOICE_KEYS);
            String code = choice.text("code", true);
            String label = choice.text("label", true);
            if (code != null && !CHOICE_CODE.matcher(code).matches()) {
                problems.error(where, "bad code '" + code + "' (letters, digits, '_' and '-', 64 characters at most)");
            } else if (code != null && !codes.add(code)) {
                problems.error(where, "duplicate code '" + code + "'");
            }
            choices.add(new IndicatorChoice(code, label));
        }
        return List.copyOf(choices);
    }

    /** min/max only where they mean something, and inside the type's own range. */
    private void checkBounds(String where, IndicatorType type, BigDecimal min, BigDecimal max) {
        if (min == null && max == null) {
            return;
        }
        if (!type.numeric() || type == IndicatorType.YES_NO) {
            problems.error(where, "'min' and 'max' are only for INTEGER, DECIMAL, PERCENTAGE and SCALE, not " + type);
            return;
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.error(where, "min " + min.toPlainString() + " is greater than max " + max.toPlainString());
        }
        switch (type) {
            case SCALE -> within(where, type, min, max, ONE, FIVE);
            case PERCENTAGE -> within(where, type, min, max, ZERO, HUNDRED);
            case INTEGER -> {
                whole(where, "min", min);
                whole(where, "max", max);
            }
            default -> { }
        }
    }

    private void within(String where, IndicatorType type, BigDecimal min, BigDecimal max, BigDecimal low, BigDecimal high) {
        for (BigDecimal bound : new BigDecimal[] {min, max}) {
            if (bound != null && (bound.compareTo(low) < 0 || bound.compareTo(high) > 0)) {
                problems.error(where, "bound " + bound.toPlainString() + " is outside the " + low + "–" + high
                        + " range of type " + type);
            }
        }
    }

    private void whole(String where, String key, BigDecimal bound) {
        if (bound != null && bound.stripTrailingZeros().scale() > 0) {
            problems.error(where, key + " " + bound.toPlainString() + " of an INTEGER indicator must be a whole number");
        }
    }
}
