package dk.initiativ.identity;

import java.util.ArrayList;
import java.util.List;

import dk.initiativ.permits.Departments;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One authorization model for both identity modes: a user's roles are their Camunda groups, read
 * through Camunda's identity service (its own tables in local mode, Keycloak through the plugin).
 * A member of a configured department's group has the department role and that group as an authority too
 * ({@code ROLE_department}, {@code ROLE_vej-park}), so that the permit tasks of the group reach them.
 */
@Component
class StaffAuthorities {

    private final IdentityService identityService;
    private final Departments departments;

    StaffAuthorities(IdentityService identityService, Departments departments) {
        this.identityService = identityService;
        this.departments = departments;
    }

    List<GrantedAuthority> of(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        List<GrantedAuthority> authorities = new ArrayList<>(groups.stream()
                .flatMap(groupId -> Role.ofGroup(groupId).stream())
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList());
        List<String> ofDepartments = departments.departmentsAmong(groups);
        if (!ofDepartments.isEmpty()) {
            authorities.add(new SimpleGrantedAuthority(Role.DEPARTMENT.authority()));
            ofDepartments.forEach(group -> authorities.add(new SimpleGrantedAuthority("ROLE_" + group)));
        }
        return List.copyOf(authorities);
    }
}
