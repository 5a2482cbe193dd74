package fr.kiif.programmes.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Start-up guard (DESIGN §5): outside the demo, refuse to start without a real admin password.
 * Runs on the prepared environment, before any bean exists, so nothing is seeded with a weak
 * password. Registered in META-INF/spring.factories.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment);
    }

    static void check(ConfigurableEnvironment environment) {
        if (environment.getProperty("kiif.demo.enabled", Boolean.class, false)) {
            return;
        }
        AdminPasswordPolicy.problem(environment.getProperty(AdminPasswordPolicy.PROPERTY))
                .ifPresent(problem -> {
                    throw new WeakAdminPasswordException(problem);
                });
    }

    @Override
    public int getOrder() {
        // After the config data (application*.yaml and profiles) has been loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
