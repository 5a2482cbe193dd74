package fr.kiif.programmes.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the admin-password refusal as a short report instead of a stack trace. */
public class WeakAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<WeakAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WeakAdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "export " + AdminPasswordPolicy.ENVIRONMENT_VARIABLE + "='<a strong password>' and start again.",
                cause);
    }
}
