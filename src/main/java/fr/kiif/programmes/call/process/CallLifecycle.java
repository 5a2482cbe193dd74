package fr.kiif.programmes.call.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.alliance.IdentitySeeder;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.security.SystemAccess;

/** Publication of a call: its jury group and the start of its process ({@code programme-call}). */
@Service
public class CallLifecycle {

    public static final String PROCESS_KEY = "programme-call";
    static final String OPENING_TIMER = "Timer_CallOpens";

    private static final Logger log = LoggerFactory.getLogger(CallLifecycle.class);

    private final CallRepository calls;
    private final IdentitySeeder identitySeeder;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final SystemAccess systemAccess;
    private final ManagementService managementService;
    private final Clock clock;
    private final Duration completionReminderBefore;

    public CallLifecycle(CallRepository calls, IdentitySeeder identitySeeder, RuntimeService runtimeService,
                         HistoryService historyService, SystemAccess systemAccess,
                         ManagementService managementService, Clock clock,
                         @Value("${kiif.selection.completion-reminder-before:P3D}") Duration completionReminderBefore) {
        this.calls = calls;
        this.identitySeeder = identitySeeder;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.systemAccess = systemAccess;
        this.managementService = managementService;
        this.clock = clock;
        this.completionReminderBefore = completionReminderBefore;
    }

    /**
     * Publishes the call: ensures its jury group {@code jury-<callId>} with the call's jury members,
     * sets the status PUBLISHED and starts its process (business key = call id). Publishing a call
     * whose process exists already (running or ended) changes nothing. Callers check who may publish;
     * the engine work runs without the current user's authorizations.
     *
     * @throws IllegalArgumentException when the call does not exist
     */
    @Transactional
    public void publish(String callId) {
        ProgrammeCall call = calls.findById(callId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown call: " + callId));
        calls.lockForUpdate(callId);
        asSystem(() -> {
            if (isPublished(callId)) {
                log.info("Call {} is already published", callId);
                return null;
            }
            SelectionSettings settings = calls.selectionSettings(callId);
            String juryGroup = identitySeeder.ensureJuryGroup(callId);
            identitySeeder.ensureJuryMembers(callId, settings.juryMembers());
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put(CallProcessSteps.CALL_ID, callId);
            variables.put(CallProcessSteps.JURY_GROUP, juryGroup);
            variables.putAll(CallSchedule.of(call, settings, completionReminderBefore, clock.instant()).variables());
            calls.updateStatus(callId, CallStatus.PUBLISHED);
            runtimeService.startProcessInstanceByKey(PROCESS_KEY, callId, variables);
            log.info("Call {} published: opens {}, closes {}", callId, call.opensAt(), call.closesAt());
            return null;
        });
    }

    /**
     * The opening date of a published call changed before opening: its process waits for the new
     * date (the other dates are read again at opening).
     */
    @Transactional
    public void rescheduleOpening(String callId) {
        ProgrammeCall call = calls.findById(callId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown call: " + callId));
        asSystem(() -> {
            Job opening = managementService.createJobQuery().processDefinitionKey(PROCESS_KEY)
                    .activityId(OPENING_TIMER).timers().list().stream()
                    .filter(job -> callId.equals(runtimeService.createProcessInstanceQuery()
                            .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
                    .findFirst().orElse(null);
            if (opening == null) {
                return null;
            }
            Instant opensAt = call.opensAt().truncatedTo(ChronoUnit.SECONDS);
            runtimeService.setVariable(opening.getProcessInstanceId(), CallSchedule.OPENS_AT, opensAt.toString());
            managementService.setJobDuedate(opening.getId(), Date.from(opensAt));
            log.info("Call {} now opens {}", callId, opensAt);
            return null;
        });
    }

    /** Whether the call's process was started (it may have ended since). */
    public boolean isPublished(String callId) {
        return asSystem(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(callId).count() > 0
                || historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(callId).count() > 0);
    }

    private <T> T asSystem(Supplier<T> work) {
        return systemAccess.run(work);
    }
}
