package fr.kiif.programmes.impact;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the impact framework file ({@code kiif.impact.framework}, YAML) at start-up.
 * TODO(framework helper): full validation with clear messages, see the contract.
 */
@Configuration
public class ImpactFrameworkLoader {

    @Bean
    public ImpactFramework impactFramework(@Value("${kiif.impact.framework}") Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return load(in);
        }
    }

    public static ImpactFramework load(InputStream in) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        FrameworkFile file = yaml.readValue(in, FrameworkFile.class);
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        for (IndicatorEntry e : file.indicators) {
            indicators.put(e.id, new Indicator(e.id, e.label, e.help == null ? "" : e.help, e.level, e.type,
                    e.unit == null ? "" : e.unit, EnumSet.copyOf(e.phases), e.required, e.sensitive, e.min, e.max,
                    e.choices == null ? List.of() : e.choices, e.prefill));
        }
        Map<String, IndicatorSet> sets = new LinkedHashMap<>();
        for (SetEntry s : file.sets) {
            List<Indicator> members = new ArrayList<>();
            for (String included : s.includes == null ? List.<String>of() : s.includes) {
                members.addAll(sets.get(included).indicators());
            }
            s.indicators.forEach(id -> members.add(indicators.get(id)));
            sets.put(s.id, new IndicatorSet(s.id, s.label, s.description == null ? "" : s.description, List.copyOf(members)));
        }
        return new ImpactFramework(List.copyOf(sets.values()));
    }

    /** The file's shape. */
    static class FrameworkFile {
        public List<IndicatorEntry> indicators = List.of();
        public List<SetEntry> sets = List.of();
    }

    static class IndicatorEntry {
        public String id;
        public String label;
        public String help;
        public IndicatorLevel level;
        public IndicatorType type;
        public String unit;
        public List<ImpactPhase> phases = List.of();
        public boolean required;
        public boolean sensitive;
        public BigDecimal min;
        public BigDecimal max;
        public List<IndicatorChoice> choices;
        public PrefillSource prefill;
    }

    static class SetEntry {
        public String id;
        public String label;
        public String description;
        public List<String> includes;
        public List<String> indicators = List.of();
    }
}
