package fr.kiif.programmes.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.StaffPages;

/** The staff navigation offers each person only the pages they may open. */
class StaffNavigationTest extends SpringTestBase {

    @Autowired TestRestTemplate http;

    @Test
    void coordinatorsGetTheCoordinationPages() {
        String page = page("coordination-1", "/pilotage");
        assertThat(page).contains("Espace coordination :").contains("href=\"/coordination/conflits\"")
                .contains("href=\"/coordination/appels\"").contains("href=\"/pilotage/exports\"")
                .doesNotContain("Espace incubateur");
    }

    @Test
    void incubatorStaffGetTheirIncubatorPagesAndNoLinkThatWouldBeRefused() {
        for (String path : new String[] {"/pilotage", "/incubateur/laureats", "/incubateur/impact"}) {
            String page = page("atis-1", path);
            assertThat(page).as(path).contains("Espace incubateur :").contains("href=\"/pilotage\"")
                    .contains("href=\"/incubateur/laureats\"").contains("href=\"/incubateur/impact\"")
                    .doesNotContain("href=\"/coordination/").doesNotContain("href=\"/pilotage/exports\"");
        }
        // The links offered really open for them.
        for (String path : new String[] {"/incubateur/laureats", "/incubateur/impact"}) {
            assertThat(get("atis-1", path).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
    }

    private ResponseEntity<String> get(String user, String path) {
        return new StaffPages(http).get(user, path);
    }

    private String page(String user, String path) {
        return new StaffPages(http).page(user, path);
    }
}
