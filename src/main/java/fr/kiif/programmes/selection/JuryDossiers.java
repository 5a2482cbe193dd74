package fr.kiif.programmes.selection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.application.EligibilityCheckService;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;

/**
 * What the jury reads before deliberating: every application of its set in full (the summary the incubator
 * checked, without the contact person), its score and the reviewers' recommendations, and a link to its documents.
 */
@Service
public class JuryDossiers {

    public record Dossier(String reference, String projectTitle, String incubator, String score, boolean disagreement,
            List<Map<String, String>> summary, List<String> reviews, String documentsUrl) {
    }

    public record Dossiers(String callId, String callTitle, String quotaSummary, List<Dossier> dossiers) {
    }

    private final JuryAccess access;
    private final CallRepository calls;
    private final SelectionRepository selection;
    private final JuryService jury;
    private final EligibilityCheckService eligibility;

    public JuryDossiers(JuryAccess access, CallRepository calls, SelectionRepository selection, JuryService jury,
            EligibilityCheckService eligibility) {
        this.access = access;
        this.calls = calls;
        this.selection = selection;
        this.jury = jury;
        this.eligibility = eligibility;
    }

    /** @throws JuryDossierException 404 for an unknown call, 403 for anyone but its jury and the coordination */
    @Transactional(readOnly = true)
    public Dossiers of(String callId) {
        ProgrammeCall call = calls.findById(callId).orElseThrow(() -> JuryDossierException.notFound("Cet appel n'existe pas."));
        if (!access.juror(callId) && !access.coordinator()) {
            throw JuryDossierException.forbidden("Ces dossiers sont réservés au jury de l'appel et à la coordination du Kiif.");
        }
        Map<Long, List<ReviewRow>> reviews = selection.reviews(callId).stream()
                .collect(Collectors.groupingBy(ReviewRow::applicationId));
        List<Dossier> dossiers = selection.applications(callId, JuryAccess.JURY_SET).stream()
                .sorted(Comparator.comparing(JuryDecisionRules::incubator)
                        .thenComparing(CallApplication::weightedScore, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(CallApplication::reference))
                .map(a -> new Dossier(a.reference(), a.projectTitle(), jury.incubatorName(a.incubatorSlug()),
                        JuryService.score(a.weightedScore()), a.disagreement(), eligibility.summary(a.reference()),
                        JuryService.reviewLines(reviews.getOrDefault(a.id(), List.of())),
                        "/pilotage/candidatures/" + a.reference() + "/documents"))
                .toList();
        return new Dossiers(callId, call.title(), jury.quotaSummary(calls.selectionSettings(callId)), dossiers);
    }
}
