package fr.kiif.programmes.coordination;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.alliance.IdentitySeeder;
import fr.kiif.programmes.security.SystemAccess;

/**
 * Camunda users as the coordination needs them: whether jury members exist, who the incubator staff
 * are, and the jury group's memberships. Reads and writes run without the caller's authorization
 * checks (the caller is an authenticated coordinator, checked before).
 */
@Component
public class CamundaUsers {

    /** A staff member as the conflict registry offers them. */
    public record StaffMember(String id, String name, String incubator) {
    }

    private final IdentityService identityService;
    private final SystemAccess systemAccess;
    private final AllianceReferenceData alliance;
    private final IdentitySeeder identitySeeder;

    public CamundaUsers(IdentityService identityService, SystemAccess systemAccess, AllianceReferenceData alliance,
            IdentitySeeder identitySeeder) {
        this.identityService = identityService;
        this.systemAccess = systemAccess;
        this.alliance = alliance;
        this.identitySeeder = identitySeeder;
    }

    /** The ids among these that are existing users. */
    public Set<String> existing(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return asSystem(() -> {
            Set<String> found = new LinkedHashSet<>();
            identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()
                    .forEach(user -> found.add(user.getId()));
            return found;
        });
    }

    /** Members of the incubator groups (the people who may review), by incubator then id. */
    public List<StaffMember> staff() {
        return asSystem(() -> {
            Map<String, StaffMember> staff = new LinkedHashMap<>();
            for (Incubator incubator : alliance.incubators()) {
                for (User user : identityService.createUserQuery().memberOfGroup(incubator.candidateGroup())
                        .orderByUserId().asc().list()) {
                    staff.putIfAbsent(user.getId(), new StaffMember(user.getId(), name(user), incubator.name()));
                }
            }
            return new ArrayList<>(staff.values());
        });
    }

    /**
     * Creates the call's jury group if missing and makes its members exactly these users.
     * Unknown users must have been refused before.
     */
    public void syncJury(String callId, Collection<String> members) {
        String group = identitySeeder.ensureJuryGroup(callId);
        asSystem(() -> {
            Set<String> current = new LinkedHashSet<>();
            identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> current.add(user.getId()));
            for (String member : members) {
                if (!current.contains(member)) {
                    identityService.createMembership(member, group);
                }
            }
            for (String former : current) {
                if (!members.contains(former)) {
                    identityService.deleteMembership(former, group);
                }
            }
            return null;
        });
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }

    private <T> T asSystem(Supplier<T> work) {
        return systemAccess.run(work);
    }
}
