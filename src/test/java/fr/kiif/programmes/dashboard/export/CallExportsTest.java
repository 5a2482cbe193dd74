package fr.kiif.programmes.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.cohort.CohortEvent;
import fr.kiif.programmes.cohort.CohortEvents;
import fr.kiif.programmes.selection.JuryService;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * The call exports on a call with known rows, all made by the real processes: Atis (Gironde) has a laureate
 * and a waitlisted application, Ronalpia (Lyon et Ain) a laureate; one review each; the Atis laureate attended
 * a 2.5-hour collective event.
 */
class CallExportsTest extends SpringTestBase {

    /** The seeded call, shared by the tests of this class (the context is shared too). */
    record Seed(String callId, String atisLaureate, String atisWaitlisted, String ronalpiaLaureate) {
    }

    private static Seed seed;

    @Autowired CohortFixtures fixtures;
    @Autowired CohortEvents events;
    @Autowired JuryService jury;
    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void seed() {
        if (seed != null) {
            return;
        }
        ProgrammeCall call = fixtures.supportCall();
        String atisLaureate = fixtures.reviewed(call, "33").getBusinessKey();
        String atisWaitlisted = fixtures.reviewed(call, "33").getBusinessKey();
        String ronalpiaLaureate = fixtures.reviewed(call, "69").getBusinessKey();
        // The jury's decisions stored and delivered as the call process does it
        List<Map<String, Object>> decisions = List.of(decision(atisLaureate, "SELECTED", null),
                decision(atisWaitlisted, "WAITLISTED", 1), decision(ronalpiaLaureate, "SELECTED", null));
        List<String> jurySet = List.of(atisLaureate, atisWaitlisted, ronalpiaLaureate);
        jury.record(call.id(), jurySet, decisions);
        jurySet.forEach(reference -> assertThat(jury.deliver(call.id(), reference)).isTrue());
        long event = events.record(call.id(), LocalDate.now(), "Atelier modèle économique", CohortEvent.NATIONAL,
                new BigDecimal("2.5"), "coordination-1");
        events.recordAttendance(event, List.of(applicationId(atisLaureate)));
        seed = new Seed(call.id(), atisLaureate, atisWaitlisted, ronalpiaLaureate);
    }

    static Map<String, Object> decision(String reference, String decision, Integer rank) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("applicationRef", reference);
        row.put("decision", decision);
        row.put("waitlistRank", rank);
        row.put("rationale", "Motivation de " + reference);
        return row;
    }

    @Test
    void applicationsCsvForFrenchExcel() throws IOException {
        ResponseEntity<byte[]> response = get("coordination-1", "candidatures.csv");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo(seed.callId() + "-candidatures.csv");
        byte[] body = response.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("Référence;Statut;Incubateur;");

        List<CSVRecord> rows = csv(response, ApplicationsExport.HEADERS);
        assertThat(rows).extracting(r -> r.get("Référence"))
                .containsExactlyInAnyOrder(seed.atisLaureate(), seed.atisWaitlisted(), seed.ronalpiaLaureate());
        CSVRecord laureate = row(rows, seed.atisLaureate());
        assertThat(laureate.get("Incubateur")).isEqualTo("Atis");
        assertThat(laureate.get("Territoire")).isEqualTo("Gironde");
        assertThat(laureate.get("Décision du jury")).isEqualTo("Sélectionnée");
        assertThat(laureate.get("Éligibilité")).isEqualTo("Éligible");
        assertThat(laureate.get("Courriel du contact")).startsWith("porteur-").endsWith("@example.org");
        assertThat(laureate.get("Note pondérée")).isEqualTo("4");
        assertThat(laureate.get("Désaccord entre évaluations")).isEqualTo("Non");
        assertThat(laureate.get("Déposée le")).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(row(rows, seed.atisWaitlisted()).get("Décision du jury")).isEqualTo("Liste d'attente");
    }

    @Test
    void everyExportOpensAsCsvAndXlsxWithItsHeadersAndRows() throws IOException {
        Map<String, List<String>> headers = Map.of("candidatures", ApplicationsExport.HEADERS,
                "evaluations", ReviewsExport.HEADERS, "decisions", DecisionsExport.HEADERS,
                "accompagnement", SupportExport.HEADERS);
        Map<String, Integer> counts = Map.of("candidatures", 3, "evaluations", 3, "decisions", 3, "accompagnement", 2);
        Map<String, String> sheets = Map.of("candidatures", "Candidatures", "evaluations", "Évaluations",
                "decisions", "Décisions du jury", "accompagnement", "Accompagnement");
        for (String kind : headers.keySet()) {
            assertThat(csv(get("coordination-1", kind + ".csv"), headers.get(kind))).as(kind).hasSize(counts.get(kind));
            List<Row> rows = xlsx(get("coordination-1", kind + ".xlsx"), sheets.get(kind));
            assertThat(texts(rows.get(0))).as(kind).containsExactlyElementsOf(headers.get(kind));
            assertThat(rows).as(kind).hasSize(counts.get(kind) + 1);
        }
    }

    @Test
    void reviewsDecisionsAndSupportCarryTheirFigures() throws IOException {
        List<CSVRecord> reviews = csv(get("coordination-1", "evaluations.csv"), ReviewsExport.HEADERS);
        CSVRecord review = row(reviews, seed.ronalpiaLaureate());
        assertThat(review.get("Type d'évaluation")).isEqualTo("Territoriale");
        assertThat(review.get("Évaluateur·rice")).startsWith("ronalpia-");
        assertThat(review.get("Statut")).isEqualTo("Faite");
        assertThat(review.get("Note : Impact social")).isEqualTo("4");
        assertThat(review.get("Note : Changement d'échelle")).isEmpty();
        assertThat(review.get("Recommandation")).isEqualTo("Sélectionner");
        assertThat(review.get("Commentaire")).isEqualTo("Solide.");

        List<CSVRecord> decisions = csv(get("coordination-1", "decisions.csv"), DecisionsExport.HEADERS);
        assertThat(row(decisions, seed.atisWaitlisted()).get("Décision")).isEqualTo("Liste d'attente");
        assertThat(row(decisions, seed.atisWaitlisted()).get("Rang sur la liste d'attente")).isEqualTo("1");
        assertThat(row(decisions, seed.atisLaureate()).get("Décision")).isEqualTo("Sélectionnée");
        assertThat(row(decisions, seed.atisLaureate()).get("Motivation")).isEqualTo("Motivation de " + seed.atisLaureate());
        assertThat(row(decisions, seed.atisLaureate()).get("Notifiée le")).isNotEmpty();

        List<CSVRecord> support = csv(get("coordination-1", "accompagnement.csv"), SupportExport.HEADERS);
        assertThat(support).extracting(r -> r.get("Référence"))
                .containsExactlyInAnyOrder(seed.atisLaureate(), seed.ronalpiaLaureate());
        CSVRecord atis = row(support, seed.atisLaureate());
        assertThat(atis.get("Événements collectifs suivis")).isEqualTo("1");
        assertThat(atis.get("Heures des événements")).isEqualTo("2,5");
        assertThat(atis.get("Heures au total")).isEqualTo("2,5");
        assertThat(atis.get("Points d'étape faits")).isEqualTo("0");
        assertThat(atis.get("Coach")).startsWith("atis-");
        assertThat(row(support, seed.ronalpiaLaureate()).get("Heures au total")).isEqualTo("0");

        List<Row> xlsx = xlsx(get("coordination-1", "accompagnement.xlsx"), "Accompagnement");
        Row atisRow = xlsx.stream().filter(r -> seed.atisLaureate().equals(r.getCellText(0))).findFirst().orElseThrow();
        assertThat(atisRow.getCellAsNumber(SupportExport.HEADERS.indexOf("Heures au total"))).contains(new BigDecimal("2.5"));
        assertThat(atisRow.getCellAsDate(SupportExport.HEADERS.indexOf("Début"))).isPresent();
    }

    @Test
    void filtersAsOnTheOverview() throws IOException {
        assertThat(references(get("coordination-1", "candidatures.csv?territoire=gironde")))
                .containsExactlyInAnyOrder(seed.atisLaureate(), seed.atisWaitlisted());
        assertThat(references(get("coordination-1", "candidatures.csv?incubateur=ronalpia")))
                .containsExactly(seed.ronalpiaLaureate());
        assertThat(references(get("coordination-1", "candidatures.csv?incubateur=ronalpia&territoire=gironde"))).isEmpty();
        assertThat(get("coordination-1", "candidatures.csv?incubateur=inconnu").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void incubatorStaffExportOnlyTheirIncubatorsRows() throws IOException {
        assertThat(references(get("atis-1", "candidatures.csv")))
                .containsExactlyInAnyOrder(seed.atisLaureate(), seed.atisWaitlisted());
        assertThat(references(get("ronalpia-2", "candidatures.csv"))).containsExactly(seed.ronalpiaLaureate());
        assertThat(csv(get("ronalpia-1", "evaluations.csv"), ReviewsExport.HEADERS)).extracting(r -> r.get("Référence"))
                .containsExactly(seed.ronalpiaLaureate());
        assertThat(xlsx(get("ronalpia-1", "accompagnement.xlsx"), "Accompagnement")).hasSize(2);
        assertThat(references(get("atis-1", "candidatures.csv?incubateur=atis&territoire=lyon-ain"))).isEmpty();

        ResponseEntity<byte[]> other = get("atis-1", "candidatures.csv?incubateur=ronalpia");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new String(other.getBody(), StandardCharsets.UTF_8)).contains(ExportAccess.OTHER_INCUBATOR);
        assertThat(get("atis-1", "decisions.xlsx?incubateur=ronalpia").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void jurorsAreRefusedAndAnonymousCallersMustAuthenticate() {
        ResponseEntity<byte[]> juror = get("jury-1", "candidatures.csv");
        assertThat(juror.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new String(juror.getBody(), StandardCharsets.UTF_8)).contains("réservés à la coordination");
        assertThat(get("jury-1", "evaluations.xlsx").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(url("decisions.csv"), byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity(url("decisions.xlsx"), byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unknownExportFormatOrCallIsNotFound() {
        assertThat(get("coordination-1", "paiements.csv").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("coordination-1", "candidatures.pdf").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("coordination-1", "candidatures").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("coordination-1", "demo")
                .getForEntity("/pilotage/appels/appel-inconnu/exports/candidatures.csv", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void everyExportIsLoggedAndListedForCoordinators() {
        long before = logRows();
        get("atis-2", "decisions.xlsx?territoire=gironde");
        get("atis-2", "candidatures.csv?incubateur=ronalpia");  // refused: not logged
        assertThat(logRows()).isEqualTo(before + 1);
        Map<String, Object> entry = jdbc.sql("select * from export_log where call_id = ? and user_id = 'atis-2' order by id desc")
                .param(seed.callId()).query().listOfRows().get(0);
        assertThat(entry).containsEntry("EXPORT_KIND", "decisions").containsEntry("EXPORT_FORMAT", "xlsx")
                .containsEntry("TERRITORY_FILTER", "gironde").containsEntry("RESTRICTED_TO", "atis")
                .containsEntry("ROW_COUNT", 2);
        assertThat(entry.get("INCUBATOR_FILTER")).isNull();
        assertThat(entry.get("EXPORTED_AT")).isNotNull();

        ResponseEntity<String> page = http.withBasicAuth("coordination-2", "demo").getForEntity("/pilotage/exports", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Journal des exports").contains("atis-2").contains(seed.callId())
                .contains("Décisions du jury").contains("Territoire : Gironde").contains("XLSX");
        assertThat(http.withBasicAuth("atis-1", "demo").getForEntity("/pilotage/exports", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("jury-1", "demo").getForEntity("/pilotage/exports", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/pilotage/exports", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private long logRows() {
        return jdbc.sql("select count(*) from export_log where call_id = ?").param(seed.callId()).query(Long.class).single();
    }

    private ResponseEntity<byte[]> get(String user, String file) {
        return http.withBasicAuth(user, "demo").getForEntity(url(file), byte[].class);
    }

    private static String url(String file) {
        return "/pilotage/appels/" + seed.callId() + "/exports/" + file;
    }

    private List<String> references(ResponseEntity<byte[]> response) throws IOException {
        return csv(response, ApplicationsExport.HEADERS).stream().map(r -> r.get("Référence")).toList();
    }

    /** Parses an export as French Excel would: BOM, ';', the expected header line. */
    static List<CSVRecord> csv(ResponseEntity<byte[]> response, List<String> headers) throws IOException {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), format)) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(headers);
            List<CSVRecord> records = parser.getRecords();
            records.forEach(r -> assertThat(r.size()).isEqualTo(headers.size()));
            return records;
        }
    }

    static List<Row> xlsx(ResponseEntity<byte[]> response, String sheetName) throws IOException {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).contains("spreadsheetml");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getFirstSheet();
            assertThat(sheet.getName()).isEqualTo(sheetName);
            return sheet.read();
        }
    }

    static List<String> texts(Row row) {
        return row.stream().map(c -> c == null ? "" : c.getText()).toList();
    }

    private static CSVRecord row(List<CSVRecord> rows, String reference) {
        return rows.stream().filter(r -> r.get("Référence").equals(reference)).findFirst().orElseThrow();
    }

    private long applicationId(String reference) {
        return jdbc.sql("select id from application where reference = ?").param(reference).query(Long.class).single();
    }
}
