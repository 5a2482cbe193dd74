package fr.kiif.programmes.dashboard;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Incubator and territory of a handful of the call's applications, by reference (to place engine rows in scope). */
@Component
class CallApplications {

    /** Where an application belongs. */
    record Place(String reference, String incubatorSlug, String territory) {
    }

    private final JdbcClient jdbc;

    CallApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Place> places(String callId, Collection<String> references) {
        Map<String, Place> places = new HashMap<>();
        List<String> refs = List.copyOf(references);
        // Chunks keep the IN list small whatever the number of engine rows.
        for (int from = 0; from < refs.size(); from += 500) {
            jdbc.sql("select reference, incubator_slug, territory from application where call_id = :callId and reference in (:refs)")
                    .param("callId", callId).param("refs", refs.subList(from, Math.min(refs.size(), from + 500)))
                    .query(rs -> {
                        places.put(rs.getString(1), new Place(rs.getString(1), rs.getString(2), rs.getString(3)));
                    });
        }
        return places;
    }
}
