package fr.kiif.programmes.selection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;


import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Groups;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.selection.JuryDecision.Decision;
import fr.kiif.programmes.web.FrenchDates;
import fr.kiif.programmes.web.PdfDocuments;

/**
 * The jury's minutes (procès-verbal) as a PDF: call, date, jury members, recusals, decisions with
 * scores and rationales, quotas used. HTML from {@code templates/pdf/proces-verbal.html}
 * (Thymeleaf, private engine), laid out by openhtmltopdf.
 */
@Component
public class JuryMinutes {

    private final CallRepository calls;
    private final AllianceReferenceData alliance;
    private final SelectionRepository selection;
    private final IdentityService identityService;
    private final FrenchDates dates;
    private final Clock clock;
    private final PdfDocuments pdf;

    public JuryMinutes(CallRepository calls, AllianceReferenceData alliance, SelectionRepository selection, IdentityService identityService,
                       FrenchDates dates, Clock clock, PdfDocuments pdf) {
        this.calls = calls;
        this.alliance = alliance;
        this.selection = selection;
        this.identityService = identityService;
        this.dates = dates;
        this.clock = clock;
        this.pdf = pdf;
    }

    /** One line of the decisions table. */
    public record Line(String reference, String incubator, String projectTitle, String score, boolean disagreement,
                       String decision, Integer waitlistRank, String rationale) {
    }

    /** Quotas used by one incubator. */
    public record QuotaUse(String incubator, long selected, int quota, long waitlisted) {
    }

    /** A recusal of a reviewer. */
    public record Recusal(String reviewerId, String reference, String reason) {
    }

    /** A jury member: Camunda user id and, when known, name. */
    public record Member(String userId, String name) {
    }

    /** Renders the minutes of the call's stored decisions. */
    public byte[] render(String callId) {
        ProgrammeCall call = calls.findById(callId).orElseThrow();
        SelectionSettings settings = calls.selectionSettings(callId);
        List<StoredDecision> decisions = selection.decisions(callId);
        Map<String, CallApplication> applications = selection.applicationsByReference(callId,
                        decisions.stream().map(StoredDecision::reference).toList()).stream()
                .collect(Collectors.toMap(CallApplication::reference, Function.identity()));
        Map<Long, String> references = applications.values().stream()
                .collect(Collectors.toMap(CallApplication::id, CallApplication::reference));

        List<Line> lines = new ArrayList<>();
        Map<String, long[]> used = new LinkedHashMap<>();
        new TreeSet<>(settings.quotas().keySet()).forEach(slug -> used.put(slug, new long[2]));
        for (StoredDecision decision : decisions) {
            CallApplication application = applications.get(decision.reference());
            String slug = JuryDecisionRules.incubator(application);
            lines.add(new Line(decision.reference(), incubatorName(slug), application.projectTitle(),
                    JuryService.score(application.weightedScore()), application.disagreement(),
                    decision.decision().label(), decision.waitlistRank(), decision.rationale()));
            long[] counts = used.computeIfAbsent(slug, k -> new long[2]);
            if (decision.decision() == Decision.SELECTED) {
                counts[0]++;
            } else if (decision.decision() == Decision.WAITLISTED) {
                counts[1]++;
            }
        }
        List<QuotaUse> quotas = used.entrySet().stream()
                .map(e -> new QuotaUse(incubatorName(e.getKey()), e.getValue()[0],
                        settings.quotas().getOrDefault(e.getKey(), 0), e.getValue()[1]))
                .toList();
        List<Recusal> recusals = selection.reviews(callId).stream().filter(ReviewRow::recused)
                .filter(r -> references.containsKey(r.applicationId()))
                .map(r -> new Recusal(r.reviewerId(), references.get(r.applicationId()), r.recusalReason()))
                .toList();

        Context context = new Context(Locale.FRANCE);
        context.setVariable("call", call);
        context.setVariable("date", dates.dateTime(clock.instant()));
        context.setVariable("members", members(callId, settings));
        context.setVariable("recusals", recusals);
        context.setVariable("lines", lines);
        context.setVariable("quotas", quotas);
        context.setVariable("cohortSize", settings.cohortSize());
        context.setVariable("waitlistSize", settings.waitlistSize());
        context.setVariable("selectedTotal", decisions.stream().filter(d -> d.decision() == Decision.SELECTED).count());
        context.setVariable("waitlistedTotal", decisions.stream().filter(d -> d.decision() == Decision.WAITLISTED).count());
        return pdf.render("proces-verbal", context);
    }

    private List<Member> members(String callId, SelectionSettings settings) {
        Set<String> ids = new LinkedHashSet<>(settings.juryMembers());
        identityService.createUserQuery().memberOfGroup(Groups.jury(callId)).orderByUserId().asc().list()
                .forEach(user -> ids.add(user.getId()));
        List<Member> members = new ArrayList<>();
        for (String id : new TreeSet<>(ids)) {
            User user = identityService.createUserQuery().userId(id).singleResult();
            String name = user == null ? null
                    : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName())).strip();
            members.add(new Member(id, name == null || name.isEmpty() ? null : name));
        }
        return members;
    }

    private String incubatorName(String slug) {
        if (slug == null || slug.isEmpty()) {
            return "Hors territoire";
        }
        return alliance.incubator(slug).map(Incubator::name).orElse(slug);
    }

}
