package fr.kiif.programmes.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Task completions through the engine REST API (ours at /engine-rest, and the one Tasklist calls under
 * /camunda/api/engine): when a complete listener refused the input ({@link TaskRefusal}), the caller gets
 * 400 with the French reason alone, instead of the engine's 500 whose message wraps it in English.
 */
@Component
public class TaskRefusalResponses extends OncePerRequestFilter {

    private static final Pattern COMPLETION =
            Pattern.compile("/(engine-rest|camunda/api/engine/engine/[^/]+)/task/[^/]+/(complete|submit-form)");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        Object reason = request.getAttribute(TaskRefusal.REQUEST_ATTRIBUTE);
        if (reason != null && buffered.getStatus() >= 500) {
            buffered.resetBuffer();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "TaskRefusal");
            body.put("message", reason);
            body.put("code", null);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(json.writeValueAsBytes(body));
            return;
        }
        buffered.copyBodyToResponse();
    }
}
