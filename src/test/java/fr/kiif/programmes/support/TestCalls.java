package fr.kiif.programmes.support;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.Criterion;
import fr.kiif.programmes.call.ProgrammeCall;

/** Calls made for one test, with unique ids and reference prefixes. */
public final class TestCalls {

    private TestCalls() {
    }

    public static ProgrammeCall insert(CallRepository calls, Instant opensAt, Instant closesAt) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ProgrammeCall call = new ProgrammeCall("test-" + suffix, "fin-de-vie", "Fin de vie et deuil",
                "Appel de test " + suffix, "Un appel de test.", "Tout le monde.", "T" + suffix.substring(0, 6).toUpperCase(),
                opensAt, closesAt, List.of("gironde", "lyon-ain"), EnumSet.allOf(LegalForm.class), EnumSet.allOf(Stage.class),
                Duration.ofMinutes(5), Duration.ofMinutes(10),
                List.of(new Criterion("socialImpact", "Impact social", "Ampleur du changement.", 3)));
        calls.insert(call);
        return call;
    }

    public static ProgrammeCall closed(CallRepository calls) {
        Instant now = Instant.now();
        return insert(calls, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
    }
}
