package fr.kiif.programmes.impact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A call measures the indicator set its programme chose. */
@Service
public class CallIndicatorSets {

    private final JdbcClient jdbc;
    private final ImpactFramework framework;

    public CallIndicatorSets(JdbcClient jdbc, ImpactFramework framework) {
        this.jdbc = jdbc;
        this.framework = framework;
    }

    public IndicatorSet forCall(String callId) {
        String setId = jdbc.sql("""
                select p.indicator_set from programme p join programme_call c on c.programme_id = p.id where c.id = ?
                """).param(callId).query(String.class).single();
        return framework.set(setId);
    }
}
