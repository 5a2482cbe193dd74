package fr.kiif.programmes.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import fr.kiif.programmes.KiifProgrammesApplication;

/** A real start outside the demo profile stops before any bean exists. */
class AdminPasswordGuardTest {

    @Test
    void startOutsideDemoWithMissingPasswordFails() {
        assertThatThrownBy(() -> start("--kiif.admin.password="))
                .isInstanceOf(WeakAdminPasswordException.class)
                .hasMessageContaining("Refusing to start: kiif.admin.password is missing or blank")
                .hasMessageContaining("KIIF_ADMIN_PASSWORD");
    }

    @Test
    void startOutsideDemoWithDefaultPasswordFails() {
        assertThatThrownBy(() -> start("--kiif.admin.password=admin"))
                .isInstanceOf(WeakAdminPasswordException.class)
                .hasMessageContaining("known default");
    }

    private static void start(String passwordArgument) {
        // Profile "test" only: no demo, in-memory database if the guard ever let it through.
        new SpringApplicationBuilder(KiifProgrammesApplication.class)
                .profiles("test")
                .web(WebApplicationType.NONE)
                .run(passwordArgument, "--spring.datasource.url=jdbc:h2:mem:guard-test", "--kiif.demo.enabled=false")
                .close();
    }
}
