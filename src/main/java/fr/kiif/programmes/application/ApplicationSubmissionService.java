package fr.kiif.programmes.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;

/**
 * Stores a new application and starts its process in one transaction: either both happen or
 * nothing does.
 */
@Service
public class ApplicationSubmissionService {

    public static final String PROCESS_KEY = "application";
    public static final String PITCH_DECK = "PITCH_DECK";

    private final CallRepository calls;
    private final ApplicationRepository applications;
    private final AllianceReferenceData alliance;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ApplicationSubmissionService(CallRepository calls, ApplicationRepository applications,
            AllianceReferenceData alliance, RuntimeService runtimeService, JdbcClient jdbc,
            TransactionTemplate transaction, Clock clock) {
        this.calls = calls;
        this.applications = applications;
        this.alliance = alliance;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Checks that the call exists and accepts applications now. */
    public ProgrammeCall openCall(String callId) {
        ProgrammeCall call = calls.findById(callId).orElseThrow(() -> new UnknownCallException(callId));
        if (!call.isOpenAt(clock.instant()) || calls.isDraft(callId)) {
            throw new CallNotOpenException(callId);
        }
        return call;
    }

    /**
     * Submits an already bean-validated form. With an idempotency key, a repeated submission returns
     * the first result instead of creating a second application.
     */
    public SubmissionResult submit(String callId, ApplicationForm form, Optional<UploadedPdf> pitchDeck,
            String idempotencyKey) {
        ProgrammeCall call = openCall(callId);
        if (alliance.departement(form.getDepartement()).isEmpty()) {
            throw new InvalidSubmissionException(Map.of("departement", "Ce département n'existe pas."));
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && key.length() > 200) {
            throw new InvalidSubmissionException(Map.of("Idempotency-Key", "La clé d'idempotence est trop longue (200 caractères au maximum)."));
        }
        if (key != null) {
            Optional<SubmissionResult> earlier = findIdempotent(callId, key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return transaction.execute(status -> store(call, form, pitchDeck, key));
        } catch (DuplicateKeyException raced) {
            // Another request with the same key committed first: answer with its result.
            if (key != null) {
                return findIdempotent(callId, key).orElseThrow(() -> raced);
            }
            throw raced;
        }
    }

    private SubmissionResult store(ProgrammeCall call, ApplicationForm form, Optional<UploadedPdf> pitchDeck, String key) {
        Instant now = clock.instant();
        String reference = "%s-%04d".formatted(call.referencePrefix(), calls.nextApplicationNumber(call.id()));
        long id = applications.insert(reference, call.id(), form, now);
        applications.addEvent(id, ApplicationStatus.SUBMITTED, now, null);
        pitchDeck.ifPresent(pdf -> applications.addDocument(id, PITCH_DECK, pdf, now));
        if (key != null) {
            jdbc.sql("insert into idempotent_submission (call_id, idempotency_key, application_id, created_at) values (?, ?, ?, ?)")
                    .params(call.id(), key, id, now.atOffset(ZoneOffset.UTC)).update();
        }
        runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(reference)
                .setVariables(Variables.createVariables()
                        .putValue("callId", call.id())
                        .putValue("applicationRef", reference)
                        .putValue("departement", form.getDepartement())
                        .putValue("completionDelay", call.completionDelay().toString())
                        .putValue("eligibilityCheckDelay", call.eligibilityCheckDelay().toString()))
                .execute();
        ApplicationStatus status = applications.findById(id).orElseThrow().status();
        return new SubmissionResult(reference, status);
    }

    private Optional<SubmissionResult> findIdempotent(String callId, String key) {
        return jdbc.sql("""
                select a.reference, a.status from idempotent_submission i join application a on a.id = i.application_id
                where i.call_id = ? and i.idempotency_key = ?
                """)
                .params(callId, key)
                .query((rs, n) -> new SubmissionResult(rs.getString(1), ApplicationStatus.valueOf(rs.getString(2))))
                .optional();
    }
}
