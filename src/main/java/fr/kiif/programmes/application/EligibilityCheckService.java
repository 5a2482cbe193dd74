package fr.kiif.programmes.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Departement;
import fr.kiif.programmes.alliance.Routing;
import fr.kiif.programmes.alliance.Territory;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.selection.SelectionProgress;

/** The eligibility check by the territorial incubator, and the applicant's completion answers. */
@Service
public class EligibilityCheckService {

    public static final String ELIGIBLE = "ELIGIBLE";
    public static final String INELIGIBLE = "INELIGIBLE";
    public static final String INCOMPLETE = "INCOMPLETE";
    public static final Set<String> OUTCOMES = Set.of(ELIGIBLE, INELIGIBLE, INCOMPLETE);
    public static final String COMPLETION_RECEIVED_MESSAGE = "CompletionReceived";
    public static final String NO_ANSWER_REASON =
            "Le complément demandé n'a pas été reçu dans le délai fixé par l'appel.";

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final AllianceReferenceData alliance;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SelectionProgress progress;

    public EligibilityCheckService(ApplicationRepository applications, CallRepository calls,
            AllianceReferenceData alliance, RuntimeService runtimeService, JdbcClient jdbc, Clock clock,
            SelectionProgress progress) {
        this.applications = applications;
        this.calls = calls;
        this.alliance = alliance;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.clock = clock;
        this.progress = progress;
    }

    public void recordRouting(String reference, Routing routing) {
        applications.updateRouting(application(reference).id(), routing.territory(), routing.incubatorSlug());
    }

    /** Marks the application as being checked; the first time only, it shows on the timeline. */
    public void startCheck(String reference) {
        Application application = application(reference);
        if (application.status() == ApplicationStatus.SUBMITTED) {
            applications.updateStatus(application.id(), ApplicationStatus.IN_CHECK);
            applications.addEvent(application.id(), ApplicationStatus.IN_CHECK, clock.instant(), null);
        }
    }

    /** Problems with a staff decision, in French; empty when it can be accepted. */
    public static Optional<String> validateDecision(Object outcome, Object comment) {
        if (!(outcome instanceof String value) || !OUTCOMES.contains(value)) {
            return Optional.of("Choisissez une décision : éligible, non éligible ou incomplet.");
        }
        boolean blankComment = !(comment instanceof String text) || text.isBlank();
        if (!ELIGIBLE.equals(value) && blankComment) {
            return Optional.of(INCOMPLETE.equals(value)
                    ? "Indiquez dans le commentaire ce qui manque : il est envoyé au porteur de projet."
                    : "Indiquez dans le commentaire la raison de la non-éligibilité : elle est envoyée au porteur de projet.");
        }
        if (comment instanceof String text && text.length() > 4000) {
            return Optional.of("Le commentaire est trop long (4 000 caractères au maximum).");
        }
        return Optional.empty();
    }

    public void recordDecision(String reference, String outcome, String comment) {
        Application application = application(reference);
        Instant now = clock.instant();
        applications.updateEligibility(application.id(), outcome, comment);
        switch (outcome) {
            case ELIGIBLE -> {
                applications.updateStatus(application.id(), ApplicationStatus.ELIGIBLE);
                applications.addEvent(application.id(), ApplicationStatus.ELIGIBLE, now, null);
            }
            case INELIGIBLE -> markIneligible(application, comment, now);
            case INCOMPLETE -> {
                applications.updateStatus(application.id(), ApplicationStatus.COMPLETION_REQUESTED);
                applications.addEvent(application.id(), ApplicationStatus.COMPLETION_REQUESTED, now, comment);
                jdbc.sql("insert into completion_request (application_id, message, requested_at) values (?, ?, ?)")
                        .params(application.id(), comment, ApplicationRepository.toDb(now)).update();
            }
            default -> throw new IllegalArgumentException("Unknown outcome " + outcome);
        }
    }

    /** The completion delay ran out: the application becomes ineligible. */
    public void closeUnanswered(String reference) {
        Application application = application(reference);
        applications.updateEligibility(application.id(), INELIGIBLE, NO_ANSWER_REASON);
        markIneligible(application, NO_ANSWER_REASON, clock.instant());
    }

    /**
     * The application leaves the selection. If it was the last one still in its eligibility check
     * and every eligible one is already scored, the call's process stops waiting for reviews (no
     * score will ever come to tell it).
     */
    private void markIneligible(Application application, String reason, Instant now) {
        applications.updateStatus(application.id(), ApplicationStatus.INELIGIBLE);
        applications.addEvent(application.id(), ApplicationStatus.INELIGIBLE, now, reason);
        progress.applicationReviewed(application.callId());
    }

    /** The open completion request of an application, if any. */
    public Optional<String> openCompletionRequest(long applicationId) {
        return jdbc.sql("select message from completion_request where application_id = ? and answered_at is null order by id desc")
                .param(applicationId).query(String.class).list().stream().findFirst();
    }

    /**
     * Stores the applicant's answer and hands the application back to the incubator, in one
     * transaction. Returns false when no completion is awaited any more (answered or expired).
     */
    @Transactional
    public boolean answerCompletion(long applicationId, String answer, Optional<UploadedPdf> document) {
        Application application = applications.findById(applicationId).orElseThrow();
        boolean awaited = runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(application.reference())
                .messageEventSubscriptionName(COMPLETION_RECEIVED_MESSAGE)
                .count() > 0;
        if (!awaited || application.status() != ApplicationStatus.COMPLETION_REQUESTED) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("update completion_request set answer = ?, answered_at = ? where application_id = ? and answered_at is null")
                .params(answer.trim(), ApplicationRepository.toDb(now), applicationId).update();
        document.ifPresent(pdf -> applications.addDocument(applicationId, "COMPLETION", pdf, now));
        applications.updateStatus(applicationId, ApplicationStatus.COMPLETION_RECEIVED);
        applications.addEvent(applicationId, ApplicationStatus.COMPLETION_RECEIVED, now, null);
        runtimeService.createMessageCorrelation(COMPLETION_RECEIVED_MESSAGE)
                .processInstanceBusinessKey(application.reference())
                .correlateWithResult();
        return true;
    }

    /** Rows shown in the eligibility form: the project, not the contact person's details. */
    public List<Map<String, String>> summary(String reference) {
        Application application = application(reference);
        String callTitle = calls.findById(application.callId()).orElseThrow().title();
        String departement = alliance.departement(application.departement())
                .map(Departement::name).map(name -> application.departement() + " – " + name)
                .orElse(application.departement());
        String territory = Optional.ofNullable(application.territory()).flatMap(alliance::territory)
                .map(Territory::name).orElse("Non couvert par un incubateur du Kiif");
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Référence", application.reference());
        rows.put("Appel", callTitle);
        rows.put("Structure", application.organisationName());
        rows.put("Forme juridique", application.legalForm().label());
        rows.put("SIRET", application.siret() == null ? "Non fourni" : application.siret());
        rows.put("Département", departement);
        rows.put("Territoire", territory);
        rows.put("Projet", application.projectTitle());
        rows.put("Stade", application.stage().label());
        rows.put("Taille de l'équipe", application.teamSize() + (application.teamSize() > 1 ? " personnes" : " personne"));
        rows.put("Financements obtenus", "%,d €".formatted(application.fundingToDate()).replace(',', ' '));
        rows.put("Résumé", application.summary());
        rows.put("Besoin social", application.socialNeed());
        rows.put("Bénéficiaires", application.beneficiaries());
        rows.put("Besoins d'accompagnement", application.supportNeeds());
        rows.put("Lien avec la thématique", application.themeFit());
        List<String> documents = applications.documentNames(application.id());
        rows.put("Documents joints", documents.isEmpty() ? "Aucun" : String.join(", ", documents));
        List<Map<String, String>> table = new ArrayList<>();
        rows.forEach((label, value) -> table.add(Map.of("label", label, "value", value)));
        jdbc.sql("select message, answer from completion_request where application_id = ? and answered_at is not null order by id")
                .param(application.id())
                .query((rs, n) -> Map.of("label", "Complément demandé : " + rs.getString("message"),
                        "value", "Réponse : " + rs.getString("answer")))
                .list().forEach(table::add);
        return table;
    }

    private Application application(String reference) {
        return applications.findByReference(reference)
                .orElseThrow(() -> new IllegalStateException("No application " + reference));
    }
}
