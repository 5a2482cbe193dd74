package fr.kiif.programmes.cohort;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;

/**
 * Starts one {@code cohort-support} instance per laureate (business key = application reference).
 * Idempotent: the laureate_support row (primary key = application) is written in the same
 * transaction, so a second call for the same laureate does nothing.
 */
@Component("cohortSupportStarter")
public class CohortSupportStarter {

    public static final String PROCESS_KEY = "cohort-support";

    private final ApplicationRepository applications;
    private final CohortRepository cohort;
    private final RuntimeService runtime;
    private final Clock clock;

    public CohortSupportStarter(ApplicationRepository applications, CohortRepository cohort, RuntimeService runtime, Clock clock) {
        this.applications = applications;
        this.cohort = cohort;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Transactional
    public void start(String reference) {
        Application application = applications.findByReference(reference)
                .orElseThrow(() -> new IllegalStateException("No application " + reference));
        if (!cohort.insertSupport(application.id(), application.callId(), application.incubatorSlug(), clock.instant())) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationRef", reference);
        variables.put("callId", application.callId());
        variables.put("incubatorSlug", application.incubatorSlug());
        variables.put("incubatorGroup", application.incubatorSlug() == null ? "kiif-coordination"
                : Incubator.GROUP_PREFIX + application.incubatorSlug());
        runtime.startProcessInstanceByKey(PROCESS_KEY, reference, variables);
    }
}
