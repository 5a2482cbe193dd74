package fr.kiif.programmes.impact.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.impact.report.ImpactFigures.IndicatorFigures;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * Consolidation on a small cohort against figures computed by hand, the open data, the PDF, and who sees
 * what. Four laureates: three at Atis (Gironde), one at Ronalpia (Lyon-Ain) whose final evaluation is not
 * assessed yet (so it must not count); one implausible value.
 */
class ImpactReportTest extends SpringTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired CallRepository calls;
    @Autowired ApplicationRepository applications;
    @Autowired ImpactReportService reports;
    @Autowired ImpactOpenData openData;
    @Autowired TestRestTemplate http;

    private ProgrammeCall call;
    private String l1;
    private String l2;
    private String l4;

    @BeforeEach
    void cohort() {
        ImpactRows rows = new ImpactRows(jdbc, calls, applications);
        call = rows.call();
        l1 = rows.laureate(call, "atis", "gironde", "atis-1");
        l2 = rows.laureate(call, "atis", "gironde", "atis-2");
        String l3 = rows.laureate(call, "atis", "gironde", "atis-2");
        l4 = rows.laureate(call, "ronalpia", "lyon-ain", "ronalpia-1");

        long b1 = rows.evaluation(l1, "BASELINE", "ASSESSED", 3, null);
        rows.number(b1, "founder-confidence", "2");
        rows.number(b1, "founder-isolation", "4");
        rows.number(b1, "founder-paid", "0");
        rows.number(b1, "team-size", "3");
        rows.number(b1, "jobs-fte", "1.5");
        rows.text(b1, "territorial-cooperation", "NONE");
        rows.text(b1, "territorial-need", "Isolement des aidants en zone rurale");
        long f1 = rows.evaluation(l1, "FINAL", "ASSESSED", 4, "Progrès net sur la confiance.");
        rows.number(f1, "founder-confidence", "4");
        rows.number(f1, "founder-isolation", "2");
        rows.number(f1, "founder-paid", "1");
        rows.number(f1, "team-size", "5");
        rows.number(f1, "jobs-fte", "2.5");
        rows.text(f1, "territorial-cooperation", "REGULAR");

        long b2 = rows.evaluation(l2, "BASELINE", "ASSESSED", null, null);
        rows.number(b2, "founder-confidence", "3");
        rows.number(b2, "founder-paid", "0");
        rows.number(b2, "team-size", "2");
        rows.number(b2, "jobs-fte", "0");
        rows.text(b2, "territorial-cooperation", "OCCASIONAL");
        long f2 = rows.evaluation(l2, "FINAL", "ASSESSED", 5, null);
        rows.number(f2, "founder-confidence", "4");
        rows.number(f2, "founder-paid", "1");
        rows.implausible(f2, "team-size", "100");
        rows.number(f2, "jobs-fte", "1");
        rows.text(f2, "territorial-cooperation", "REGULAR");

        long b3 = rows.evaluation(l3, "BASELINE", "ASSESSED", null, null);
        rows.number(b3, "founder-confidence", "1");
        rows.number(b3, "founder-paid", "1");
        rows.number(b3, "team-size", "4");
        rows.text(b3, "territorial-cooperation", "NONE");
        long f3 = rows.evaluation(l3, "FINAL", "ASSESSED", 3, null);
        rows.number(f3, "founder-confidence", "3");
        rows.number(f3, "founder-paid", "0");
        rows.number(f3, "team-size", "4");
        rows.text(f3, "territorial-cooperation", "FORMAL");

        long b4 = rows.evaluation(l4, "BASELINE", "ASSESSED", null, null);
        rows.number(b4, "founder-confidence", "5");
        rows.number(b4, "team-size", "1");
        long f4 = rows.evaluation(l4, "FINAL", "SUBMITTED", null, null);
        rows.number(f4, "founder-confidence", "1");
    }

    @Test
    void figuresMatchTheHandComputedOnes() {
        ImpactSnapshot snapshot = reports.compute(call.id(), Instant.now());
        ImpactFigures figures = snapshot.call();
        assertThat(figures.laureates()).isEqualTo(4);
        assertThat(figures.baselineAssessed()).isEqualTo(4);
        assertThat(figures.finalAssessed()).isEqualTo(3);

        // Confidence: entry 2, 3, 1, 5 → 2.75; end 4, 4, 3 (L4's final is not assessed) → 3.67; change +2, +1, +2 → 1.67.
        IndicatorFigures confidence = indicator(figures, "founder-confidence");
        assertThat(confidence.baseline().n()).isEqualTo(4);
        assertThat(confidence.baseline().mean()).isEqualByComparingTo("2.75");
        assertThat(confidence.finalPhase().n()).isEqualTo(3);
        assertThat(confidence.finalPhase().mean()).isEqualByComparingTo("3.67");
        assertThat(confidence.change().n()).isEqualTo(3);
        assertThat(confidence.change().meanChange()).isEqualByComparingTo("1.67");
        assertThat(confidence.finalPhase().distribution()).extracting(ImpactFigures.Category::count).containsExactly(0, 0, 1, 2, 0);
        assertThat(confidence.baseline().sum()).isNull();

        // Team size: entry 3, 2, 4, 1 → mean 2.5, sum 10; end 5, (100 implausible), 4 → mean 4.5, sum 9; change +2, 0.
        IndicatorFigures team = indicator(figures, "team-size");
        assertThat(team.baseline().mean()).isEqualByComparingTo("2.5");
        assertThat(team.baseline().sum()).isEqualByComparingTo("10");
        assertThat(team.finalPhase().n()).isEqualTo(2);
        assertThat(team.finalPhase().mean()).isEqualByComparingTo("4.5");
        assertThat(team.finalPhase().sum()).isEqualByComparingTo("9");
        assertThat(team.change().n()).isEqualTo(2);
        assertThat(team.change().meanChange()).isEqualByComparingTo("1");
        assertThat(team.discarded()).isEqualTo(1);

        // Jobs (DECIMAL): entry 1.5, 0 → sum 1.5; end 2.5, 1 → sum 3.5, mean 1.75.
        IndicatorFigures jobs = indicator(figures, "jobs-fte");
        assertThat(jobs.baseline().sum()).isEqualByComparingTo("1.5");
        assertThat(jobs.finalPhase().sum()).isEqualByComparingTo("3.5");
        assertThat(jobs.finalPhase().mean()).isEqualByComparingTo("1.75");

        // Paid: entry 0, 0, 1 → 33.33 % yes; end 1, 1, 0 → 66.67 %.
        IndicatorFigures paid = indicator(figures, "founder-paid");
        assertThat(paid.baseline().yesShare()).isEqualByComparingTo("33.33");
        assertThat(paid.finalPhase().yesShare()).isEqualByComparingTo("66.67");
        assertThat(paid.change()).isNull();

        IndicatorFigures cooperation = indicator(figures, "territorial-cooperation");
        assertThat(cooperation.finalPhase().distribution()).extracting(ImpactFigures.Category::code, ImpactFigures.Category::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NONE", 0), org.assertj.core.groups.Tuple.tuple("OCCASIONAL", 0),
                        org.assertj.core.groups.Tuple.tuple("REGULAR", 2), org.assertj.core.groups.Tuple.tuple("FORMAL", 1));
        assertThat(cooperation.baseline().distribution()).extracting(ImpactFigures.Category::count).containsExactly(2, 1, 0, 0);

        // Contribution (final evaluations only): 4, 5, 3 → 4.
        assertThat(figures.contribution().n()).isEqualTo(3);
        assertThat(figures.contribution().mean()).isEqualByComparingTo("4");

        // TEXT never aggregated; sensitive kept for the coordination, removed for others.
        assertThat(figures.indicators()).extracting(IndicatorFigures::indicatorId).doesNotContain("territorial-need")
                .contains("founder-isolation");
        assertThat(figures.withoutSensitive().indicators()).extracting(IndicatorFigures::indicatorId)
                .doesNotContain("founder-isolation");

        assertThat(snapshot.incubators()).containsOnlyKeys("atis", "ronalpia");
        assertThat(snapshot.incubators().get("atis").laureates()).isEqualTo(3);
        assertThat(indicator(snapshot.incubators().get("ronalpia"), "founder-confidence").baseline().mean()).isEqualByComparingTo("5");
        assertThat(snapshot.territories()).containsOnlyKeys("gironde", "lyon-ain");

        // The stored snapshot reads back the same, and stays as consolidated when answers change afterwards.
        reports.consolidate(call.id(), Instant.now());
        jdbc.sql("""
                update impact_value set value_number = value_number + 1 where indicator_id = 'founder-confidence'
                  and evaluation_id in (select id from impact_evaluation where call_id = ?)""").param(call.id()).update();
        ImpactReport stored = reports.report(call.id(), Instant.now());
        assertThat(stored.provisional()).isFalse();
        assertThat(stored.consolidatedAt()).isNotNull();
        assertThat(stored.snapshot().call()).isEqualTo(figures);
        assertThat(reports.compute(call.id(), Instant.now()).call()).isNotEqualTo(figures);
    }

    @Test
    void openDataHasNoPersonalDataNoFreeTextNoSensitiveIndicatorAndSuppressesSmallCounts() throws Exception {
        String csv = openData.csv(call, reports.compute(call.id(), Instant.now()));
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).build()
                .parse(new java.io.StringReader(csv)).getRecords();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(";", ImpactOpenData.HEADER));
        assertThat(csv).doesNotContain(l1).doesNotContain(l4).doesNotContain("confidentielle").doesNotContain("@")
                .doesNotContain("Isolement des aidants").doesNotContain("Progrès net").doesNotContain("atis-1")
                .doesNotContain("founder-isolation");
        // territorial-need is free text (the default file also has territorial-need-answered, a scale).
        assertThat(records).extracting(r -> r.get("indicateur_id")).doesNotContain("territorial-need");

        CSVRecord confidenceEnd = find(records, "APPEL", "founder-confidence", "FIN", "");
        assertThat(confidenceEnd.get("effectif")).isEqualTo("3");
        assertThat(confidenceEnd.get("moyenne")).isEqualTo("3.67");
        assertThat(confidenceEnd.get("secret_statistique")).isEqualTo("0");
        // One laureate answered 3 at the end: a count below 3 is suppressed; 2 answered 4: suppressed too; 0 shown.
        assertThat(find(records, "APPEL", "founder-confidence", "FIN", "3").get("effectif")).isEmpty();
        assertThat(find(records, "APPEL", "founder-confidence", "FIN", "3").get("secret_statistique")).isEqualTo("1");
        assertThat(find(records, "APPEL", "founder-confidence", "FIN", "1").get("effectif")).isEqualTo("0");
        assertThat(find(records, "APPEL", "team-size", "ENTREE", "").get("somme")).isEqualTo("10");
        // Team size change: only 2 laureates with both values.
        CSVRecord teamChange = find(records, "APPEL", "team-size", "EVOLUTION", "");
        assertThat(teamChange.get("effectif")).isEmpty();
        assertThat(teamChange.get("moyenne")).isEmpty();
        assertThat(teamChange.get("secret_statistique")).isEqualTo("1");
        // Ronalpia has one laureate: everything suppressed.
        assertThat(records.stream().filter(r -> r.get("perimetre_id").equals("ronalpia")))
                .isNotEmpty().allSatisfy(r -> {
                    assertThat(r.get("secret_statistique")).isEqualTo("1");
                    assertThat(r.get("moyenne")).isEmpty();
                });
        // 2 oui and 1 non of 3 at Atis: the share would single out the one "non", so it is left out.
        CSVRecord paid = find(records, "INCUBATEUR", "founder-paid", "FIN", "");
        assertThat(paid.get("effectif")).isEqualTo("3");
        assertThat(paid.get("part_oui_pct")).isEmpty();
    }

    @Test
    void coordinatorsSeeEverythingStaffTheirIncubatorAndSensitiveValuesOnlyTheCoachAndCoordination() throws Exception {
        String callPage = "/coordination/appels/" + call.id() + "/impact";
        ResponseEntity<String> coordination = get("coordination-1", callPage);
        assertThat(coordination.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(coordination.getBody()).contains("Rapport d&#39;impact de l&#39;appel").contains("Sentiment d&#39;isolement")
                .contains("Chiffres provisoires").contains("chart.umd.min.js").contains("data-chart")
                .contains("/incubateur/impact/" + call.id() + "/incubateurs/atis").contains(l1);
        for (String user : List.of("atis-1", "jury-1")) {
            assertThat(get(user, callPage).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity(callPage, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        String atisPage = "/incubateur/impact/" + call.id() + "/incubateurs/atis";
        ResponseEntity<String> staff = get("atis-1", atisPage);
        assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(staff.getBody()).contains("Confiance dans sa capacité").doesNotContain("Sentiment d&#39;isolement")
                .contains("indicateurs sensibles").doesNotContain(l4);
        assertThat(get("coordination-1", atisPage).getBody()).contains("Sentiment d&#39;isolement");
        assertThat(get("ronalpia-1", atisPage).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("jury-1", atisPage).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("atis-1", "/incubateur/impact/" + call.id() + "/territoires/gironde").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("atis-1", "/incubateur/impact/" + call.id() + "/territoires/lyon-ain").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("atis-1", "/incubateur/impact/" + call.id() + "/incubateurs/ronalpia").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        String l1Page = "/incubateur/impact/" + call.id() + "/laureats/" + l1;
        ResponseEntity<String> coach = get("atis-1", l1Page);
        assertThat(coach.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(coach.getBody()).contains("Sentiment d&#39;isolement").contains("4 sur 5").contains("2 sur 5").contains("3 personnes")
                .contains("Isolement des aidants en zone rurale").contains("Progrès net sur la confiance.")
                .doesNotContain("Réservé au coach et à la coordination");
        ResponseEntity<String> colleague = get("atis-2", l1Page);
        assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(colleague.getBody()).contains("Réservé au coach et à la coordination").doesNotContain("Progrès net");
        assertThat(get("coordination-1", l1Page).getBody()).doesNotContain("Réservé au coach et à la coordination");
        assertThat(get("ronalpia-1", l1Page).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> l2Page = get("atis-2", "/incubateur/impact/" + call.id() + "/laureats/" + l2);
        assertThat(l2Page.getBody()).contains("valeur écartée des chiffres");

        String pdf = "/coordination/appels/" + call.id() + "/impact/rapport.pdf";
        String csv = "/coordination/appels/" + call.id() + "/impact/donnees-ouvertes.csv";
        for (String path : List.of(pdf, csv)) {
            assertThat(get("atis-1", path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(get("jury-1", path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> csvResponse = get("coordination-1", csv);
        assertThat(csvResponse.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csvResponse.getHeaders().getContentType().toString()).startsWith("text/csv");
        // Public open data only once the report is validated.
        String open = "/donnees-ouvertes/impact/" + call.id() + ".csv";
        assertThat(http.getForEntity(open, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        reports.consolidate(call.id(), Instant.now());
        assertThat(http.getForEntity(open, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        reports.validate(call.id(), Instant.now(), "coordination-1", "Rapport relu.");
        ResponseEntity<String> published = http.getForEntity(open, String.class);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(published.getBody()).contains("founder-confidence").doesNotContain("founder-isolation").doesNotContain(l1);
    }

    @Test
    void pdfOfTheCallReportHoldsTheFigures() throws Exception {
        reports.consolidate(call.id(), Instant.now());
        reports.validate(call.id(), Instant.now(), "coordination-1", "Chiffres relus avec les incubateurs.");
        ResponseEntity<byte[]> response = http.withBasicAuth("coordination-1", "demo")
                .getForEntity("/coordination/appels/" + call.id() + "/impact/rapport.pdf", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text;
        try (PDDocument document = PDDocument.load(response.getBody())) {
            text = new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Rapport d'impact de l'appel").contains(call.title())
                .contains("4 lauréat(s) avec au moins une évaluation validée")
                .contains("Confiance dans sa capacité à mener le projet").contains("moyenne 2,75").contains("moyenne 3,67")
                .contains("+1,67").contains("oui : 66,67 %").contains("total 10 personnes")
                .contains("Répartition : Coopération avec les acteurs du territoire").contains("Régulière 0 puis 2")
                .contains("4 sur 5").contains("par coordination-1").contains("Chiffres relus avec les incubateurs.")
                .contains("Atis").contains("Ronalpia").contains("Gironde")
                .doesNotContain(l1).doesNotContain("Progrès net").doesNotContain("Isolement des aidants");
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private static IndicatorFigures indicator(ImpactFigures figures, String id) {
        return figures.indicators().stream().filter(i -> i.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    private static CSVRecord find(List<CSVRecord> records, String scope, String indicator, String measure, String category) {
        return records.stream().filter(r -> r.get("perimetre_type").equals(scope) && r.get("indicateur_id").equals(indicator)
                && r.get("mesure").equals(measure) && r.get("modalite").equals(category)).findFirst()
                .orElseThrow(() -> new AssertionError("No row " + scope + "/" + indicator + "/" + measure + "/" + category));
    }

}
