package fr.kiif.programmes.impact.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.kiif.programmes.impact.report.ImpactFigures.Category;

/** Statistical secrecy of the open data: no hidden count can be worked out from the others or from a share. */
class ImpactOpenDataSuppressionTest {

    @Test
    void aSingleSmallCategoryTakesTheNextSmallestWithIt() {
        // 5 laureates: 4 / 1 / 0. Hiding "1" alone would leave 5 - 4 - 0 = 1 readable.
        assertThat(ImpactOpenData.secretCategories(List.of(cat("1", 4), cat("2", 1), cat("3", 0)), 5))
                .containsExactlyInAnyOrder("1", "2");
        // 9 laureates: 5 / 3 / 1: the next smallest is 3.
        assertThat(ImpactOpenData.secretCategories(List.of(cat("1", 5), cat("2", 3), cat("3", 1)), 9))
                .containsExactlyInAnyOrder("2", "3");
    }

    @Test
    void twoSmallCategoriesProtectEachOtherAndLargeOnesStayVisible() {
        assertThat(ImpactOpenData.secretCategories(List.of(cat("1", 2), cat("2", 2), cat("3", 5)), 9))
                .containsExactlyInAnyOrder("1", "2");
        assertThat(ImpactOpenData.secretCategories(List.of(cat("1", 3), cat("2", 3), cat("3", 0)), 6)).isEmpty();
        assertThat(ImpactOpenData.secretCategories(List.of(cat("1", 1), cat("2", 1)), 2)).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void theShareOfYesIsLeftOutWhenEitherSideIsSmall() {
        assertThat(ImpactOpenData.smallShare(new BigDecimal("33.33"), 3)).isTrue();   // 1 oui, 2 non
        assertThat(ImpactOpenData.smallShare(new BigDecimal("80"), 5)).isTrue();      // 4 oui, 1 non
        assertThat(ImpactOpenData.smallShare(new BigDecimal("50"), 6)).isFalse();     // 3 and 3
        assertThat(ImpactOpenData.smallShare(new BigDecimal("100"), 4)).isFalse();    // all oui: nothing to single out
        assertThat(ImpactOpenData.smallShare(null, 4)).isFalse();
    }

    private static Category cat(String code, int count) {
        return new Category(code, code, count);
    }
}
