package fr.kiif.programmes.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of invalid framework file is refused with a message naming the indicator or set and the problem. */
class ImpactFrameworkValidationTest {

    private static final String SETS = """
            sets:
              - id: base
                label: "Base"
                indicators: [confidence]
            """;

    private static ImpactFrameworkReader.Result read(String yaml) throws IOException {
        return ImpactFrameworkReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static List<String> problems(String yaml) {
        try {
            read(yaml);
        } catch (InvalidImpactFrameworkException e) {
            assertThat(e.source()).isEqualTo("test.yaml");
            return e.problems();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + yaml);
    }

    /** A file with one indicator "confidence" whose body lines are given (indented under the list item). */
    private static String indicator(String... lines) {
        StringBuilder yaml = new StringBuilder("indicators:\n  - id: confidence\n");
        for (String line : lines) {
            yaml.append("    ").append(line).append('\n');
        }
        return yaml + SETS;
    }

    private static String[] valid(String type, String... extra) {
        List<String> lines = new java.util.ArrayList<>(List.of("label: \"Confiance\"", "level: ENTREPRENEUR",
                "type: " + type, "phases: [BASELINE, FINAL]"));
        lines.addAll(List.of(extra));
        return lines.toArray(String[]::new);
    }

    @Test
    void aValidFileLoads() throws IOException {
        ImpactFrameworkReader.Result result = read(indicator(valid("SCALE", "required: true", "sensitive: true",
                "help: \"De 1 à 5.\"", "min: 1", "max: 5")));
        IndicatorSet set = result.framework().set("base");
        assertThat(set.label()).isEqualTo("Base");
        Indicator confidence = set.indicator("confidence").orElseThrow();
        assertThat(confidence.required()).isTrue();
        assertThat(confidence.sensitive()).isTrue();
        assertThat(confidence.help()).isEqualTo("De 1 à 5.");
        assertThat(confidence.phases()).containsExactly(ImpactPhase.BASELINE, ImpactPhase.FINAL);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void unreadableYamlIsReportedWithItsLine() {
        assertThat(problems("indicators:\n  - id: a\n    label: \"unterminated\n"))
                .singleElement().asString().startsWith("not readable as YAML at line");
    }

    @Test
    void aKeyWrittenTwiceIsUnreadable() {
        assertThat(problems(indicator(valid("SCALE", "level: PROJECT"))))
                .singleElement().asString().contains("not readable as YAML").contains("level");
    }

    @Test
    void emptyFileAndWrongShape() {
        assertThat(problems("")).containsExactly("the file is empty");
        assertThat(problems("- a\n- b\n")).containsExactly("the file must be a mapping with 'indicators' and 'sets'");
        assertThat(problems("indicators: []\n")).containsExactly("file: 'indicators' is empty", "file: missing 'sets'");
    }

    @Test
    void unknownKeysAreNamed() {
        assertThat(problems("version: 2\n" + indicator(valid("SCALE", "mandatory: true"))))
                .containsExactly("file: unknown key 'version' (allowed: indicators, sets)",
                        "indicator 'confidence': unknown key 'mandatory' (allowed: id, label, help, level, type, unit, "
                                + "phases, required, sensitive, min, max, choices, prefill)");
    }

    @Test
    void missingFieldsAreAllListed() {
        assertThat(problems("indicators:\n  - help: \"?\"\n" + SETS)).containsExactly(
                "indicator #1 (no id): missing 'id'",
                "indicator #1 (no id): missing 'label'",
                "indicator #1 (no id): missing 'level'",
                "indicator #1 (no id): missing 'type'",
                "indicator #1 (no id): missing 'phases'",
                "set 'base': unknown indicator 'confidence'");
    }

    @Test
    void emptyLabelAndEmptyPhases() {
        assertThat(problems(indicator("label: \"  \"", "level: PROJECT", "type: TEXT", "phases: []")))
                .containsExactly("indicator 'confidence': 'label' is empty",
                        "indicator 'confidence': 'phases' is empty: list at least one of BASELINE, MIDTERM, FINAL");
    }

    @Test
    void duplicateIndicatorId() {
        String yaml = "indicators:\n"
                + "  - { id: confidence, label: A, level: PROJECT, type: TEXT, phases: [BASELINE] }\n"
                + "  - { id: confidence, label: B, level: PROJECT, type: TEXT, phases: [FINAL] }\n" + SETS;
        assertThat(problems(yaml)).containsExactly("indicator 'confidence': duplicate indicator id (indicator #2)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Confidence", "founder_confidence", "-confidence", "confiance-à-soi"})
    void badIdFormat(String id) {
        String yaml = "indicators:\n  - { id: " + id + ", label: A, level: PROJECT, type: TEXT, phases: [BASELINE] }\n"
                + "sets:\n  - { id: base, label: Base, indicators: [" + id + "] }\n";
        assertThat(problems(yaml)).containsExactly("indicator '" + id + "': bad id format (lower-case letters, digits "
                + "and dashes, 64 characters at most, not starting with a dash)");
    }

    @Test
    void unknownLevelTypePhaseAndPrefill() {
        assertThat(problems(indicator("label: A", "level: PERSON", "type: BOOLEAN", "phases: [BASELINE, END]",
                "prefill: REVENUE"))).containsExactly(
                "indicator 'confidence': unknown level 'PERSON' (expected one of ENTREPRENEUR, PROJECT, TERRITORY)",
                "indicator 'confidence': unknown type 'BOOLEAN' (expected one of INTEGER, DECIMAL, PERCENTAGE, SCALE, "
                        + "YES_NO, SINGLE_CHOICE, TEXT)",
                "indicator 'confidence': unknown phase 'END' (expected one of BASELINE, MIDTERM, FINAL)",
                "indicator 'confidence': unknown prefill 'REVENUE' (expected one of TEAM_SIZE, FUNDS_RAISED)");
    }

    @Test
    void phaseListedTwiceAndWrongValueKinds() {
        assertThat(problems(indicator("label: A", "level: PROJECT", "type: INTEGER", "phases: [FINAL, FINAL]",
                "required: oui", "min: zero"))).containsExactly(
                "indicator 'confidence': phase FINAL listed twice",
                "indicator 'confidence': 'required' must be true or false, not 'oui'",
                "indicator 'confidence': 'min' must be a number, not 'zero'");
    }

    @Test
    void singleChoiceNeedsChoices() {
        assertThat(problems(indicator(valid("SINGLE_CHOICE"))))
                .containsExactly("indicator 'confidence': type SINGLE_CHOICE needs 'choices' with at least two options "
                        + "({ code, label })");
        assertThat(problems(indicator(valid("SINGLE_CHOICE", "choices:", "  - { code: ONLY, label: Seule }"))))
                .containsExactly("indicator 'confidence': type SINGLE_CHOICE needs 'choices' with at least two options "
                        + "({ code, label })");
    }

    @Test
    void duplicatedOrIncompleteChoices() {
        assertThat(problems(indicator(valid("SINGLE_CHOICE", "choices:", "  - { code: LOW, label: Faible }",
                "  - { code: LOW, label: Basse }", "  - { code: HIGH }", "  - { code: \"très haut\", label: X, rank: 3 }"))))
                .containsExactly(
                        "indicator 'confidence', choice #2: duplicate code 'LOW'",
                        "indicator 'confidence', choice #3: missing 'label'",
                        "indicator 'confidence', choice #4: unknown key 'rank' (allowed: code, label)",
                        "indicator 'confidence', choice #4: bad code 'très haut' (letters, digits, '_' and '-', 64 "
                                + "characters at most)");
    }

    @Test
    void choicesOnOtherTypes() {
        assertThat(problems(indicator(valid("SCALE", "choices:", "  - { code: A, label: A }",
                "  - { code: B, label: B }"))))
                .containsExactly("indicator 'confidence': 'choices' is only for type SINGLE_CHOICE, not SCALE");
    }

    @Test
    void minGreaterThanMax() {
        assertThat(problems(indicator(valid("DECIMAL", "min: 10", "max: 2.5"))))
                .containsExactly("indicator 'confidence': min 10 is greater than max 2.5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"TEXT", "SINGLE_CHOICE", "YES_NO"})
    void minAndMaxOnNonNumericTypes(String type) {
        String[] lines = type.equals("SINGLE_CHOICE")
                ? valid(type, "max: 3", "choices:", "  - { code: A, label: A }", "  - { code: B, label: B }")
                : valid(type, "max: 3");
        assertThat(problems(indicator(lines))).containsExactly("indicator 'confidence': 'min' and 'max' are only for "
                + "INTEGER, DECIMAL, PERCENTAGE and SCALE, not " + type);
    }

    @Test
    void scaleAndPercentageBounds() {
        assertThat(problems(indicator(valid("SCALE", "min: 0", "max: 10")))).containsExactly(
                "indicator 'confidence': bound 0 is outside the 1–5 range of type SCALE",
                "indicator 'confidence': bound 10 is outside the 1–5 range of type SCALE");
        assertThat(problems(indicator(valid("PERCENTAGE", "max: 120"))))
                .containsExactly("indicator 'confidence': bound 120 is outside the 0–100 range of type PERCENTAGE");
        assertThat(problems(indicator(valid("INTEGER", "min: 0.5"))))
                .containsExactly("indicator 'confidence': min 0.5 of an INTEGER indicator must be a whole number");
    }

    @Test
    void prefillOnlyOnNumbers() {
        assertThat(problems(indicator(valid("TEXT", "prefill: TEAM_SIZE")))).containsExactly(
                "indicator 'confidence': prefill TEAM_SIZE needs type INTEGER or DECIMAL (the application's answer "
                        + "is a number), not TEXT");
    }

    @Test
    void setWithUnknownIndicatorOrInclude() {
        String yaml = "indicators:\n  - { id: confidence, label: A, level: PROJECT, type: TEXT, phases: [BASELINE] }\n"
                + "sets:\n  - { id: base, label: Base, includes: [common], indicators: [confidence, jobs] }\n";
        assertThat(problems(yaml)).containsExactly("set 'base': includes unknown set 'common'",
                "set 'base': unknown indicator 'jobs'");
    }

    @Test
    void cyclicIncludes() {
        String yaml = "indicators:\n  - { id: confidence, label: A, level: PROJECT, type: TEXT, phases: [BASELINE] }\n"
                + "sets:\n"
                + "  - { id: a, label: A, includes: [b], indicators: [confidence] }\n"
                + "  - { id: b, label: B, includes: [c] }\n"
                + "  - { id: c, label: C, includes: [a] }\n";
        assertThat(problems(yaml)).containsExactly("set 'a': cyclic include: a → b → c → a");
    }

    @Test
    void duplicateSetIdAndBadSetId() {
        String yaml = "indicators:\n  - { id: confidence, label: A, level: PROJECT, type: TEXT, phases: [BASELINE] }\n"
                + "sets:\n"
                + "  - { id: base, label: A, indicators: [confidence] }\n"
                + "  - { id: base, label: B, indicators: [confidence] }\n"
                + "  - { id: Theme, label: C, indicators: [confidence] }\n";
        assertThat(problems(yaml)).containsExactly("set 'base': duplicate set id (set #2)",
                "set 'Theme': bad id format (lower-case letters, digits and dashes, 64 characters at most, not "
                        + "starting with a dash)");
    }

    @Test
    void emptySetAndIndicatorListedTwice() {
        String yaml = "indicators:\n  - { id: confidence, label: A, level: PROJECT, type: TEXT, phases: [BASELINE] }\n"
                + "sets:\n"
                + "  - { id: base, label: A, indicators: [confidence, confidence] }\n"
                + "  - { id: theme, label: B, includes: [other], indicators: [confidence] }\n"
                + "  - { id: other, label: C, indicators: [] }\n"
                + "  - { id: nothing, label: D }\n";
        assertThat(problems(yaml)).containsExactly(
                "set 'nothing': missing 'indicators'",
                "set 'base': lists indicator 'confidence' twice",
                "set 'other': has no indicator");
    }

    @Test
    void indicatorAlreadyIncluded() {
        String yaml = "indicators:\n  - { id: confidence, label: A, level: PROJECT, type: TEXT, phases: [BASELINE] }\n"
                + "sets:\n"
                + "  - { id: theme, label: B, includes: [base], indicators: [confidence] }\n"
                + "  - { id: base, label: A, indicators: [confidence] }\n";
        assertThat(problems(yaml)).containsExactly(
                "set 'theme': lists indicator 'confidence' that it already has through set 'base'");
    }

    @Test
    void includesMayComeInAnyOrder() throws IOException {
        String yaml = "indicators:\n"
                + "  - { id: confidence, label: A, level: PROJECT, type: TEXT, phases: [BASELINE] }\n"
                + "  - { id: jobs, label: B, level: PROJECT, type: DECIMAL, phases: [FINAL] }\n"
                + "sets:\n"
                + "  - { id: theme, label: T, includes: [base], indicators: [jobs] }\n"
                + "  - { id: base, label: A, indicators: [confidence] }\n";
        assertThat(read(yaml).framework().set("theme").indicators()).extracting(Indicator::id)
                .containsExactly("confidence", "jobs");
    }

    @Test
    void anIndicatorInNoSetIsAWarning() throws IOException {
        String yaml = "indicators:\n"
                + "  - { id: confidence, label: A, level: PROJECT, type: TEXT, phases: [BASELINE] }\n"
                + "  - { id: unused, label: B, level: PROJECT, type: TEXT, phases: [BASELINE] }\n" + SETS;
        assertThat(read(yaml).warnings()).containsExactly("indicator 'unused': is in no set, so it is never asked");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() {
        String yaml = "indicators:\n"
                + "  - { id: a, label: A, level: PROJECT, type: SCALE, phases: [BASELINE], max: 7 }\n"
                + "  - { id: b, label: B, level: CITY, type: TEXT, phases: [FINAL] }\n"
                + "sets:\n  - { id: base, label: Base, indicators: [a, b, c] }\n";
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(InvalidImpactFrameworkException.class)
                .hasMessageContaining("test.yaml has 3 problems")
                .hasMessageContaining("indicator 'a': bound 7 is outside the 1–5 range of type SCALE")
                .hasMessageContaining("indicator 'b': unknown level 'CITY'")
                .hasMessageContaining("set 'base': unknown indicator 'c'");
    }
}
