package fr.kiif.programmes.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void frenchSingularBelowTwoForPlainWordsOnly() {
        assertThat(Units.after(BigDecimal.ONE, "personnes")).isEqualTo(" personne");
        assertThat(Units.after(new BigDecimal("1.5"), "heures")).isEqualTo(" heure");
        assertThat(Units.after(BigDecimal.ZERO, "partenariats")).isEqualTo(" partenariat");
        assertThat(Units.after(BigDecimal.valueOf(2), "personnes")).isEqualTo(" personnes");
        assertThat(Units.after(BigDecimal.ONE, "ETP")).isEqualTo(" ETP");
        assertThat(Units.after(BigDecimal.ONE, "€")).isEqualTo(" €");
        assertThat(Units.after(BigDecimal.TEN, "")).isEmpty();
        assertThat(Units.after(BigDecimal.TEN, null)).isEmpty();
    }
}
