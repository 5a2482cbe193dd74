package fr.kiif.programmes.impact;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * Reads the impact framework file ({@code kiif.impact.framework}, YAML) at start-up. A file with
 * problems stops the start-up with all of them listed ({@link ImpactFrameworkFailureAnalyzer}).
 */
@Configuration
public class ImpactFrameworkLoader {

    private static final Logger log = LoggerFactory.getLogger(ImpactFrameworkLoader.class);

    @Bean
    public ImpactFramework impactFramework(@Value("${kiif.impact.framework}") Resource file) throws IOException {
        String source = name(file);
        ImpactFrameworkReader.Result result;
        try (InputStream in = file.getInputStream()) {
            result = ImpactFrameworkReader.read(in, source);
        } catch (FileNotFoundException e) {
            throw new InvalidImpactFrameworkException(source, List.of("the file does not exist or cannot be opened"));
        }
        result.warnings().forEach(warning -> log.warn("Impact framework {}: {}", source, warning));
        log.info("Impact framework loaded from {}: sets {}", source,
                result.framework().sets().stream().map(s -> s.id() + " (" + s.indicators().size() + " indicators)").toList());
        return result.framework();
    }

    /** The file's path when it is one (what the operator set), else Spring's description of the resource. */
    private static String name(Resource file) {
        try {
            return file.isFile() ? file.getFile().getPath() : file.getDescription();
        } catch (IOException e) {
            return file.getDescription();
        }
    }

    /** Reads a framework without Spring (tests); throws {@link InvalidImpactFrameworkException} on problems. */
    public static ImpactFramework load(InputStream in) throws IOException {
        return ImpactFrameworkReader.read(in, "(stream)").framework();
    }
}
