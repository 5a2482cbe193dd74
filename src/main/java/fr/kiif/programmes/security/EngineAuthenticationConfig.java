package fr.kiif.programmes.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Authentication against the Camunda identity; nothing below is open to anonymous callers.
 * <ul>
 * <li>The engine REST API ({@code /engine-rest}): HTTP Basic only (no cookies, so no cross-site
 * request can use a browser's login there).</li>
 * <li>The staff pages and APIs (coordination, incubator staff, dashboard, the jury's dossiers): the Camunda webapps'
 * session login (one login with Tasklist and Cockpit, see {@code /connexion}) or HTTP Basic;
 * {@link StaffLoginFilter} sends browsers without a login to the login page first.</li>
 * </ul>
 */
@Configuration
public class EngineAuthenticationConfig {

    static final String[] STAFF_PATHS = {"/coordination/*", "/api/coordination/*", "/incubateur/*",
            "/pilotage/*", "/api/pilotage/*", "/jury/*"};

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("kiif-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<StaffLoginFilter> staffLogin(ProcessEngine engine) {
        FilterRegistrationBean<StaffLoginFilter> registration = new FilterRegistrationBean<>(new StaffLoginFilter(engine));
        registration.setName("kiif-staff-login");
        registration.addUrlPatterns(STAFF_PATHS);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> staffAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("kiif-staff-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SessionOrBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns(STAFF_PATHS);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
