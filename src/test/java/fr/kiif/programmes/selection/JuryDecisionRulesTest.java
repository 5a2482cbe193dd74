package fr.kiif.programmes.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.selection.JuryDecision.Decision;

/** Every rule of the jury's decisions, each rejected with its French message, and a valid set accepted. */
class JuryDecisionRulesTest {

    // A1, A2 (reviewers disagreed) at Atis, A3 at Ronalpia, A4 at Atis not reviewed.
    private final JuryDecisionRules rules = new JuryDecisionRules(List.of(
            application("A1", "atis", "4.20", false),
            application("A2", "atis", "3.10", true),
            application("A3", "ronalpia", "3.50", false),
            application("A4", "atis", null, false)),
            Map.of("atis", 1, "ronalpia", 1), 2, 2, slug -> slug.equals("atis") ? "Atis" : "Ronalpia");

    @Test
    void validSetIsAcceptedInTheJurySetOrder() {
        List<JuryDecision> decisions = rules.check("""
                [{"applicationRef":"A3","decision":"SELECTED","waitlistRank":null,"rationale":""},
                 {"applicationRef":"A1","decision":"SELECTED","waitlistRank":3,"rationale":"Très solide."},
                 {"applicationRef":"A2","decision":"WAITLISTED","waitlistRank":1,"rationale":null},
                 {"applicationRef":"A4","decision":"WAITLISTED","waitlistRank":"2.0"}]
                """);
        assertThat(decisions).extracting(JuryDecision::applicationRef).containsExactly("A1", "A2", "A3", "A4");
        assertThat(decisions.get(0)).isEqualTo(new JuryDecision("A1", Decision.SELECTED, null, "Très solide."));
        assertThat(decisions.get(2).rationale()).isNull();
        assertThat(decisions.get(3).waitlistRank()).isEqualTo(2);
    }

    @Test
    void acceptsTheListAsTheFormSendsItToo() {
        assertThat(rules.check(List.of(
                Map.of("applicationRef", "A1", "decision", "SELECTED"),
                Map.of("applicationRef", "A2", "decision", "REJECTED", "rationale", "Projet trop tôt."),
                Map.of("applicationRef", "A3", "decision", "REJECTED"),
                Map.of("applicationRef", "A4", "decision", "WAITLISTED", "waitlistRank", 1)))).hasSize(4);
    }

    @Test
    void unknownApplication() {
        rejected(valid().replace("]", ",{\"applicationRef\":\"ZZ-0001\",\"decision\":\"REJECTED\"}]"),
                "La candidature ZZ-0001 ne fait pas partie des candidatures soumises au jury.");
    }

    @Test
    void applicationDecidedTwice() {
        rejected(valid().replace("]", ",{\"applicationRef\":\"A3\",\"decision\":\"REJECTED\"}]"),
                "La candidature A3 a reçu plusieurs décisions : une seule est permise.");
    }

    @Test
    void applicationWithoutDecision() {
        rejected(valid().replace("{\"applicationRef\":\"A4\",\"decision\":\"REJECTED\"}",
                        "{\"applicationRef\":\"A4\",\"decision\":\"\"}"),
                "Aucune décision pour la candidature A4 : choisissez « Sélectionnée », « Liste d'attente » ou « Non retenue ».");
        rejected(valid().replace(",{\"applicationRef\":\"A4\",\"decision\":\"REJECTED\"}", ""),
                "Aucune décision pour la candidature A4");
        rejected(valid().replace("\"A4\",\"decision\":\"REJECTED\"", "\"A4\",\"decision\":\"MAYBE\""),
                "Aucune décision pour la candidature A4");
        rejected("[{\"decision\":\"SELECTED\"}]", "La ligne 1 des décisions n'indique pas de candidature.");
    }

    @Test
    void quotaOfAnIncubator() {
        rejected(valid().replace("\"A2\",\"decision\":\"WAITLISTED\",\"waitlistRank\":1", "\"A2\",\"decision\":\"SELECTED\""),
                "Incubateur Atis : 2 candidatures sélectionnées pour un quota de 1.");
    }

    @Test
    void cohortSize() {
        JuryDecisionRules smallCohort = new JuryDecisionRules(List.of(application("A1", "atis", "4", false),
                application("A3", "ronalpia", "3", false)), Map.of("atis", 1, "ronalpia", 1), 1, 0, slug -> slug);
        assertThatThrownBy(() -> smallCohort.check("""
                [{"applicationRef":"A1","decision":"SELECTED"},{"applicationRef":"A3","decision":"SELECTED"}]"""))
                .hasMessageContaining("2 candidatures sélectionnées au total pour une cohorte de 1 place.");
    }

    @Test
    void waitlistRanksWithoutGapsPerIncubator() {
        rejected(valid().replace("\"A2\",\"decision\":\"WAITLISTED\",\"waitlistRank\":1", "\"A2\",\"decision\":\"WAITLISTED\",\"waitlistRank\":2"),
                "Incubateur Atis : les rangs de liste d'attente doivent aller de 1 à 1 sans trou ni doublon (rangs reçus : 2).");
        rejected(valid().replace("\"A4\",\"decision\":\"REJECTED\"", "\"A4\",\"decision\":\"WAITLISTED\",\"waitlistRank\":1"),
                "Incubateur Atis : les rangs de liste d'attente doivent aller de 1 à 2 sans trou ni doublon (rangs reçus : 1, 1).");
        rejected(valid().replace("\"waitlistRank\":1", "\"waitlistRank\":null"),
                "La candidature A2 est sur liste d'attente sans rang : indiquez son rang.");
        rejected(valid().replace("\"waitlistRank\":1", "\"waitlistRank\":0"),
                "Le rang de liste d'attente de la candidature A2 doit être un nombre entier à partir de 1 (reçu : 0).");
    }

    @Test
    void eachIncubatorRanksItsOwnWaitlist() {
        // Rank 1 at Atis and rank 1 at Ronalpia: no gap, no duplicate.
        assertThat(rules.check(valid().replace("\"A3\",\"decision\":\"SELECTED\"", "\"A3\",\"decision\":\"WAITLISTED\",\"waitlistRank\":1")))
                .hasSize(4);
    }

    @Test
    void waitlistSizeOfTheCall() {
        rejected(valid().replace("\"A3\",\"decision\":\"SELECTED\"", "\"A3\",\"decision\":\"WAITLISTED\",\"waitlistRank\":1")
                        .replace("\"A4\",\"decision\":\"REJECTED\"", "\"A4\",\"decision\":\"WAITLISTED\",\"waitlistRank\":2"),
                "3 candidatures sur liste d'attente pour une liste de 2 places au plus.");
    }

    @Test
    void rationaleForRejectingAnApplicationWhoseReviewersDisagreed() {
        String rejectedWithout = valid().replace("\"A2\",\"decision\":\"WAITLISTED\",\"waitlistRank\":1",
                "\"A2\",\"decision\":\"REJECTED\",\"rationale\":\"   \"");
        rejected(rejectedWithout, "La candidature A2 n'est pas retenue alors que ses évaluateurs étaient en désaccord : "
                + "une justification est obligatoire.");
        assertThat(rules.check(rejectedWithout.replace("\"rationale\":\"   \"", "\"rationale\":\"Modèle économique fragile.\"")))
                .hasSize(4);
        // A4 has no disagreement: no rationale needed.
        assertThat(rules.check(valid())).hasSize(4);
    }

    @Test
    void everyViolationIsListedAndUnreadableInputIsRefused() {
        assertThatThrownBy(() -> rules.check("[{\"applicationRef\":\"A1\",\"decision\":\"SELECTED\"},{\"applicationRef\":\"A2\",\"decision\":\"SELECTED\"}]"))
                .isInstanceOfSatisfying(JuryDecisionRules.RejectedDecisions.class, e -> assertThat(e.violations())
                        .contains("Incubateur Atis : 2 candidatures sélectionnées pour un quota de 1.")
                        .anyMatch(v -> v.startsWith("Aucune décision pour la candidature A3"))
                        .anyMatch(v -> v.startsWith("Aucune décision pour la candidature A4")));
        rejected("{\"applicationRef\":\"A1\"}", "Les décisions du jury doivent être une liste.");
        rejected("[{", "Les décisions du jury sont illisibles.");
        rejected(null, "Les décisions du jury sont absentes.");
    }

    private static String valid() {
        return """
                [{"applicationRef":"A1","decision":"SELECTED"},{"applicationRef":"A2","decision":"WAITLISTED","waitlistRank":1},{"applicationRef":"A3","decision":"SELECTED"},{"applicationRef":"A4","decision":"REJECTED"}]""";
    }

    private void rejected(String json, String message) {
        assertThatThrownBy(() -> rules.check(json)).isInstanceOf(JuryDecisionRules.RejectedDecisions.class)
                .hasMessageStartingWith("Décisions du jury refusées : ").hasMessageContaining(message);
    }

    private static CallApplication application(String reference, String incubator, String score, boolean disagreement) {
        return new CallApplication(reference.hashCode(), reference, incubator, ApplicationStatus.REVIEWED,
                "Projet " + reference, score == null ? null : new BigDecimal(score), disagreement);
    }
}
