package fr.kiif.programmes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.support.PostgresTestBase;

/** The overview's aggregate queries on PostgreSQL: the same known numbers as on H2, and the staff restriction. */
class DashboardPostgresTest extends PostgresTestBase {

    @Autowired DashboardSeed seed;
    @Autowired TestRestTemplate http;

    @Test
    void overviewCountsMatchTheSeededCall() throws Exception {
        DashboardSeed.Seeded seeded = seed.seed();
        ResponseEntity<String> response = http.withBasicAuth("coordination-1", "demo")
                .getForEntity("/api/pilotage/appels/" + seeded.call().id(), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        DashboardCounts.assertFullCall(new ObjectMapper().readTree(response.getBody()));

        ResponseEntity<String> ronalpia = http.withBasicAuth("ronalpia-1", "demo")
                .getForEntity("/api/pilotage/appels/" + seeded.call().id(), String.class);
        assertThat(new ObjectMapper().readTree(ronalpia.getBody()).path("funnel").path("call").path("total").asLong()).isEqualTo(3);
        assertThat(http.withBasicAuth("coordination-1", "demo").getForEntity("/pilotage/appels/" + seeded.call().id(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("coordination-1", "demo").getForEntity("/pilotage/candidatures/" + seeded.laureateAtis(),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
