package fr.kiif.programmes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordPolicyTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "demo", "DEMO", "admin", "Admin2026!", "password", "P@ssw0rd", "camunda",
            "changeme", "123456", "12345678", "kiif", "Kiif2026", "kiif-programmes", "azerty123", "secret!!"})
    void refusesMissingAndKnownDefaults(String password) {
        assertThat(AdminPasswordPolicy.problem(password)).isPresent();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(AdminPasswordPolicy.problem("x9#Tq")).get().asString().contains("shorter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct-horse-battery", "T9v!rQ2m#Lp4", "Incubateurs&Territoires-27"})
    void acceptsStrongPasswords(String password) {
        assertThat(AdminPasswordPolicy.problem(password)).isEmpty();
    }

    @Test
    void guardRefusesDefaultOutsideDemo() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("kiif.demo.enabled", "false")
                .withProperty("kiif.admin.password", "changeme");
        assertThatThrownBy(() -> AdminPasswordGuard.check(environment))
                .isInstanceOf(WeakAdminPasswordException.class)
                .hasMessageContaining("KIIF_ADMIN_PASSWORD")
                .hasMessageContaining("known default");
    }

    @Test
    void guardAcceptsStrongPasswordOutsideDemo() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("kiif.admin.password", "correct-horse-battery");
        AdminPasswordGuard.check(environment);
    }

    @Test
    void guardLeavesTheDemoAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty("kiif.demo.enabled", "true");
        AdminPasswordGuard.check(environment);
    }
}
