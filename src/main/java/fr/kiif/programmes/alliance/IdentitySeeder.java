package fr.kiif.programmes.alliance;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.security.AccessPolicy;
import fr.kiif.programmes.security.TasklistFilters;
import fr.kiif.programmes.security.TasklistFilters.Audience;
import fr.kiif.programmes.security.TasklistFilters.Definition;

/**
 * Seeds the Camunda identity (DESIGN §5): groups, the admin user, grants and Tasklist filters, and
 * in the demo the demo users. Every step checks before it writes, so seeding again changes nothing.
 * Runs once all singletons exist, which in Spring Boot is before the web server starts accepting
 * requests: the webapps' first-admin setup page is never available.
 */
@Component
public class IdentitySeeder implements SmartInitializingSingleton {

    public static final String ADMIN_USER = "admin";
    /** The call of the demo (and first) programme, whose jury is seeded at start-up. */
    public static final String DEMO_CALL_ID = "fin-de-vie-2026";

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);
    private static final Pattern CALL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}");
    private static final String WORKFLOW = org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;
    private static final String SYSTEM = org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM;

    private static final List<String> FIRST_NAMES = List.of("Camille", "Thomas", "Léa", "Hugo", "Manon",
            "Lucas", "Chloé", "Antoine", "Inès", "Mathieu", "Sarah", "Nicolas", "Pauline", "Romain", "Élise",
            "Bastien", "Margaux", "Karim", "Juliette", "Yann");
    private static final List<String> LAST_NAMES = List.of("Lefèvre", "Moreau", "Girard", "Fontaine",
            "Rousseau", "Mercier", "Blanc", "Guérin", "Faure", "Chevalier", "Garnier", "Lambert", "Bonnet",
            "Dupont", "Morel", "Benali", "Roux", "Fournier", "Le Goff", "Nguyen");

    private final AllianceReferenceData alliance;
    private final ProcessEngine processEngine;
    private final boolean demo;
    private final String demoPassword;
    private final String adminPassword;

    public IdentitySeeder(AllianceReferenceData alliance, ProcessEngine processEngine,
                          @Value("${kiif.demo.enabled:false}") boolean demo,
                          @Value("${kiif.demo.password:}") String demoPassword,
                          @Value("${kiif.admin.password:}") String adminPassword) {
        this.alliance = alliance;
        this.processEngine = processEngine;
        this.demo = demo;
        this.demoPassword = demoPassword;
        this.adminPassword = adminPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seed();
    }

    /** Seeds, or checks again: creates only what is missing. */
    public void seed() {
        ProcessEngine engine = processEngine;
        asSystem(engine, () -> {
            Map<Definition, String> filters = filters(engine);
            AuthorizationService authorizations = engine.getAuthorizationService();

            ensureGroup(engine, Groups.ADMIN, "Administrateurs Camunda", SYSTEM);
            AccessPolicy.applyAdmin(authorizations);
            ensureAdminUser(engine);

            ensureGroup(engine, Groups.COORDINATION, "Coordination nationale", WORKFLOW);
            AccessPolicy.applyCoordination(authorizations);
            TasklistFilters.grantRead(authorizations, filters, Groups.COORDINATION, Audience.COORDINATION);

            for (Incubator incubator : alliance.incubators()) {
                ensureGroup(engine, incubator.candidateGroup(), "Incubateur " + incubator.name(), WORKFLOW);
                AccessPolicy.applyStaff(authorizations, incubator.candidateGroup());
                TasklistFilters.grantRead(authorizations, filters, incubator.candidateGroup(), Audience.INCUBATOR);
            }

            juryGroup(engine, filters, DEMO_CALL_ID);

            if (demo) {
                seedDemoUsers(engine);
            }
        });
        LOG.info("Camunda identity seeded: {} incubator groups, demo users {}", alliance.incubators().size(),
                demo ? "present" : "not created (kiif.demo.enabled=false)");
    }

    /**
     * Creates, if missing, the jury group of a call ({@code jury-<callId>}) with its Tasklist access
     * and filters. Trusted callers only: it runs without the current user's authorization checks.
     *
     * @return the group id
     */
    public String ensureJuryGroup(String callId) {
        if (callId == null || !CALL_ID.matcher(callId).matches()) {
            throw new IllegalArgumentException("Invalid call id for a jury group: " + callId);
        }
        ProcessEngine engine = processEngine;
        asSystem(engine, () -> juryGroup(engine, filters(engine), callId));
        return Groups.jury(callId);
    }

    /**
     * Adds the given users (the call's jury members) to {@code jury-<callId>} when they exist and are
     * not members yet; unknown user ids are logged and skipped. Never removes anyone. Trusted callers only.
     */
    public void ensureJuryMembers(String callId, java.util.Collection<String> userIds) {
        String groupId = ensureJuryGroup(callId);
        ProcessEngine engine = processEngine;
        asSystem(engine, () -> {
            IdentityService identity = engine.getIdentityService();
            for (String userId : userIds) {
                if (identity.createUserQuery().userId(userId).count() == 0) {
                    LOG.warn("Jury member {} of call {} is not a Camunda user: not added to {}", userId, callId, groupId);
                    continue;
                }
                ensureMembership(identity, userId, groupId);
            }
        });
    }

    private void juryGroup(ProcessEngine engine, Map<Definition, String> filters, String callId) {
        String groupId = Groups.jury(callId);
        ensureGroup(engine, groupId, "Jury de l'appel " + callId, WORKFLOW);
        AccessPolicy.applyStaff(engine.getAuthorizationService(), groupId);
        TasklistFilters.grantRead(engine.getAuthorizationService(), filters, groupId, Audience.JURY);
    }

    private static Map<Definition, String> filters(ProcessEngine engine) {
        return TasklistFilters.ensure(engine.getFilterService(), engine.getTaskService());
    }

    /**
     * Creates {@code admin} in {@code camunda-admin} while that group has no member. Once it has one,
     * the admin user and its password are left to the administrators (no reset at each start).
     */
    private void ensureAdminUser(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() > 0) {
            return;
        }
        String password = demo ? demoPassword : adminPassword;
        if (password == null || password.isBlank()) {
            // The start-up guard makes this unreachable outside the demo.
            throw new IllegalStateException("No password configured for the admin user");
        }
        ensureUser(identity, ADMIN_USER, "Administrateur", "Kiif", demo ? "admin@example.org" : null, password);
        ensureMembership(identity, ADMIN_USER, Groups.ADMIN);
        LOG.info("Created user '{}' in group {}", ADMIN_USER, Groups.ADMIN);
    }

    private void seedDemoUsers(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        int person = 0;
        for (int i = 1; i <= 2; i++) {
            demoUser(identity, "coordination-" + i, person++, Groups.COORDINATION);
        }
        for (Incubator incubator : alliance.incubators()) {
            for (int i = 1; i <= 2; i++) {
                demoUser(identity, incubator.slug() + "-" + i, person++, incubator.candidateGroup());
            }
        }
        for (int i = 1; i <= 3; i++) {
            demoUser(identity, "jury-" + i, person++, Groups.jury(DEMO_CALL_ID));
        }
    }

    private void demoUser(IdentityService identity, String userId, int person, String groupId) {
        // Walk the two lists at different paces so that names rarely repeat.
        String firstName = FIRST_NAMES.get(person % FIRST_NAMES.size());
        String lastName = LAST_NAMES.get((person * 7 + 3) % LAST_NAMES.size());
        String email = ascii(firstName) + "." + ascii(lastName) + "@example.org";
        ensureUser(identity, userId, firstName, lastName, email, demoPassword);
        ensureMembership(identity, userId, groupId);
    }

    private static void ensureGroup(ProcessEngine engine, String groupId, String name, String type) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private static void ensureUser(IdentityService identity, String userId, String firstName, String lastName,
                                   String email, String password) {
        if (identity.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User user = identity.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identity.saveUser(user);
    }

    private static void ensureMembership(IdentityService identity, String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    /** Runs as the system: grants and filters must be written whoever triggered the call. */
    private static void asSystem(ProcessEngine engine, Runnable work) {
        IdentityService identity = engine.getIdentityService();
        var current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            work.run();
        } finally {
            if (current != null) {
                identity.setAuthentication(current.getUserId(), current.getGroupIds(), current.getTenantIds());
            }
        }
    }

    static String ascii(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
    }
}
