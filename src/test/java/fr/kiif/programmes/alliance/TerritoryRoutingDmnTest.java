package fr.kiif.programmes.alliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One case per rule of processes/territory-routing.dmn; the full table is checked by the consistency test. */
@Deployment(resources = "processes/territory-routing.dmn")
class TerritoryRoutingDmnTest {

    // Not camunda.cfg.xml: Camunda's ProcessEngines.init() would also build that engine in the Spring tests' JVM.
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-unit.cfg.xml").build();

    ProcessEngine engine; // injected by ProcessEngineExtension (only ProcessEngine fields are)

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            "69, lyon-ain, ronalpia",
            "01, lyon-ain, ronalpia",
            "38, isere, ronalpia",
            "42, loire-haute-loire, ronalpia",
            "43, loire-haute-loire, ronalpia",
            "26, drome-ardeche, ronalpia",
            "07, drome-ardeche, ronalpia",
            "73, savoie-mont-blanc, ronalpia",
            "74, savoie-mont-blanc, ronalpia",
            "33, gironde, atis",
            "64, bearn-pays-basque, atis",
            "40, landes, atis",
            "24, dordogne-lot-et-garonne, atis",
            "47, dordogne-lot-et-garonne, atis",
            "76, seine-maritime-eure, adress",
            "27, seine-maritime-eure, adress",
            "14, calvados-manche-orne, adress",
            "50, calvados-manche-orne, adress",
            "61, calvados-manche-orne, adress",
            "44, loire-atlantique, ecossolies",
            "75, ile-de-france, antropia",
            "77, ile-de-france, antropia",
            "78, ile-de-france, antropia",
            "91, ile-de-france, antropia",
            "92, ile-de-france, antropia",
            "93, ile-de-france, antropia",
            "94, ile-de-france, antropia",
            "95, ile-de-france, antropia",
    })
    void routesACoveredDepartementToItsTerritoryAndIncubator(String departement, String territory, String incubator) {
        Map<String, Object> result = route(departement);

        assertThat(result)
                .containsEntry("territory", territory)
                .containsEntry("incubatorSlug", incubator)
                .containsEntry("incubatorGroup", "incubator-" + incubator);
    }

    @ParameterizedTest
    @ValueSource(strings = {"13", "2A", "2B", "59", "974", "976", "1", "690", "", "unknown"})
    @NullSource
    void sendsEverythingElseToTheCoordination(String departement) {
        Map<String, Object> result = route(departement);

        assertThat(result)
                .containsEntry("territory", "hors-territoire")
                .containsEntry("incubatorSlug", null)
                .containsEntry("incubatorGroup", "kiif-coordination");
    }

    @Test
    void isAFirstHitTableWithAnAnnotatedRulePerTerritoryAndAHistoryTimeToLive() {
        DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("territory-routing").singleResult();
        assertThat(definition.getName()).isEqualTo("Routage par territoire");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);

        DmnModelInstance model = engine.getRepositoryService().getDmnModelInstance(definition.getId());
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        List<Rule> rules = List.copyOf(table.getRules());
        assertThat(rules).hasSize(14);
        assertThat(rules).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).isNotBlank());
    }

    private Map<String, Object> route(String departement) {
        DmnDecisionTableResult result = engine.getDecisionService().evaluateDecisionTableByKey("territory-routing",
                Variables.createVariables().putValue("departement", departement));
        return result.getSingleResult().getEntryMap();
    }
}
