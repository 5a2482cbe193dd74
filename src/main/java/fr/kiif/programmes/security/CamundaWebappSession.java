package fr.kiif.programmes.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The login Tasklist, Cockpit and Admin keep in the HTTP session, read and written for our own pages
 * so that staff log in once. DESIGN §8 exception (README): Camunda offers no public API for its
 * webapps' session, so this class — and only this class — uses {@code org.camunda.bpm.webapp.impl}.
 * On a move to Operaton or Camunda 8 it is the one place to change.
 */
public final class CamundaWebappSession {

    private CamundaWebappSession() {
    }

    /** The user logged into the Camunda webapps for this engine in the caller's session, if any. */
    public static Optional<String> userId(HttpServletRequest request, String engineName) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentication authentication;
        try {
            authentication = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
        return Optional.ofNullable(authentication).map(Authentication::getIdentityId);
    }

    /**
     * Logs the user (password already checked) into the webapps: the same session content as
     * Camunda's own login, in a new session (new id, against session fixation).
     */
    public static void logIn(HttpServletRequest request, ProcessEngine engine, String userId) {
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
        if (authentication == null) {
            throw new IllegalArgumentException("Unknown user " + userId);
        }
        AuthenticationUtil.revalidateSession(request, authentication);
    }
}
