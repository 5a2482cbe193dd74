package fr.kiif.programmes.alliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;

/**
 * The routing table and territories.csv are edited by hand in two places: this test fails as soon
 * as they disagree for any département.
 */
@Deployment(resources = "processes/territory-routing.dmn")
class TerritoryRoutingConsistencyTest {

    // Not camunda.cfg.xml: Camunda's ProcessEngines.init() would also build that engine in the Spring tests' JVM.
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-unit.cfg.xml").build();

    static AllianceReferenceData data;

    ProcessEngine engine; // injected by ProcessEngineExtension (only ProcessEngine fields are)

    @BeforeAll
    static void loadReferenceData() {
        data = new AllianceReferenceData(
                new ClassPathResource("alliance/incubators.csv"),
                new ClassPathResource("alliance/departements.csv"),
                new ClassPathResource("alliance/territories.csv"));
    }

    @Test
    void listsThe101Departements() {
        assertThat(data.departements()).hasSize(101);
        assertThat(data.departements()).extracting(Departement::code)
                .contains("01", "19", "2A", "2B", "21", "95", "971", "972", "973", "974", "976")
                .doesNotContain("20", "975");
    }

    @Test
    void givesEveryIncubatorAtLeastOneTerritory() {
        assertThat(data.incubators()).allSatisfy(incubator -> assertThat(data.territories())
                .as("territories of %s", incubator.slug())
                .anyMatch(t -> t.incubatorSlug().equals(incubator.slug())));
    }

    @Test
    void routesEveryDepartementAsTerritoriesCsvSays() {
        int covered = 0;
        for (Departement departement : data.departements()) {
            Map<String, Object> routed = engine.getDecisionService().evaluateDecisionTableByKey("territory-routing",
                            Variables.createVariables().putValue("departement", departement.code()))
                    .getSingleResult().getEntryMap();

            Optional<Territory> territory = data.territoryOfDepartement(departement.code());
            if (territory.isPresent()) {
                covered++;
                Incubator incubator = data.incubator(territory.get().incubatorSlug()).orElseThrow();
                assertThat(routed).as("routing of %s %s", departement.code(), departement.name())
                        .containsEntry("territory", territory.get().id())
                        .containsEntry("incubatorSlug", incubator.slug())
                        .containsEntry("incubatorGroup", incubator.candidateGroup());
            } else {
                assertThat(routed).as("routing of %s %s", departement.code(), departement.name())
                        .containsEntry("territory", "hors-territoire")
                        .containsEntry("incubatorSlug", null)
                        .containsEntry("incubatorGroup", Groups.COORDINATION);
            }
        }
        int listed = data.territories().stream().mapToInt(t -> t.departements().size()).sum();
        assertThat(covered).isEqualTo(listed).isPositive();
    }
}
