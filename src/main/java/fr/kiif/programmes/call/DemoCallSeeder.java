package fr.kiif.programmes.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Territory;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.call.process.CallLifecycle;
import fr.kiif.programmes.impact.ImpactFramework;

/** Demo profile: the "Fin de vie et deuil" programme and its call, open for the coming months, published. */
@Component
@ConditionalOnProperty(name = "kiif.demo.enabled", havingValue = "true")
public class DemoCallSeeder {

    public static final String PROGRAMME_ID = "fin-de-vie";
    public static final String CALL_ID = "fin-de-vie-2026";
    /** The theme set of the shipped framework; a replaced framework without it gives its first set. */
    public static final String INDICATOR_SET = "fin-de-vie-deuil";

    private static final Logger log = LoggerFactory.getLogger(DemoCallSeeder.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final CallRepository calls;
    private final AllianceReferenceData alliance;
    private final Clock clock;
    private final CallLifecycle callLifecycle;
    private final ImpactFramework framework;

    public DemoCallSeeder(CallRepository calls, AllianceReferenceData alliance, Clock clock, CallLifecycle callLifecycle,
                          ImpactFramework framework) {
        this.calls = calls;
        this.alliance = alliance;
        this.clock = clock;
        this.callLifecycle = callLifecycle;
        this.framework = framework;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Order(0)
    @Transactional
    public void seed() {
        if (!calls.programmeExists(PROGRAMME_ID)) {
            calls.insertProgramme(PROGRAMME_ID, "Fin de vie et deuil", """
                    Premier programme des filières audacieuses du Kiif : accompagner les innovations sociales \
                    qui transforment la manière dont notre société accompagne la fin de vie, la mort et le deuil.""",
                    framework.hasSet(INDICATOR_SET) ? INDICATOR_SET : framework.sets().iterator().next().id());
        }
        if (calls.findById(CALL_ID).isEmpty()) {
            createCall();
        }
        // Also for a demo database made before the call had a process; publishing again changes nothing.
        callLifecycle.publish(CALL_ID);
    }

    private void createCall() {
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        Instant opensAt = today.minusDays(14).atTime(9, 0).atZone(PARIS).toInstant();
        Instant closesAt = today.plusMonths(4).atTime(12, 0).atZone(PARIS).toInstant().truncatedTo(ChronoUnit.HOURS);
        List<String> territories = alliance.territories().stream().map(Territory::id).toList();
        calls.insert(new ProgrammeCall(CALL_ID, PROGRAMME_ID, "Fin de vie et deuil",
                "Appel à solutions « Fin de vie et deuil » 2026", """
                Le Kiif et ses incubateurs membres recherchent des projets d'innovation sociale qui améliorent \
                l'accompagnement de la fin de vie, des personnes en deuil et de leurs proches : cafés mortels, \
                accompagnement des aidants, rites funéraires écologiques, soutien au deuil périnatal, \
                bénévolat d'accompagnement… Les lauréats sont accompagnés pendant neuf mois par l'incubateur \
                de leur territoire, avec des temps collectifs entre territoires.""", """
                Les porteuses et porteurs de projet d'innovation sociale installés sur un territoire couvert par \
                un incubateur du Kiif : associations, coopératives (SCIC, SCOP), sociétés agréées ESUS, autres \
                sociétés à finalité sociale, ou projets pas encore immatriculés.""",
                "FDV26", opensAt, closesAt, territories,
                EnumSet.allOf(LegalForm.class), EnumSet.allOf(Stage.class),
                Duration.ofDays(14), Duration.ofDays(10),
                List.of(new Criterion("socialImpact", "Impact social", "Ampleur et profondeur du changement visé pour les personnes concernées.", 3),
                        new Criterion("innovation", "Innovation", "Nouveauté de la réponse au regard de l'existant sur le territoire.", 2),
                        new Criterion("team", "Équipe", "Capacité de l'équipe à porter le projet.", 2),
                        new Criterion("economicModel", "Modèle économique", "Solidité et réalisme du modèle économique.", 2),
                        new Criterion("themeFit", "Lien avec la fin de vie et le deuil", "Pertinence au regard de la thématique du programme.", 1),
                        new Criterion("scaling", "Potentiel d'essaimage", "Capacité à se développer sur d'autres territoires.", 1))));
        calls.saveSelectionSettings(CALL_ID, new SelectionSettings(
                Map.of("ronalpia", 3, "atis", 2, "adress", 2, "ecossolies", 2, "antropia", 3), 10, 5, 2, 1,
                Duration.ofDays(21), Duration.ofDays(3), Duration.ofDays(7), false,
                List.of("jury-1", "jury-2", "jury-3"), Duration.ofDays(60), Duration.ofDays(270), Duration.ofDays(28)));
        log.info("Demo call {} created, open until {}", CALL_ID, closesAt);
    }
}
