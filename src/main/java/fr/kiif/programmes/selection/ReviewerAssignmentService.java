package fr.kiif.programmes.selection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.SelectionSettings;

/**
 * Who reviews an application. Territorial reviewers come from the routed incubator's group, cross
 * reviewers from the other incubators' groups; the person with the fewest open reviews first;
 * never the same person twice on one application; never someone with a declared conflict.
 */
@Service
public class ReviewerAssignmentService {

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final ReviewRepository reviews;
    private final AllianceReferenceData alliance;
    private final IdentityService identity;
    private final ConflictRegistry conflicts;
    private final Clock clock;

    public ReviewerAssignmentService(ApplicationRepository applications, CallRepository calls, ReviewRepository reviews,
            AllianceReferenceData alliance, IdentityService identity, ConflictRegistry conflicts, Clock clock) {
        this.conflicts = conflicts;
        this.applications = applications;
        this.calls = calls;
        this.reviews = reviews;
        this.alliance = alliance;
        this.identity = identity;
        this.clock = clock;
    }

    /** The review slots of an application of this call: territorial ones first, then cross ones. */
    public List<String> slots(String callId) {
        SelectionSettings settings = calls.selectionSettings(callId);
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < settings.territorialReviewers(); i++) {
            slots.add(ReviewKind.TERRITORIAL.name());
        }
        for (int i = 0; i < settings.crossReviewers(); i++) {
            slots.add(ReviewKind.CROSS.name());
        }
        return slots;
    }

    /** Assigns the best available person and records the review; empty when nobody is available. */
    public Optional<Assignment> assignAutomatically(String reference, ReviewKind kind, String territorialGroup) {
        Application application = application(reference);
        Set<String> excluded = excluded(application);
        Set<String> candidates = new LinkedHashSet<>(kind == ReviewKind.TERRITORIAL
                ? members(territorialGroup) : crossMembers(territorialGroup));
        candidates.removeAll(excluded);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> open = reviews.openReviewCounts();
        String chosen = candidates.stream()
                .min(Comparator.<String>comparingInt(user -> open.getOrDefault(user, 0)).thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
        return Optional.of(new Assignment(chosen, reviews.insertAssigned(application.id(), chosen, kind, clock.instant())));
    }

    /** Problems with a person chosen by hand, in French; empty when the person may review. */
    public Optional<String> checkManualChoice(String reference, Object userId) {
        if (!(userId instanceof String id) || id.isBlank()) {
            return Optional.of("Indiquez l'identifiant de la personne qui évaluera la candidature.");
        }
        String user = id.trim();
        boolean exists = SystemIdentity.call(identity, () -> identity.createUserQuery().userId(user).count() > 0);
        if (!exists) {
            return Optional.of("Aucun utilisateur ne porte l'identifiant « " + user + " ».");
        }
        Application application = application(reference);
        if (reviews.reviewersOf(application.id()).contains(user)) {
            return Optional.of("« " + user + " » évalue déjà cette candidature (ou s'en est retiré) : choisissez une autre personne.");
        }
        if (conflicts.conflictedUsers(application.organisationName(), application.siret()).contains(user)) {
            return Optional.of("« " + user + " » a déclaré un conflit d'intérêts avec cette structure : choisissez une autre personne.");
        }
        return Optional.empty();
    }

    /** Records a review for a person chosen by hand (checked before with {@link #checkManualChoice}). */
    public Assignment assignManually(String reference, ReviewKind kind, String userId) {
        checkManualChoice(reference, userId).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        Application application = application(reference);
        String user = userId.trim();
        return new Assignment(user, reviews.insertAssigned(application.id(), user, kind, clock.instant()));
    }

    /** Gives an open review to someone else: the old row is kept as REASSIGNED. */
    public Assignment reassign(String reference, long reviewId, ReviewKind kind, String newUserId) {
        Assignment assignment = assignManually(reference, kind, newUserId);
        reviews.markClosed(reviewId, ReviewStatus.REASSIGNED, null, clock.instant());
        return assignment;
    }

    /** The reviewer's email address in the Camunda identity, if any. */
    public Optional<String> email(String userId) {
        return SystemIdentity.call(identity, () -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .map(User::getEmail).filter(mail -> !mail.isBlank()));
    }

    private Set<String> excluded(Application application) {
        Set<String> excluded = new LinkedHashSet<>(reviews.reviewersOf(application.id()));
        excluded.addAll(conflicts.conflictedUsers(application.organisationName(), application.siret()));
        return excluded;
    }

    private Set<String> crossMembers(String territorialGroup) {
        Set<String> territorial = members(territorialGroup);
        Set<String> cross = new LinkedHashSet<>();
        for (Incubator incubator : alliance.incubators()) {
            if (!incubator.candidateGroup().equals(territorialGroup)) {
                cross.addAll(members(incubator.candidateGroup()));
            }
        }
        cross.removeAll(territorial);
        return cross;
    }

    private Set<String> members(String groupId) {
        return SystemIdentity.call(identity, () -> {
            Set<String> ids = new LinkedHashSet<>();
            identity.createUserQuery().memberOfGroup(groupId).list().forEach(user -> ids.add(user.getId()));
            return ids;
        });
    }

    private Application application(String reference) {
        return applications.findByReference(reference)
                .orElseThrow(() -> new IllegalStateException("No application " + reference));
    }

    /** A person given one review slot, and the review row. */
    public record Assignment(String reviewerId, long reviewId) {
    }
}
