package fr.kiif.programmes.alliance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Incubators, départements and territories, loaded from replaceable CSV files. */
@Component
public class AllianceReferenceData {

    private final List<Incubator> incubators;

    public AllianceReferenceData(@Value("${kiif.alliance.incubators:classpath:alliance/incubators.csv}") Resource incubatorsFile) {
        this.incubators = read(incubatorsFile).stream()
                .map(r -> new Incubator(r.get("slug"), r.get("name"), r.get("region")))
                .toList();
    }

    public List<Incubator> incubators() {
        return incubators;
    }

    public Optional<Incubator> incubator(String slug) {
        return incubators.stream().filter(i -> i.slug().equals(slug)).findFirst();
    }

    static List<CSVRecord> read(Resource file) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return format.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data file " + file.getDescription(), e);
        }
    }
}
