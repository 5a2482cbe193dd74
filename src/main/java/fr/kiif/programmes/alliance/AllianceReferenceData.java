package fr.kiif.programmes.alliance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Incubators, départements and territories, loaded from replaceable CSV files.
 * The files are checked at load time so that a bad edit by an operator stops the start-up with a
 * message naming the file and line, instead of misrouting applications later.
 */
@Component
public class AllianceReferenceData {

    private final List<Incubator> incubators;
    private final List<Departement> departements;
    private final List<Territory> territories;
    private final Map<String, Departement> departementsByCode;
    private final Map<String, Territory> territoriesById;
    private final Map<String, Territory> territoriesByDepartement;

    public AllianceReferenceData(
            @Value("${kiif.alliance.incubators:classpath:alliance/incubators.csv}") Resource incubatorsFile,
            @Value("${kiif.alliance.departements:classpath:alliance/departements.csv}") Resource departementsFile,
            @Value("${kiif.alliance.territories:classpath:alliance/territories.csv}") Resource territoriesFile) {
        this.incubators = loadIncubators(incubatorsFile);
        this.departementsByCode = loadDepartements(departementsFile);
        this.departements = List.copyOf(departementsByCode.values());
        this.territoriesById = new LinkedHashMap<>();
        this.territoriesByDepartement = new HashMap<>();
        loadTerritories(territoriesFile);
        this.territories = List.copyOf(territoriesById.values());
    }

    /** The files shipped with the application; for tests and tools that run without Spring. */
    public static AllianceReferenceData fromDefaultFiles() {
        return new AllianceReferenceData(
                new ClassPathResource("alliance/incubators.csv"),
                new ClassPathResource("alliance/departements.csv"),
                new ClassPathResource("alliance/territories.csv"));
    }

    public List<Incubator> incubators() {
        return incubators;
    }

    public Optional<Incubator> incubator(String slug) {
        return incubators.stream().filter(i -> i.slug().equals(slug)).findFirst();
    }

    /** All départements, in file order. */
    public List<Departement> departements() {
        return departements;
    }

    public Optional<Departement> departement(String code) {
        return Optional.ofNullable(code).map(departementsByCode::get);
    }

    /** All territories, in file order. */
    public List<Territory> territories() {
        return territories;
    }

    public Optional<Territory> territory(String id) {
        return Optional.ofNullable(id).map(territoriesById::get);
    }

    /** The territory covering a département; empty when no member incubator covers it. */
    public Optional<Territory> territoryOfDepartement(String code) {
        return Optional.ofNullable(code).map(territoriesByDepartement::get);
    }

    private static List<Incubator> loadIncubators(Resource file) {
        Map<String, Incubator> bySlug = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        for (Row row : rows(file, "slug", "name", "region")) {
            String slug = row.required("slug");
            Long first = lines.putIfAbsent(slug, row.line());
            if (first != null) {
                throw row.invalid("duplicate incubator slug '" + slug + "' (already on line " + first + ")");
            }
            bySlug.put(slug, new Incubator(slug, row.required("name"), row.required("region")));
        }
        return List.copyOf(bySlug.values());
    }

    private static Map<String, Departement> loadDepartements(Resource file) {
        Map<String, Departement> byCode = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        for (Row row : rows(file, "code", "name", "region")) {
            String code = row.required("code");
            Long first = lines.putIfAbsent(code, row.line());
            if (first != null) {
                throw row.invalid("duplicate département code '" + code + "' (already on line " + first + ")");
            }
            byCode.put(code, new Departement(code, row.required("name"), row.required("region")));
        }
        return byCode;
    }

    private void loadTerritories(Resource file) {
        Map<String, Long> lines = new HashMap<>();
        for (Row row : rows(file, "id", "name", "incubator", "departements")) {
            String id = row.required("id");
            Long first = lines.putIfAbsent(id, row.line());
            if (first != null) {
                throw row.invalid("duplicate territory id '" + id + "' (already on line " + first + ")");
            }
            String name = row.required("name");
            String incubatorSlug = row.required("incubator");
            if (incubator(incubatorSlug).isEmpty()) {
                throw row.invalid("territory '" + id + "' names unknown incubator '" + incubatorSlug
                        + "' (not in the incubators file)");
            }
            List<String> codes = Arrays.asList(row.required("departements").split("\\s+"));
            Territory territory = new Territory(id, name, incubatorSlug, codes);
            for (String code : codes) {
                if (!departementsByCode.containsKey(code)) {
                    throw row.invalid("territory '" + id + "' names unknown département '" + code
                            + "' (not in the départements file)");
                }
                Territory other = territoriesByDepartement.putIfAbsent(code, territory);
                if (other != null) {
                    throw row.invalid("département '" + code + "' is in territory '" + id
                            + "' and already in territory '" + other.id() + "'");
                }
            }
            territoriesById.put(id, territory);
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    /** All records of a file, unchecked; kept for callers of the first version. */
    static List<CSVRecord> read(Resource file) {
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return FORMAT.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data file " + file.getDescription(), e);
        }
    }

    /** Records with the line where each ends, so that errors can point the operator to it. */
    private static List<Row> rows(Resource file, String... columns) {
        String description = file.getDescription();
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new IllegalStateException("Invalid reference data file " + description
                            + ": the header row must name the columns " + String.join(",", columns)
                            + " (column '" + column + "' is missing)");
                }
            }
            List<Row> rows = new ArrayList<>();
            // The iterator parses one record per step, so the parser's line number is that record's.
            for (CSVRecord record : parser) {
                Row row = new Row(description, record, parser.getCurrentLineNumber());
                if (record.size() != header.size()) {
                    throw row.invalid("expected " + header.size() + " fields (" + String.join(",", header)
                            + ") but found " + record.size());
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Cannot read reference data file " + description + ": " + e.getMessage(), e);
        }
    }

    private record Row(String file, CSVRecord record, long line) {

        String required(String column) {
            String value = record.get(column);
            if (value == null || value.isBlank()) {
                throw invalid("field '" + column + "' is blank");
            }
            return value.strip();
        }

        IllegalStateException invalid(String problem) {
            return new IllegalStateException("Invalid reference data file " + file + ", line " + line + ": " + problem);
        }
    }
}
