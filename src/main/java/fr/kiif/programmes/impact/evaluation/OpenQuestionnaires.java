package fr.kiif.programmes.impact.evaluation;

import java.util.List;

import org.springframework.stereotype.Component;

/** The questionnaires a laureate may answer now, for the tracking page ({@code ${@openQuestionnaires.of(id)}}). */
@Component("openQuestionnaires")
public class OpenQuestionnaires {

    /** A link on the tracking page: /suivi/{token}/impact/{path}. */
    public record Link(String path, String label) {
    }

    private final ImpactEvaluationService evaluations;

    public OpenQuestionnaires(ImpactEvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    public List<Link> of(long applicationId) {
        return evaluations.openToLaureate(applicationId).stream()
                .map(e -> new Link(QuestionnairePaths.phase(e.phase()), e.phase().label())).toList();
    }
}
