package fr.kiif.programmes.impact;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the framework file's problems as a short report instead of a stack trace. */
public class ImpactFrameworkFailureAnalyzer extends AbstractFailureAnalyzer<InvalidImpactFrameworkException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidImpactFrameworkException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the file (its format is described in docs/impact-framework.md), or point "
                        + "KIIF_IMPACT_FRAMEWORK (property kiif.impact.framework) to a valid file, and start again.",
                cause);
    }
}
