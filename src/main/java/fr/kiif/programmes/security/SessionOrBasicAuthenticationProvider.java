package fr.kiif.programmes.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * The staff pages' authentication: the Camunda webapps' session login first (one login for
 * Tasklist, Cockpit and our pages), else HTTP Basic (scripts, API clients, tests). The engine
 * authentication filter then sets the user and their current groups as the engine's authentication.
 */
public class SessionOrBasicAuthenticationProvider implements AuthenticationProvider {

    private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return CamundaWebappSession.userId(request, engine.getName())
                .map(AuthenticationResult::successful)
                .orElseGet(() -> basic.extractAuthenticatedUser(request, engine));
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        basic.augmentResponseByAuthenticationChallenge(response, engine);
    }
}
