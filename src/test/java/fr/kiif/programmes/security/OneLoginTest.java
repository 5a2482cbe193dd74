package fr.kiif.programmes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.alliance.Groups;
import fr.kiif.programmes.alliance.IdentitySeeder;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * One login for Tasklist, Cockpit and the staff pages, over real HTTP with a cookie jar: our French
 * login opens the Camunda webapps, Camunda's own login opens our pages, logout ends both; browsers
 * without a login are sent to the login page, API callers get 401, HTTP Basic keeps working.
 */
class OneLoginTest extends SpringTestBase {

    private static final String CAMUNDA_USER = "/camunda/api/admin/auth/user/default";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;

    @Test
    void loginOnOurPageOpensTasklistCockpitAndStaffPages_logoutClosesThemAll() {
        Browser browser = new Browser();
        // A session exists before the login (the webapps hand out one on any visit).
        assertThat(browser.get(CAMUNDA_USER).statusCode()).isEqualTo(404);
        String sessionBefore = browser.cookie("JSESSIONID").orElseThrow();

        HttpResponse<String> login = browser.postForm("/connexion",
                Map.of("username", "coordination-1", "password", "demo", "retour", "/coordination/appels?onglet=1"));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/coordination/appels?onglet=1");
        assertThat(browser.cookie("JSESSIONID").orElseThrow()).as("new session id at login").isNotEqualTo(sessionBefore);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));

        HttpResponse<String> camundaUser = browser.get(CAMUNDA_USER);
        assertThat(camundaUser.statusCode()).isEqualTo(200);
        assertThat(camundaUser.body()).contains("\"userId\":\"coordination-1\"", "tasklist", "cockpit");

        HttpResponse<String> page = browser.get("/coordination/appels");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains("Se déconnecter", "coordination-1");
        assertThat(browser.getJson("/api/coordination/calls").statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(browser.get("/connexion").body()))
                .contains("Vous êtes connecté en tant que <strong>coordination-1</strong>");
        // The engine REST API stays on HTTP Basic: a browser's login gives no access there.
        assertThat(browser.getJson("/engine-rest/task").statusCode()).isEqualTo(401);

        HttpResponse<String> logout = browser.postForm("/deconnexion", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/connexion?deconnecte");
        assertThat(HtmlUtils.htmlUnescape(browser.get("/connexion?deconnecte").body()))
                .contains("Vous êtes déconnecté").doesNotContain("Vous êtes connecté");

        HttpResponse<String> again = browser.get("/coordination/appels");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow())
                .endsWith("/connexion?retour=%2Fcoordination%2Fappels");
        assertThat(browser.get(CAMUNDA_USER).statusCode()).isEqualTo(404);
        assertThat(browser.getJson("/api/coordination/calls").statusCode()).isEqualTo(401);
    }

    @Test
    void loginThroughTasklistIsRecognisedOnStaffPages() {
        Browser browser = new Browser();
        // Camunda's CSRF filter hands out its token on a GET and wants it back in a header on the POST.
        HttpResponse<String> visit = browser.get(CAMUNDA_USER);
        String token = visit.headers().firstValue("X-XSRF-TOKEN").or(() -> browser.cookie("XSRF-TOKEN")).orElseThrow();

        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(browser.uri(CAMUNDA_USER + "/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=coordination-2&password=demo")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        HttpResponse<String> page = browser.get("/coordination/appels");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("coordination-2");
        assertThat(browser.getJson("/api/coordination/calls").statusCode()).isEqualTo(200);

        // Incubator staff logged into Tasklist reach their own pages, not the coordination's.
        Browser staff = new Browser();
        String staffToken = staff.get(CAMUNDA_USER).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        assertThat(staff.send(HttpRequest.newBuilder(staff.uri(CAMUNDA_USER + "/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", staffToken)
                .POST(HttpRequest.BodyPublishers.ofString("username=atis-2&password=demo"))).statusCode()).isEqualTo(200);
        assertThat(staff.get("/incubateur/laureats").statusCode()).isEqualTo(200);
        assertThat(staff.get("/coordination/appels").statusCode()).isEqualTo(403);
    }

    @Test
    void anonymousBrowsersGoToTheLoginPage_apiCallersGet401() {
        Browser browser = new Browser();

        HttpResponse<String> page = browser.get("/coordination/appels?statut=ouvert");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .endsWith("/connexion?retour=%2Fcoordination%2Fappels%3Fstatut%3Douvert");
        assertThat(browser.get("/incubateur/laureats").statusCode()).isEqualTo(302);
        assertThat(browser.get("/pilotage").headers().firstValue("Location").orElseThrow())
                .endsWith("/connexion?retour=%2Fpilotage");

        HttpResponse<String> api = browser.getJson("/api/coordination/calls");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertThat(browser.getJson("/coordination/appels").statusCode()).as("not a browser's page request").isEqualTo(401);
        assertThat(browser.getJson("/api/pilotage/appels").statusCode()).isEqualTo(401);

        HttpResponse<String> form = browser.get("/connexion?retour=%2Fcoordination%2Fappels");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(form.body())).contains("Connexion", "Identifiant", "Mot de passe",
                "value=\"/coordination/appels\"");
    }

    @Test
    void httpBasicStillWorks() {
        Browser browser = new Browser();
        String basic = "Basic " + Base64.getEncoder().encodeToString("coordination-1:demo".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(browser.uri("/coordination/appels"))
                .header("Accept", "text/html").header("Authorization", basic).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Se connecter");
        assertThat(browser.send(HttpRequest.newBuilder(browser.uri("/api/coordination/calls"))
                .header("Accept", "application/json").header("Authorization", basic).GET()).statusCode()).isEqualTo(200);
        assertThat(browser.send(HttpRequest.newBuilder(browser.uri("/engine-rest/task"))
                .header("Accept", "application/json").header("Authorization", basic).GET()).statusCode()).isEqualTo(200);
        // Basic credentials never start a webapp session.
        assertThat(browser.get(CAMUNDA_USER).statusCode()).isEqualTo(404);
    }

    @Test
    void returnPathIsLocalOnly() {
        for (String evil : new String[] {"https://evil.example", "//evil.example/x", "/\\evil.example", "evil.example"}) {
            Browser browser = new Browser();
            HttpResponse<String> form = browser.get("/connexion?retour=" + encode(evil));
            assertThat(form.body()).doesNotContain("evil.example");

            HttpResponse<String> login = browser.postForm("/connexion",
                    Map.of("username", "coordination-1", "password", "demo", "retour", evil));
            assertThat(login.statusCode()).isEqualTo(302);
            String location = login.headers().firstValue("Location").orElseThrow();
            assertThat(location).doesNotContain("evil").isIn("/pilotage", browser.uri("/pilotage").toString());
        }
    }

    @Test
    void jurorsAreSentToTasklist() {
        Browser browser = new Browser();

        HttpResponse<String> login = browser.postForm("/connexion", Map.of("username", "jury-1", "password", "demo"));

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(HtmlUtils.htmlUnescape(login.body())).contains("réservées à la coordination", "Tasklist");
        assertThat(browser.get(CAMUNDA_USER).statusCode()).isEqualTo(404);
        assertThat(browser.get("/coordination/appels").statusCode()).isEqualTo(302);
    }

    @Test
    void aJurorWhoseSessionEndedLogsInHereOnTheWayBackToTheDossiers() {
        Browser browser = new Browser();
        String dossiers = "/jury/appels/" + IdentitySeeder.DEMO_CALL_ID;
        HttpResponse<String> toLogin = browser.get(dossiers);
        assertThat(toLogin.statusCode()).isEqualTo(302);

        HttpResponse<String> login = browser.postForm("/connexion", Map.of("username", "jury-1", "password", "demo",
                "retour", dossiers));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith(dossiers);
        HttpResponse<String> page = browser.get(dossiers);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(page.body())).contains("Dossiers du jury");
        // Still no staff pages for a juror.
        assertThat(browser.get("/pilotage").statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordsGetAFrenchError_andCamundaThrottlesTheAccount() {
        String userId = "connexion-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(userId);
        user.setPassword("le-bon-mot-de-passe");
        identityService.saveUser(user);
        identityService.createMembership(userId, Groups.COORDINATION);
        try {
            Browser browser = new Browser();
            HttpResponse<String> wrong = browser.postForm("/connexion", Map.of("username", userId, "password", "faux"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(HtmlUtils.htmlUnescape(wrong.body())).contains("Identifiant ou mot de passe incorrect")
                    .contains("value=\"" + userId + "\"");

            // Camunda delays the account after a failure: even the right password waits a little.
            assertThat(browser.postForm("/connexion", Map.of("username", userId, "password", "le-bon-mot-de-passe"))
                    .statusCode()).isEqualTo(401);
            ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(5).toMillis()));
            try {
                assertThat(browser.postForm("/connexion", Map.of("username", userId, "password", "le-bon-mot-de-passe"))
                        .statusCode()).isEqualTo(302);
            } finally {
                ClockUtil.reset();
            }

            Browser other = new Browser();
            assertThat(other.postForm("/connexion", Map.of("username", "personne-inconnue", "password", "demo"))
                    .statusCode()).isEqualTo(401);
            assertThat(other.postForm("/connexion", Map.of("username", "", "password", "")).statusCode()).isEqualTo(400);
        } finally {
            identityService.deleteUser(userId);
        }
    }

    @Test
    void requestsFromAnotherSiteAreRefused() {
        Browser browser = new Browser();
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(browser.uri("/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("username=coordination-1&password=demo")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get(CAMUNDA_USER).statusCode()).isEqualTo(404);

        assertThat(browser.postForm("/connexion", Map.of("username", "coordination-1", "password", "demo")).statusCode())
                .isEqualTo(302);
        // With a session cookie, a change must say where it comes from, and come from here.
        for (Optional<String> origin : new Optional[] {Optional.of("https://evil.example"), Optional.empty()}) {
            HttpRequest.Builder post = HttpRequest.newBuilder(browser.uri("/api/coordination/calls"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));
            origin.ifPresent(o -> post.header("Origin", o));
            assertThat(browser.send(post).statusCode()).as(origin.toString()).isEqualTo(403);
        }
        HttpResponse<String> fromHere = browser.send(HttpRequest.newBuilder(browser.uri("/api/coordination/calls"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(fromHere.statusCode()).as("validated, not refused").isEqualTo(400);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser: cookie jar, no redirect followed, Origin of this site on its form posts. */
    private class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
        }

        HttpResponse<String> getJson(String path) {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) {
            String body = new LinkedHashMap<>(fields).entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html")
                    .header("Origin", "http://localhost:" + port)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        Optional<String> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst();
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
