package fr.kiif.programmes.selection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The conflict-of-interest registry kept by coordinators (table conflict_of_interest). Reviewer
 * assignment must skip a person for an application whose organisation matches one of their
 * declarations: same SIRET, or same name ignoring case, accents and spacing.
 */
@Repository
public class ConflictRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ConflictRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<ConflictOfInterest> list() {
        return jdbc.sql("select * from conflict_of_interest order by user_id, organisation_name, id")
                .query(this::map).list();
    }

    public List<ConflictOfInterest> ofUser(String userId) {
        return jdbc.sql("select * from conflict_of_interest where user_id = ? order by id").param(userId)
                .query(this::map).list();
    }

    /** Records a declaration and returns its id. SIRET: 14 digits or null (check it before). */
    public long add(String userId, String organisationName, String siret, String reason, String declaredBy) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into conflict_of_interest (user_id, organisation_name, siret, reason, declared_by, declared_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(userId, organisationName, siret, reason, declaredBy, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** @return whether a declaration was removed */
    public boolean remove(long id) {
        return jdbc.sql("delete from conflict_of_interest where id = ?").param(id).update() > 0;
    }

    /** Whether this person declared a conflict with this organisation (by SIRET, or by name). */
    public boolean hasConflict(String userId, String organisationName, String siret) {
        String name = normalise(organisationName);
        return ofUser(userId).stream().anyMatch(c ->
                (siret != null && !siret.isBlank() && siret.equals(c.siret()))
                        || (!name.isEmpty() && name.equals(normalise(c.organisationName()))));
    }

    /** Everyone who declared a conflict with this organisation (same rule as {@link #hasConflict}). */
    public Set<String> conflictedUsers(String organisationName, String siret) {
        String name = normalise(organisationName);
        return list().stream()
                .filter(c -> (siret != null && !siret.isBlank() && siret.equals(c.siret()))
                        || (!name.isEmpty() && name.equals(normalise(c.organisationName()))))
                .map(ConflictOfInterest::userId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private ConflictOfInterest map(ResultSet rs, int row) throws SQLException {
        return new ConflictOfInterest(rs.getLong("id"), rs.getString("user_id"), rs.getString("organisation_name"),
                rs.getString("siret"), rs.getString("reason"), rs.getString("declared_by"),
                rs.getObject("declared_at", OffsetDateTime.class).toInstant());
    }
}
