package fr.kiif.programmes.call;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.notification.MailOutbox;

/** Emails of a call's own process, to the coordination. */
@Service
public class CallNotifications {

    private final CallRepository calls;
    private final MailOutbox outbox;
    private final String publicBaseUrl;
    private final String coordinationAddress;

    public CallNotifications(CallRepository calls, MailOutbox outbox,
                             @Value("${kiif.public-base-url}") String publicBaseUrl,
                             @Value("${kiif.mail.coordination-address}") String coordinationAddress) {
        this.calls = calls;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.coordinationAddress = coordinationAddress;
    }

    /** A human task of the call (preparing the jury, deliberating) is past its due date. */
    public void taskOverdue(String callId, String taskName, String dueDate, String dedupKey) {
        ProgrammeCall call = calls.findById(callId).orElseThrow();
        outbox.enqueue(dedupKey, coordinationAddress, "call-task-overdue",
                Map.of("callId", callId, "callTitle", call.title(), "taskName", taskName, "dueDate", dueDate,
                        "tasklistUrl", publicBaseUrl + "/camunda/app/tasklist/"),
                null);
    }
}
