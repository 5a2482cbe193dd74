package fr.kiif.programmes.web;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A browser-like client for the public pages of the running test server: cookies kept, redirects not followed. */
public class PageClient {

    /** A file part of a multipart form. */
    public record FilePart(String fileName, String contentType, byte[] content) {
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public PageClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, FilePart> files) {
        String boundary = "----kiif" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        files.forEach((name, file) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            body.writeBytes(file.content());
            write(body, "\r\n");
        });
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Follows one redirect as a browser would (GET). */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        URI target = URI.create(baseUrl).resolve(location);
        return send(HttpRequest.newBuilder(target).header("Accept", "text/html").GET());
    }

    /** The fields of a complete, valid application for the demo call; change a copy to make it invalid. */
    public static Map<String, String> validApplication(String projectTitle) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organisationName", "Les Cafés du souvenir");
        form.put("legalForm", "ASSOCIATION");
        form.put("siret", "");
        form.put("departement", "33");
        form.put("contact.firstName", "Camille");
        form.put("contact.lastName", "Durand");
        form.put("contact.email", "camille.durand@example.fr");
        form.put("contact.phone", "06 01 02 03 04");
        form.put("projectTitle", projectTitle);
        form.put("summary", "Des cafés mortels itinérants en Gironde.");
        form.put("socialNeed", "Rompre l'isolement des personnes en deuil.");
        form.put("beneficiaries", "Personnes endeuillées et aidants, environ 300 par an.");
        form.put("stage", "LAUNCH");
        form.put("teamSize", "3");
        form.put("fundingToDate", "15 000");
        form.put("supportNeeds", "Modèle économique et mesure d'impact.");
        form.put("themeFit", "Le deuil est au cœur du projet.");
        form.put("consent", "true");
        form.put("_consent", "on");
        return form;
    }

    /** A minimal but real PDF document. */
    public static byte[] pdf() {
        String pdf = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """;
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }


    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
