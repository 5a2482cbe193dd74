package fr.kiif.programmes.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the engine authentication on the staff paths:
 * <ul>
 * <li>a browser opening a staff page without being logged in is sent to the login page
 * ({@code /connexion?retour=…}) instead of getting a bare 401; API callers still get 401;</li>
 * <li>requests authenticated by the session cookie (which browsers send on any request) must come
 * from this site when they change something: Origin (or Referer) of another host → 403;</li>
 * <li>the session user is left in the request attribute {@value #SESSION_USER} for the pages
 * ("Se déconnecter").</li>
 * </ul>
 * Requests carrying HTTP Basic credentials go through untouched.
 */
public class StaffLoginFilter extends OncePerRequestFilter {

    /** Request attribute: the user logged in through the session, when there is one. */
    public static final String SESSION_USER = "kiifSessionUser";

    private final ProcessEngine engine;

    public StaffLoginFilter(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") != null) {
            chain.doFilter(request, response);
            return;
        }
        var sessionUser = CamundaWebappSession.userId(request, engine.getName());
        if (sessionUser.isPresent()) {
            if (!safeMethod(request) && !fromThisSite(request, true)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Requête d'un autre site refusée.");
                return;
            }
            request.setAttribute(SESSION_USER, sessionUser.get());
        } else if (isPageRequest(request)) {
            String target = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            String login = request.getContextPath() + "/connexion"
                    + ReturnPath.local(target).map(t -> "?retour=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("");
            response.sendRedirect(login);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean safeMethod(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /** A browser's GET of an HTML page (not the JSON API, which answers 401). */
    private static boolean isPageRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && !path.startsWith("/api/")
                && accept != null && accept.contains("text/html");
    }

    /**
     * Origin, else Referer, names this host (as the browser reached it, possibly through a proxy).
     * Without either header: {@code required} decides (browsers send Origin on every post).
     */
    public static boolean fromThisSite(HttpServletRequest request, boolean required) {
        String source = request.getHeader("Origin");
        if (source == null || source.isBlank()) {
            source = request.getHeader("Referer");
        }
        if (source == null || source.isBlank()) {
            return !required;
        }
        return sameHost(source, request.getHeader("Host")) || sameHost(source, request.getHeader("X-Forwarded-Host"));
    }

    private static boolean sameHost(String source, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            String authority = URI.create(source.strip()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.split(",")[0].strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
