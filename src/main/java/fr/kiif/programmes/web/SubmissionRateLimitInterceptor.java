package fr.kiif.programmes.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Answers 429 (JSON for the API, a French page otherwise) when a client submits too often. */
@Component
public class SubmissionRateLimitInterceptor implements HandlerInterceptor {

    static final String MESSAGE = "Trop de dépôts depuis votre connexion : merci de réessayer plus tard.";

    private final SubmissionRateLimiter limiter;

    public SubmissionRateLimitInterceptor(SubmissionRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!"POST".equals(request.getMethod()) || limiter.tryAcquire(request.getRemoteAddr())) {
            return true;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "600");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"status\":429,\"title\":\"Trop de requêtes\",\"detail\":\"" + MESSAGE + "\"}");
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("""
                    <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Trop de dépôts – Kiif Programmes</title>
                    <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/css/kiif.css"></head>
                    <body><main><h1>Trop de dépôts</h1><p>%s</p><p><a href="/">Retour à l'accueil</a></p></main></body></html>
                    """.formatted(MESSAGE));
        }
        return false;
    }
}
