package fr.kiif.programmes.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The framework shipped in src/main/resources loads without warning and has the shape the other parts rely on. */
class DefaultImpactFrameworkTest {

    private static ImpactFrameworkReader.Result result;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = new ClassPathResource("impact/indicateurs.yaml").getInputStream()) {
            result = ImpactFrameworkReader.read(in, "indicateurs.yaml");
        }
    }

    @Test
    void loadsWithoutWarning() {
        assertThat(result.warnings()).isEmpty();
        assertThat(result.framework().sets()).extracting(IndicatorSet::id).containsExactly("socle-kiif", "fin-de-vie-deuil");
    }

    @Test
    void theCommonSetHasAboutTwentyFiveIndicatorsOnTheThreeLevels() {
        IndicatorSet socle = result.framework().set("socle-kiif");
        assertThat(socle.indicators()).hasSizeBetween(20, 30);
        Map<IndicatorLevel, Long> perLevel = socle.indicators().stream()
                .collect(Collectors.groupingBy(Indicator::level, Collectors.counting()));
        assertThat(perLevel).containsOnlyKeys(IndicatorLevel.values());
        assertThat(perLevel.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(5));
        assertThat(socle.indicators()).allSatisfy(i -> {
            assertThat(i.label()).isNotBlank();
            assertThat(i.phases()).isNotEmpty();
        });
        assertThat(socle.asks(ImpactPhase.BASELINE)).isTrue();
        assertThat(socle.asks(ImpactPhase.MIDTERM)).isTrue();
        assertThat(socle.asks(ImpactPhase.FINAL)).isTrue();
    }

    @Test
    void theIdsOtherPartsRelyOnKeepTheirDefinition() {
        IndicatorSet set = result.framework().set("fin-de-vie-deuil");
        assertThat(type(set, "founder-confidence")).isEqualTo(IndicatorType.SCALE);
        assertThat(set.indicator("founder-isolation").orElseThrow().sensitive()).isTrue();
        assertThat(type(set, "founder-paid")).isEqualTo(IndicatorType.YES_NO);
        assertThat(set.indicator("team-size").orElseThrow().prefill()).isEqualTo(PrefillSource.TEAM_SIZE);
        assertThat(type(set, "jobs-fte")).isEqualTo(IndicatorType.DECIMAL);
        Indicator funds = set.indicator("funds-raised").orElseThrow();
        assertThat(funds.prefill()).isEqualTo(PrefillSource.FUNDS_RAISED);
        assertThat(funds.unit()).isEqualTo("€");
        assertThat(set.indicator("own-revenue-share").orElseThrow().required()).isFalse();
        assertThat(set.indicator("territorial-cooperation").orElseThrow().choices()).extracting(IndicatorChoice::code)
                .containsExactly("NONE", "OCCASIONAL", "REGULAR", "FORMAL");
        assertThat(set.indicator("territorial-need").orElseThrow().phases()).containsExactly(ImpactPhase.BASELINE);
        assertThat(type(set, "people-accompanied")).isEqualTo(IndicatorType.INTEGER);
        // Only the starter file's required indicators stay required: a longer questionnaire is answered less.
        assertThat(set.indicators().stream().filter(Indicator::required).map(Indicator::id)).containsExactlyInAnyOrder(
                "founder-confidence", "founder-isolation", "founder-paid", "team-size", "jobs-fte", "funds-raised",
                "territorial-cooperation", "people-accompanied");
    }

    @Test
    void theThemeSetAddsTheEndOfLifeAndGriefIndicatorsToTheCommonSet() {
        IndicatorSet socle = result.framework().set("socle-kiif");
        IndicatorSet theme = result.framework().set("fin-de-vie-deuil");
        assertThat(theme.indicators()).startsWith(socle.indicators().toArray(Indicator[]::new));
        List<String> added = theme.indicators().subList(socle.indicators().size(), theme.indicators().size())
                .stream().map(Indicator::id).toList();
        assertThat(added).containsExactly("people-accompanied", "carers-supported", "volunteers-trained",
                "health-partnerships", "funeral-partnerships", "social-partnerships");
        assertThat(socle.indicator("people-accompanied")).isEmpty();
    }

    private static IndicatorType type(IndicatorSet set, String id) {
        return set.indicator(id).orElseThrow().type();
    }
}
