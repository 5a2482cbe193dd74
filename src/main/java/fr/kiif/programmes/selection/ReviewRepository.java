package fr.kiif.programmes.selection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Reviews, conflicts of interest, criteria weights and application scores in the application's tables. */
@Repository
public class ReviewRepository {

    private final JdbcClient jdbc;

    public ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertAssigned(long applicationId, String reviewerId, ReviewKind kind, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into review (application_id, reviewer_id, kind, status, assigned_at) values (?, ?, ?, ?, ?)")
                .params(applicationId, reviewerId, kind.name(), ReviewStatus.ASSIGNED.name(), toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Everyone who has or had a review of this application, whatever its status. */
    public Set<String> reviewersOf(long applicationId) {
        return Set.copyOf(jdbc.sql("select distinct reviewer_id from review where application_id = ?")
                .param(applicationId).query(String.class).list());
    }

    /** Open reviews (status ASSIGNED) per reviewer, over all applications. */
    public Map<String, Integer> openReviewCounts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select reviewer_id, count(*) from review where status = ? group by reviewer_id")
                .param(ReviewStatus.ASSIGNED.name())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    public Optional<String> statusOf(long reviewId) {
        return jdbc.sql("select status from review where id = ?").param(reviewId).query(String.class).optional();
    }

    public void markDone(long reviewId, ReviewScores review, Instant now) {
        StringBuilder sql = new StringBuilder("update review set status = ?, completed_at = ?, review_comment = ?, recommendation = ?");
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            sql.append(", ").append(criterion.column()).append(" = ?");
        }
        sql.append(" where id = ?");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
                .param(ReviewStatus.DONE.name()).param(toDb(now)).param(review.comment()).param(review.recommendation());
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            statement = statement.param(review.scores().get(criterion.code()));
        }
        statement.param(reviewId).update();
    }

    public void markClosed(long reviewId, ReviewStatus status, String reason, Instant now) {
        jdbc.sql("update review set status = ?, completed_at = ?, recusal_reason = ? where id = ?")
                .params(status.name(), toDb(now), reason, reviewId).update();
    }

    /** Closes every open review of the application (the jury decided first). */
    public int cancelOpen(long applicationId, Instant now) {
        return jdbc.sql("update review set status = ?, completed_at = ? where application_id = ? and status = ?")
                .params(ReviewStatus.CANCELLED.name(), toDb(now), applicationId, ReviewStatus.ASSIGNED.name()).update();
    }

    public List<DoneReview> doneReviews(long applicationId) {
        return jdbc.sql("select * from review where application_id = ? and status = ? order by id")
                .params(applicationId, ReviewStatus.DONE.name()).query(this::mapDone).list();
    }

    public void updateOverallScore(long reviewId, BigDecimal overall) {
        jdbc.sql("update review set overall_score = ? where id = ?").params(overall, reviewId).update();
    }

    /** Weights of the call's criteria by code (only the criteria the call lists). */
    public Map<String, Integer> weights(String callId) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        jdbc.sql("select code, weight from call_criterion where call_id = ? order by position").param(callId)
                .query(rs -> {
                    weights.put(rs.getString(1), rs.getInt(2));
                });
        return weights;
    }

    public void saveScore(long applicationId, BigDecimal weightedScore, boolean disagreement, Instant now) {
        jdbc.sql("delete from application_score where application_id = ?").param(applicationId).update();
        jdbc.sql("insert into application_score (application_id, weighted_score, disagreement, computed_at) values (?, ?, ?, ?)")
                .params(applicationId, weightedScore, disagreement, toDb(now)).update();
    }

    private DoneReview mapDone(ResultSet rs, int row) throws SQLException {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            int value = rs.getInt(criterion.column());
            scores.put(criterion.code(), rs.wasNull() ? null : value);
        }
        return new DoneReview(rs.getLong("id"), rs.getString("reviewer_id"), rs.getString("kind"), scores,
                rs.getString("review_comment"), rs.getString("recommendation"));
    }

    static OffsetDateTime toDb(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
