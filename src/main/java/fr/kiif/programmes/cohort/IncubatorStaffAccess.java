package fr.kiif.programmes.cohort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Groups;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.security.SystemAccess;

/**
 * Who is calling the incubator staff pages. The engine authentication filter (HTTP Basic against the
 * Camunda identity) has already set the engine's current authentication; this reads it: members of
 * {@code incubator-<slug>} see their incubator(s), coordinators (kiif-coordination, camunda-admin) see all.
 */
@Component
public class IncubatorStaffAccess {

    /** The caller and the incubators whose laureates they may see and act on. */
    public record Staff(String userId, boolean coordinator, Set<String> incubatorSlugs) {

        public boolean covers(String incubatorSlug) {
            return incubatorSlugs.contains(incubatorSlug);
        }
    }

    /** A staff member offered as a coach. */
    public record Member(String id, String name) {
    }

    private final IdentityService identityService;
    private final AllianceReferenceData alliance;
    private final SystemAccess systemAccess;

    public IncubatorStaffAccess(IdentityService identityService, AllianceReferenceData alliance, SystemAccess systemAccess) {
        this.identityService = identityService;
        this.alliance = alliance;
        this.systemAccess = systemAccess;
    }

    /** The current caller when they are incubator staff or a coordinator. */
    public Optional<Staff> current() {
        var authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return Optional.empty();
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        boolean coordinator = groups.contains(Groups.COORDINATION) || groups.contains(Groups.ADMIN);
        Set<String> slugs = new LinkedHashSet<>();
        for (Incubator incubator : alliance.incubators()) {
            if (coordinator || groups.contains(incubator.candidateGroup())) {
                slugs.add(incubator.slug());
            }
        }
        if (slugs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Staff(authentication.getUserId(), coordinator, slugs));
    }

    /** Members of each incubator's group, by user id (read without the caller's authorizations: checked before). */
    public Map<String, List<Member>> members(Set<String> incubatorSlugs) {
        return systemAccess.run(() -> {
            Map<String, List<Member>> members = new LinkedHashMap<>();
            for (String slug : incubatorSlugs) {
                List<Member> list = new ArrayList<>();
                for (User user : identityService.createUserQuery().memberOfGroup(Incubator.GROUP_PREFIX + slug)
                        .orderByUserId().asc().list()) {
                    list.add(new Member(user.getId(), name(user)));
                }
                members.put(slug, list);
            }
            return members;
        });
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
