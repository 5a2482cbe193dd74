package fr.kiif.programmes.selection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewService;

/** ServiceTask_ComputeScore: weighted score and disagreement flag, stored for the jury; status REVIEWED. */
@Component("computeScore")
public class ComputeScoreDelegate implements JavaDelegate {

    private final ReviewService reviews;

    public ComputeScoreDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewService.ScoreResult result = reviews.computeScore(ReviewVariables.reference(execution));
        execution.setVariable("score", result.weightedScore().doubleValue());
        execution.setVariable("disagreement", result.disagreement());
    }
}
