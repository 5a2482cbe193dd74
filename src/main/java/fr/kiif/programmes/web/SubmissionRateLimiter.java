package fr.kiif.programmes.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/** How many public submissions one client address may make per period (DESIGN §6: 429 when exceeded). */
@Component
public class SubmissionRateLimiter {

    private final long capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SubmissionRateLimiter(@Value("${kiif.rate-limit.submissions}") long capacity,
            @Value("${kiif.rate-limit.period}") Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    /** True when the client may submit now (and counts the submission). */
    public boolean tryAcquire(String clientAddress) {
        return buckets.computeIfAbsent(clientAddress, address -> newBucket()).tryConsume(1);
    }

    public void reset(String clientAddress) {
        buckets.remove(clientAddress);
    }

    /** Forgets clients whose bucket has refilled: they are back to a fresh one anyway. */
    @Scheduled(fixedDelayString = "${kiif.rate-limit.period}")
    public void forgetIdleClients() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build())
                .build();
    }
}
