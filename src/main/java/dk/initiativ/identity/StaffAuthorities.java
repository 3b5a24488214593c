package dk.initiativ.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One authorization model for both identity modes: a user's roles are their Camunda groups, read
 * through Camunda's identity service (its own tables in local mode, Keycloak through the plugin).
 */
@Component
class StaffAuthorities {

    private final IdentityService identityService;

    StaffAuthorities(IdentityService identityService) {
        this.identityService = identityService;
    }

    List<GrantedAuthority> of(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .flatMap(groupId -> Role.ofGroup(groupId).stream())
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
