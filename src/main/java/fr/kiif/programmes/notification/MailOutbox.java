package fr.kiif.programmes.notification;

import java.util.Map;

import org.springframework.stereotype.Service;

/** Temporary stand-in until the outbox lands (replaced on merge). */
@Service
public class MailOutbox {

    public void enqueue(String dedupKey, String recipient, String template, Map<String, Object> variables,
            String applicationRef) {
        throw new UnsupportedOperationException("outbox not merged yet");
    }
}
