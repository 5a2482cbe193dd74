package fr.kiif.programmes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The reviewer workload added up from the review tallies, every kind of row included. */
class ReviewerWorkloadTest {

    @Test
    void eachReviewerCountsOpenDoneClosedCrossDisagreementsAndLateReviews() {
        List<ReviewTallies.Tally> tallies = List.of(
                new ReviewTallies.Tally("atis", "gironde", "atis-1", "DONE", "TERRITORIAL", false, 3),
                new ReviewTallies.Tally("atis", "gironde", "atis-1", "DONE", "TERRITORIAL", true, 2),
                new ReviewTallies.Tally("atis", "landes", "atis-1", "ASSIGNED", "TERRITORIAL", true, 1),
                new ReviewTallies.Tally("atis", "gironde", "ronalpia-2", "DONE", "CROSS", true, 1),
                new ReviewTallies.Tally("atis", "gironde", "ronalpia-2", "RECUSED", "CROSS", false, 1),
                new ReviewTallies.Tally(null, null, "ronalpia-2", "ASSIGNED", "CROSS", false, 2));
        OverdueTasks.Overdue overdue = new OverdueTasks.Overdue(List.of(), 1, Map.of(), Map.of(), Map.of(),
                Map.of("ronalpia-2", 1L));

        Map<String, ReviewerWorkload.Reviewer> reviewers = ReviewerWorkload.perReviewer(tallies, overdue);

        assertThat(reviewers).containsOnlyKeys("atis-1", "ronalpia-2");
        assertThat(reviewers.get("atis-1")).isEqualTo(new ReviewerWorkload.Reviewer("atis-1", 1, 5, 0, 0, 0, 2));
        assertThat(reviewers.get("ronalpia-2")).isEqualTo(new ReviewerWorkload.Reviewer("ronalpia-2", 2, 1, 1, 1, 4, 1));
    }
}
