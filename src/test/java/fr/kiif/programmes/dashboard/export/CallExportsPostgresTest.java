package fr.kiif.programmes.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.selection.JuryService;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.PostgresTestBase;

/** The exports' SQL on PostgreSQL: every file opens as CSV and XLSX with the call's rows, restricted for incubator staff. */
class CallExportsPostgresTest extends PostgresTestBase {

    private static final Map<String, List<String>> HEADERS = Map.of("candidatures", ApplicationsExport.HEADERS,
            "evaluations", ReviewsExport.HEADERS, "decisions", DecisionsExport.HEADERS, "accompagnement", SupportExport.HEADERS);
    private static final Map<String, String> SHEETS = Map.of("candidatures", "Candidatures", "evaluations", "Évaluations",
            "decisions", "Décisions du jury", "accompagnement", "Accompagnement");

    @Autowired CohortFixtures fixtures;
    @Autowired JuryService jury;
    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    @Test
    void everyExportHasTheCallsRowsAndStaffOnlyTheirIncubators() throws Exception {
        String callId = decidedCall();
        List<String> all = references(callId, null);
        List<String> ronalpia = references(callId, "ronalpia");
        assertThat(ronalpia).isNotEmpty().hasSizeLessThan(all.size());

        for (String kind : HEADERS.keySet()) {
            List<CSVRecord> csv = CallExportsTest.csv(get("coordination-1", callId, kind + ".csv"), HEADERS.get(kind));
            List<Row> xlsx = CallExportsTest.xlsx(get("coordination-1", callId, kind + ".xlsx"), SHEETS.get(kind));
            assertThat(csv).as(kind).isNotEmpty();
            assertThat(xlsx).as(kind).hasSize(csv.size() + 1);
            assertThat(CallExportsTest.texts(xlsx.get(0))).as(kind).containsExactlyElementsOf(HEADERS.get(kind));
            assertThat(csv).as(kind).allSatisfy(r -> assertThat(all).contains(r.get("Référence")));

            List<CSVRecord> staff = CallExportsTest.csv(get("ronalpia-1", callId, kind + ".csv"), HEADERS.get(kind));
            assertThat(staff).as(kind).isNotEmpty().allSatisfy(r -> {
                assertThat(ronalpia).contains(r.get("Référence"));
                assertThat(r.get("Incubateur")).isEqualTo("Ronalpia");
            });
        }
        assertThat(CallExportsTest.csv(get("coordination-1", callId, "candidatures.csv"), ApplicationsExport.HEADERS))
                .extracting(r -> r.get("Référence")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(CallExportsTest.csv(get("ronalpia-1", callId, "candidatures.csv"), ApplicationsExport.HEADERS))
                .extracting(r -> r.get("Référence")).containsExactlyInAnyOrderElementsOf(ronalpia);
        assertThat(jdbc.sql("select count(*) from export_log where call_id = ?").param(callId).query(Long.class).single())
                .isEqualTo(2L * HEADERS.size() + HEADERS.size() + 2);
    }

    /** Two Atis applications (one selected, one waitlisted) and a selected Ronalpia one, decided by the jury. */
    private String decidedCall() {
        ProgrammeCall call = fixtures.supportCall();
        List<String> jurySet = List.of(fixtures.reviewed(call, "33").getBusinessKey(), fixtures.reviewed(call, "33").getBusinessKey(),
                fixtures.reviewed(call, "69").getBusinessKey());
        List<Map<String, Object>> decisions = List.of(CallExportsTest.decision(jurySet.get(0), "SELECTED", null),
                CallExportsTest.decision(jurySet.get(1), "WAITLISTED", 1), CallExportsTest.decision(jurySet.get(2), "SELECTED", null));
        jury.record(call.id(), jurySet, decisions);
        jurySet.forEach(reference -> assertThat(jury.deliver(call.id(), reference)).isTrue());
        return call.id();
    }

    private List<String> references(String callId, String incubator) {
        return jdbc.sql("select reference from application where call_id = ? and (cast(? as varchar) is null or incubator_slug = ?)")
                .params(callId, incubator, incubator).query(String.class).list();
    }

    private ResponseEntity<byte[]> get(String user, String callId, String file) {
        return http.withBasicAuth(user, "demo").getForEntity("/pilotage/appels/" + callId + "/exports/" + file, byte[].class);
    }
}
