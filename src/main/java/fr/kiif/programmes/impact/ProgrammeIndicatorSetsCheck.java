package fr.kiif.programmes.impact;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A replaced framework file must still define the sets the stored programmes measure: otherwise their
 * questionnaires and reports would fail later, far from the cause. Checked once the database is migrated.
 */
@Component
public class ProgrammeIndicatorSetsCheck {

    private final JdbcClient jdbc;
    private final ImpactFramework framework;
    private final String source;

    public ProgrammeIndicatorSetsCheck(JdbcClient jdbc, ImpactFramework framework,
                                       @Value("${kiif.impact.framework}") String source) {
        this.jdbc = jdbc;
        this.framework = framework;
        this.source = source;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Order(-10)
    public void check() {
        List<String> problems = jdbc.sql("select id, indicator_set from programme order by id")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list().stream()
                .filter(row -> !framework.hasSet(row[1]))
                .map(row -> "set '" + row[1] + "' is missing, but programme '" + row[0] + "' measures it "
                        + "(keep the set in the file, or change the programme's indicator_set in the database)")
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidImpactFrameworkException(source, problems);
        }
    }
}
