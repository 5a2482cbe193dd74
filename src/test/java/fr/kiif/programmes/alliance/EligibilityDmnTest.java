package fr.kiif.programmes.alliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One case per rule of processes/eligibility.dmn, plus combinations where COLLECT keeps several reasons. */
@Deployment(resources = "processes/eligibility.dmn")
class EligibilityDmnTest {

    // Not camunda.cfg.xml: Camunda's ProcessEngines.init() would also build that engine in the Spring tests' JVM.
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-unit.cfg.xml").build();

    static final String TERRITORY = "Le département du projet n'est couvert par aucun territoire de cet appel.";
    static final String LEGAL_FORM = "La forme juridique de la structure n'est pas acceptée par cet appel.";
    static final String STAGE = "Le stade d'avancement du projet n'est pas accepté par cet appel.";
    static final String NO_SIRET = "Structure immatriculée sans numéro SIRET : à vérifier auprès du porteur.";
    static final String NOT_INCORPORATED = "Structure pas encore immatriculée : vérifier le calendrier de création.";
    static final String ACCEPTED = "Territoire, forme juridique et stade acceptés par l'appel.";

    ProcessEngine engine; // injected by ProcessEngineExtension (only ProcessEngine fields are)

    @Test
    void r6_eligibleWhenTerritoryLegalFormAndStageAreAccepted() {
        assertThat(evaluate(true, true, true, "ASSOCIATION", true))
                .containsExactly(tuple("ELIGIBLE", ACCEPTED));
    }

    @Test
    void r1_ineligibleWhenTheTerritoryIsNotCovered() {
        assertThat(evaluate(false, true, true, "SCOP", true))
                .containsExactly(tuple("INELIGIBLE", TERRITORY));
    }

    @Test
    void r2_ineligibleWhenTheLegalFormIsNotAccepted() {
        assertThat(evaluate(true, false, true, "SAS_ESUS", true))
                .containsExactly(tuple("INELIGIBLE", LEGAL_FORM));
    }

    @Test
    void r3_ineligibleWhenTheStageIsNotAccepted() {
        assertThat(evaluate(true, true, false, "SCIC", true))
                .containsExactly(tuple("INELIGIBLE", STAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ASSOCIATION", "SCIC", "SCOP", "SAS_ESUS", "OTHER_COMPANY"})
    void r4_toCheckWhenAnIncorporatedStructureGivesNoSiret(String legalForm) {
        assertThat(evaluate(true, true, true, legalForm, false))
                .containsExactly(tuple("TO_CHECK", NO_SIRET), tuple("ELIGIBLE", ACCEPTED));
    }

    @Test
    void r5_toCheckWhenTheStructureIsNotIncorporatedYet() {
        // No SIRET is expected before incorporation: r4 must not add its reason.
        assertThat(evaluate(true, true, true, "NOT_INCORPORATED", false))
                .containsExactly(tuple("TO_CHECK", NOT_INCORPORATED), tuple("ELIGIBLE", ACCEPTED));
    }

    @Test
    void collectsEveryRefusalReason() {
        assertThat(evaluate(false, false, false, "ASSOCIATION", true))
                .containsExactly(
                        tuple("INELIGIBLE", TERRITORY),
                        tuple("INELIGIBLE", LEGAL_FORM),
                        tuple("INELIGIBLE", STAGE));
    }

    @Test
    void collectsRefusalsAndPointsToCheck() {
        assertThat(evaluate(false, true, false, "OTHER_COMPANY", false))
                .containsExactly(
                        tuple("INELIGIBLE", TERRITORY),
                        tuple("INELIGIBLE", STAGE),
                        tuple("TO_CHECK", NO_SIRET));
        assertThat(evaluate(true, false, true, "NOT_INCORPORATED", false))
                .containsExactly(
                        tuple("INELIGIBLE", LEGAL_FORM),
                        tuple("TO_CHECK", NOT_INCORPORATED));
    }

    @Test
    void isACollectTableWithAHistoryTimeToLive() {
        DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("eligibility").singleResult();
        assertThat(definition.getName()).isEqualTo("Éligibilité automatique");
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
        DecisionTable table = engine.getRepositoryService().getDmnModelInstance(definition.getId())
                .getModelElementsByType(DecisionTable.class).iterator().next();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
        assertThat(table.getRules()).hasSize(6);
    }

    private List<org.assertj.core.groups.Tuple> evaluate(boolean territoryCovered, boolean legalFormAccepted,
            boolean stageAccepted, String legalForm, boolean siretProvided) {
        DmnDecisionTableResult result = engine.getDecisionService().evaluateDecisionTableByKey("eligibility",
                Variables.createVariables()
                        .putValue("territoryCovered", territoryCovered)
                        .putValue("legalFormAccepted", legalFormAccepted)
                        .putValue("stageAccepted", stageAccepted)
                        .putValue("legalForm", legalForm)
                        .putValue("siretProvided", siretProvided));
        return result.getResultList().stream()
                .map(entries -> tuple(entries.get("recommendation"), entries.get("reason")))
                .toList();
    }
}
