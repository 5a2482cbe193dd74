package fr.kiif.programmes.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** Staff pages requested as a demo user (HTTP Basic, password "demo"), as the page tests read them. */
public final class StaffPages {

    private final TestRestTemplate http;

    public StaffPages(TestRestTemplate http) {
        this.http = http;
    }

    public ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    /** The page's HTML, entities decoded; fails unless it answers 200. */
    public String page(String user, String path) {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.OK);
        return HtmlUtils.htmlUnescape(response.getBody());
    }
}
