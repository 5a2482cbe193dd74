package fr.kiif.programmes.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** With a bad framework file the application refuses to start, with every problem in a readable report. */
class ImpactFrameworkStartupTest {

    @TempDir
    Path dir;

    /**
     * Only the loader, in a plain context: enough to see what start-up does with the file, without
     * a second Spring Boot application re-initialising the logging of the shared test context.
     */
    private static ConfigurableApplicationContext run(Path file) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("test", Map.of("kiif.impact.framework", "file:" + file)));
        context.register(ImpactFrameworkLoader.class);
        context.refresh();
        return context;
    }

    private Throwable start(String yaml) throws IOException {
        Path file = dir.resolve("indicateurs.yaml");
        Files.writeString(file, yaml);
        return catchThrowable(() -> run(file).close());
    }

    @Test
    void theFailureAnalyzerIsRegistered() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class, getClass().getClassLoader()))
                .contains(ImpactFrameworkFailureAnalyzer.class.getName());
    }

    @Test
    void aBadFileStopsTheStartUpWithAReportOfAllItsProblems() throws IOException {
        Throwable failure = start("indicators:\n"
                + "  - { id: a, label: A, level: PROJECT, type: TEXT, phases: [SOMETIME] }\n"
                + "sets:\n  - { id: base, label: Base, indicators: [a, b] }\n");

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).isInstanceOf(InvalidImpactFrameworkException.class);
        FailureAnalysis analysis = new ImpactFrameworkFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("indicateurs.yaml has 2 problems")
                .contains("indicator 'a': unknown phase 'SOMETIME'").contains("set 'base': unknown indicator 'b'");
        assertThat(analysis.getAction()).contains("docs/impact-framework.md").contains("KIIF_IMPACT_FRAMEWORK");
    }

    @Test
    void aMissingFileIsNamed() {
        Throwable failure = catchThrowable(() -> run(dir.resolve("absent.yaml")).close());
        FailureAnalysis analysis = new ImpactFrameworkFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("absent.yaml").contains("the file does not exist or cannot be opened");
    }

    @Test
    void aGoodFileGivesTheFrameworkBean() throws IOException {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "indicators:\n  - { id: a, label: A, level: PROJECT, type: TEXT, phases: [FINAL] }\n"
                + "sets:\n  - { id: base, label: Base, indicators: [a] }\n");
        try (ConfigurableApplicationContext context = run(file)) {
            assertThat(context.getBean(ImpactFramework.class).hasSet("base")).isTrue();
        }
    }
}
