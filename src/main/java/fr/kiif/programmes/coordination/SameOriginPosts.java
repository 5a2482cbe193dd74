package fr.kiif.programmes.coordination;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The coordination pages use HTTP Basic, which browsers replay on any request: a form posted from
 * another site would run with the coordinator's rights. Browsers send Origin on form posts, so a
 * post whose Origin is another host is refused.
 */
class SameOriginPosts implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || sameHost(origin, request.getHeader("Host"))
                || sameHost(origin, request.getHeader("X-Forwarded-Host"))) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "Requête d'un autre site refusée.");
        return false;
    }

    private static boolean sameHost(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.split(",")[0].strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
