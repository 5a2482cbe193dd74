package fr.kiif.programmes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** The known numbers of {@link DashboardSeed}'s call, checked on the overview's JSON (H2 and PostgreSQL alike). */
final class DashboardCounts {

    private DashboardCounts() {
    }

    static void assertFullCall(JsonNode overview) {
        JsonNode call = overview.path("funnel").path("call");
        assertThat(call.path("total").asLong()).isEqualTo(8);
        JsonNode stages = call.path("stages");
        assertThat(stages.path("SUBMITTED").asLong()).isEqualTo(1);
        assertThat(stages.path("AWAITING_COMPLETION").asLong()).isZero();
        assertThat(stages.path("INELIGIBLE").asLong()).isEqualTo(1);
        assertThat(stages.path("REVIEWED").asLong()).isEqualTo(1);
        assertThat(stages.path("SELECTED").asLong()).isEqualTo(3);
        assertThat(stages.path("WAITLISTED").asLong()).isEqualTo(1);
        assertThat(stages.path("REJECTED").asLong()).isEqualTo(1);
        assertThat(stages.path("IN_SUPPORT").asLong()).isZero();
        assertThat(call.path("reviewsDone").asLong()).isEqualTo(6);
        assertThat(call.path("reviewsDue").asLong()).isZero();

        JsonNode atis = row(overview.path("funnel").path("byIncubator"), "atis");
        assertThat(atis.path("total").asLong()).isEqualTo(5);
        assertThat(atis.path("laureates").asLong()).isEqualTo(2);
        assertThat(atis.path("quota").asInt()).isEqualTo(2);
        assertThat(atis.path("reviewsDone").asLong()).isEqualTo(4);
        JsonNode ronalpia = row(overview.path("funnel").path("byIncubator"), "ronalpia");
        assertThat(ronalpia.path("total").asLong()).isEqualTo(3);
        assertThat(ronalpia.path("laureates").asLong()).isEqualTo(1);
        JsonNode gironde = row(overview.path("funnel").path("byTerritory"), "gironde");
        assertThat(gironde.path("total").asLong()).isEqualTo(5);
        assertThat(gironde.path("reviewsDone").asLong()).isEqualTo(4);
        assertThat(row(overview.path("funnel").path("byTerritory"), "lyon-ain").path("reviewsDone").asLong()).isEqualTo(2);

        // One territorial review per reviewed application, done by the staff of its incubator.
        JsonNode reviewers = overview.path("reviewers").path("reviewers");
        assertThat(reviewers.findValues("done").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(6);
        assertThat(reviewers.findValues("open").stream().mapToLong(JsonNode::asLong).sum()).isZero();
        assertThat(reviewers.findValues("cross").stream().mapToLong(JsonNode::asLong).sum()).isZero();
        assertThat(reviewers.findValues("reviewerId")).allSatisfy(id -> assertThat(id.asText()).matches("(atis|ronalpia)-\\d"));

        assertThat(overview.path("overdue").path("tasks")).hasSize(1);
        assertThat(overview.path("overdue").path("byIncubator").path("atis").asLong()).isEqualTo(1);
        assertThat(overview.path("overdue").path("byPerson").path(OverdueTasks.UNASSIGNED).asLong()).isEqualTo(1);

        JsonNode selection = overview.path("selection");
        assertThat(selection.path("scored").asLong()).isEqualTo(6);
        assertThat(selection.path("scores").get(4).path("count").asLong()).isEqualTo(6);

        JsonNode cohort = overview.path("cohort").path("total");
        assertThat(cohort.path("laureates").asLong()).isEqualTo(3);
        assertThat(cohort.path("running").asLong()).isEqualTo(3);

        JsonNode engine = overview.path("engine");
        assertThat(engine.path("runningApplications").asLong()).isEqualTo(3);
        assertThat(engine.path("undecidedApplications").asLong()).isEqualTo(2);
        assertThat(engine.path("runningSupports").asLong()).isEqualTo(3);
        assertThat(engine.path("consistent").asBoolean()).isTrue();
        assertThat(overview.path("incidents")).isEmpty();
    }

    static JsonNode row(JsonNode rows, String key) {
        for (JsonNode row : rows) {
            if (key.equals(row.path("key").asText())) {
                return row;
            }
        }
        throw new AssertionError("No row " + key + " in " + rows);
    }
}
