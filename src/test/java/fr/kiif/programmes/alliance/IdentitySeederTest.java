package fr.kiif.programmes.alliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.kiif.programmes.security.TasklistFilters.Definition;
import fr.kiif.programmes.support.SpringTestBase;

class IdentitySeederTest extends SpringTestBase {

    @Autowired
    IdentitySeeder seeder;
    @Autowired
    AllianceReferenceData alliance;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;

    @Test
    void groupsExist() {
        assertThat(group(Groups.COORDINATION).getName()).isEqualTo("Coordination nationale");
        assertThat(group(Groups.ADMIN)).isNotNull();
        assertThat(group("jury-fin-de-vie-2026")).isNotNull();
        for (Incubator incubator : alliance.incubators()) {
            assertThat(group(incubator.candidateGroup()).getName()).isEqualTo("Incubateur " + incubator.name());
        }
        assertThat(group("incubator-ecossolies").getName()).isEqualTo("Incubateur Les Ecossolies");
    }

    @Test
    void adminIsADirectMemberOfCamundaAdmin() {
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Groups.ADMIN).count()).isOne();
        assertThat(identityService.checkPassword("admin", "demo")).isTrue();
        for (Resources resource : Resources.values()) {
            if (resource.name().startsWith("HISTORIC_")) {
                continue; // cannot be checked while historic instance permissions are disabled
            }
            assertThat(authorizationService.isUserAuthorized("admin", List.of(Groups.ADMIN), Permissions.ALL,
                    resource, "*")).as(resource.name()).isTrue();
        }
    }

    @Test
    void demoUsersExistInTheirGroups() {
        assertMember("coordination-1", Groups.COORDINATION);
        assertMember("coordination-2", Groups.COORDINATION);
        for (Incubator incubator : alliance.incubators()) {
            assertMember(incubator.slug() + "-1", incubator.candidateGroup());
            assertMember(incubator.slug() + "-2", incubator.candidateGroup());
        }
        for (int i = 1; i <= 3; i++) {
            assertMember("jury-" + i, "jury-fin-de-vie-2026");
        }
        User atis = identityService.createUserQuery().userId("atis-1").singleResult();
        assertThat(atis.getFirstName()).isNotBlank();
        assertThat(atis.getLastName()).isNotBlank();
        assertThat(atis.getEmail()).endsWith("@example.org").doesNotContain(" ");
        assertThat(identityService.checkPassword("atis-1", "demo")).isTrue();
    }

    @Test
    void filtersExistWithTasklistProperties() {
        for (Definition definition : Definition.values()) {
            Filter filter = filter(definition.filterName());
            assertThat(filter.getProperties())
                    .containsKeys("description", "priority", "color")
                    .containsEntry("refresh", true);
        }
        assertThat(Definition.INCUBATOR_TASKS.filterName()).isEqualTo("Tâches de mon incubateur");
        assertThat(Definition.MY_TASKS.filterName()).isEqualTo("Mes tâches");
        assertThat(Definition.OVERDUE.filterName()).isEqualTo("En retard");
        assertThat(Definition.ALL_TASKS.filterName()).isEqualTo("Toutes les tâches");
    }

    @Test
    void filtersAreReadableByTheGroupsThatUseThem() {
        List<String> atis = List.of("incubator-atis");
        List<String> coordination = List.of(Groups.COORDINATION);
        List<String> jury = List.of("jury-fin-de-vie-2026");
        assertThat(canRead("atis-1", atis, "Tâches de mon incubateur")).isTrue();
        assertThat(canRead("atis-1", atis, "Mes tâches")).isTrue();
        assertThat(canRead("atis-1", atis, "En retard")).isTrue();
        assertThat(canRead("atis-1", atis, "Toutes les tâches")).isFalse();
        assertThat(canRead("coordination-1", coordination, "Toutes les tâches")).isTrue();
        assertThat(canRead("coordination-1", coordination, "Mes tâches")).isTrue();
        assertThat(canRead("jury-1", jury, "Tâches du jury")).isTrue();
        assertThat(canRead("jury-1", jury, "Toutes les tâches")).isFalse();
    }

    @Test
    void applicationAccessAndGlobalGrants() {
        List<String> atis = List.of("incubator-atis");
        List<String> coordination = List.of(Groups.COORDINATION);
        assertThat(authorized("atis-1", atis, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorized("atis-1", atis, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorized("jury-1", List.of("jury-fin-de-vie-2026"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorized("coordination-1", coordination, Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                .isTrue();
        assertThat(authorized("coordination-1", coordination, TaskPermissions.READ, Resources.TASK, "*")).isTrue();
        assertThat(authorized("coordination-1", coordination, Permissions.ACCESS, Resources.APPLICATION, "admin"))
                .isFalse();
        // Staff see tasks only through candidate-group links (per-task rows), never through a global grant.
        for (Incubator incubator : alliance.incubators()) {
            assertThat(authorizationService.createAuthorizationQuery()
                    .groupIdIn(incubator.candidateGroup()).resourceType(Resources.TASK).resourceId("*").count()).isZero();
            assertThat(authorizationService.createAuthorizationQuery()
                    .groupIdIn(incubator.candidateGroup()).resourceType(Resources.PROCESS_INSTANCE).resourceId("*").count())
                    .isZero();
        }
    }

    @Test
    void seedingAgainChangesNothing() {
        Map<String, Object> before = snapshot();
        seeder.seed();
        seeder.seed();
        assertThat(seeder.ensureJuryGroup(IdentitySeeder.DEMO_CALL_ID)).isEqualTo("jury-fin-de-vie-2026");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void ensureJuryGroupCreatesAGroupWithTasklistAccessAndFilters() {
        String groupId = seeder.ensureJuryGroup("test-appel-2099");
        try {
            assertThat(groupId).isEqualTo("jury-test-appel-2099");
            assertThat(group(groupId)).isNotNull();
            long grants = authorizationService.createAuthorizationQuery().groupIdIn(groupId).count();
            assertThat(seeder.ensureJuryGroup("test-appel-2099")).isEqualTo(groupId);
            assertThat(authorizationService.createAuthorizationQuery().groupIdIn(groupId).count()).isEqualTo(grants);
            assertThat(authorized("x", List.of(groupId), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                    .isTrue();
            assertThat(canRead("x", List.of(groupId), "Tâches du jury")).isTrue();
        } finally {
            identityService.deleteGroup(groupId);
            authorizationService.createAuthorizationQuery().groupIdIn(groupId).list()
                    .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        }
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> state = new TreeMap<>();
        for (Group group : identityService.createGroupQuery().list()) {
            state.put("group " + group.getId(), group.getName() + " / members "
                    + identityService.createUserQuery().memberOfGroup(group.getId()).count());
        }
        for (User user : identityService.createUserQuery().list()) {
            state.put("user " + user.getId(), user.getFirstName() + " " + user.getLastName() + " " + user.getEmail());
        }
        for (Authorization grant : authorizationService.createAuthorizationQuery().list()) {
            state.put("grant " + grant.getId(), grant.getGroupId() + " " + grant.getUserId() + " "
                    + grant.getResourceType() + " " + grant.getResourceId() + " "
                    + List.of(grant.getPermissions(Permissions.values())));
        }
        for (Filter filter : filterService.createFilterQuery().list()) {
            state.put("filter " + filter.getId(), filter.getName() + " " + filter.getProperties());
        }
        return state;
    }

    private Group group(String groupId) {
        return identityService.createGroupQuery().groupId(groupId).singleResult();
    }

    private Filter filter(String name) {
        List<Filter> filters = filterService.createFilterQuery().filterName(name).list();
        assertThat(filters).as(name).hasSize(1);
        return filters.get(0);
    }

    private boolean canRead(String userId, List<String> groups, String filterName) {
        return authorized(userId, groups, Permissions.READ, Resources.FILTER, filter(filterName).getId());
    }

    private boolean authorized(String userId, List<String> groups, org.camunda.bpm.engine.authorization.Permission p,
                               Resources resource, String resourceId) {
        return authorizationService.isUserAuthorized(userId, groups, p, resource, resourceId);
    }

    private void assertMember(String userId, String groupId) {
        assertThat(identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count())
                .as(userId + " in " + groupId).isOne();
    }
}
