package fr.kiif.programmes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.call.DemoCallSeeder;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.SpringTestBase;

/** A client that submits too often gets 429 (French), and nothing is stored. */
class SubmissionRateLimitTest extends SpringTestBase {

    // The test client may reach the server over IPv4 or IPv6 loopback.
    private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

    @Autowired SubmissionRateLimiter limiter;
    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Value("${kiif.rate-limit.submissions}") long capacity;

    @AfterEach
    void reset() {
        LOOPBACK.forEach(limiter::reset);
    }

    @Test
    void apiAndFormAnswer429WhenTheClientHasUsedItsAllowance() {
        exhaust();
        String email = "limite-" + UUID.randomUUID() + "@example.org";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> api = http.postForEntity("/api/calls/" + DemoCallSeeder.CALL_ID + "/applications",
                new HttpEntity<>(ApplicationForms.json("33", email), headers), String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(api.getBody()).contains("Trop de dépôts");
        assertThat(api.getHeaders().getFirst("Retry-After")).isNotBlank();

        HttpHeaders formHeaders = new HttpHeaders();
        formHeaders.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> page = http.postForEntity("/appels/" + DemoCallSeeder.CALL_ID + "/candidater",
                new HttpEntity<>("organisationName=x", formHeaders), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(page.getBody()).contains("lang=\"fr\"").contains("Trop de dépôts");

        assertThat(jdbc.sql("select count(*) from application where contact_email = ?").param(email)
                .query(Integer.class).single()).isZero();
        // Reading pages is never limited.
        assertThat(http.getForEntity("/appels/" + DemoCallSeeder.CALL_ID, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void allowanceComesBackForAFreshClient() {
        exhaust();
        LOOPBACK.forEach(limiter::reset);
        assertThat(limiter.tryAcquire("127.0.0.1")).isTrue();
    }

    private void exhaust() {
        for (String address : LOOPBACK) {
            for (long i = 0; i < capacity; i++) {
                limiter.tryAcquire(address);
            }
            assertThat(limiter.tryAcquire(address)).isFalse();
        }
    }
}
