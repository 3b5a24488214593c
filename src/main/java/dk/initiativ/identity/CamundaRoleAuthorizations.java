package dk.initiativ.identity;

import java.util.ArrayList;
import java.util.List;

import dk.initiativ.permits.Departments;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What each role may do in Camunda's webapps and engine API (Camunda authorizations are on):
 * admin everything; manager reads every process, instance, task and decision in Cockpit;
 * intake, contact staff and fund officers use Tasklist, where Camunda's default task permissions
 * give them their own and their group's tasks; so do the members of each configured department's group.
 * Citizens get nothing. Written at every start and
 * idempotent, so that several nodes and later versions converge on the same grants. An engine
 * plugin, so that the grants are in place before the first request arrives.
 * <p>Nobody may create or delete a deployment (ADR 0006): the packaged models are the deployment.
 * Admins read deployments only, and the two permissions are taken away from every authorization that
 * an earlier version or a person in Camunda Admin granted.
 */
@Component
class CamundaRoleAuthorizations extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CamundaRoleAuthorizations.class);
    private static final String ANY = Authorization.ANY;

    record Grant(Role role, Resource resource, String resourceId, List<Permission> permissions) {
    }

    private final Departments departments;

    CamundaRoleAuthorizations(Departments departments) {
        this.departments = departments;
    }

    /**
     * What a department group may do: Tasklist, where Camunda's default task permissions give them their group's
     * tasks (a candidate group may work its task), and nothing else; so through {@code /engine-rest} too, a
     * department member cannot see or complete another department's task.
     */
    static List<Grant> departmentGrants() {
        return List.of(
                new Grant(Role.DEPARTMENT, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
                new Grant(Role.DEPARTMENT, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ)),
                new Grant(Role.DEPARTMENT, Resources.USER, ANY, List.of(Permissions.READ)),
                new Grant(Role.DEPARTMENT, Resources.GROUP, ANY, List.of(Permissions.READ)));
    }

    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (Resources resource : Resources.values()) {
            grants.add(new Grant(Role.ADMIN, resource, ANY,
                    resource == Resources.DEPLOYMENT ? List.of(Permissions.READ) : List.of(Permissions.ALL)));
        }
        grants.addAll(List.of(
                new Grant(Role.MANAGER, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
                new Grant(Role.MANAGER, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
                new Grant(Role.MANAGER, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE)),
                new Grant(Role.MANAGER, Resources.PROCESS_INSTANCE, ANY, List.of(ProcessInstancePermissions.READ)),
                new Grant(Role.MANAGER, Resources.TASK, ANY, List.of(TaskPermissions.READ, TaskPermissions.READ_HISTORY)),
                new Grant(Role.MANAGER, Resources.HISTORIC_PROCESS_INSTANCE, ANY, List.of(HistoricProcessInstancePermissions.READ)),
                new Grant(Role.MANAGER, Resources.HISTORIC_TASK, ANY, List.of(HistoricTaskPermissions.READ)),
                new Grant(Role.MANAGER, Resources.DECISION_DEFINITION, ANY, List.of(Permissions.READ, Permissions.READ_HISTORY)),
                new Grant(Role.MANAGER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)),
                new Grant(Role.MANAGER, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)),
                new Grant(Role.MANAGER, Resources.USER, ANY, List.of(Permissions.READ)),
                new Grant(Role.MANAGER, Resources.GROUP, ANY, List.of(Permissions.READ))));
        for (Role worker : List.of(Role.INTAKE, Role.CONTACT_STAFF, Role.FUND_OFFICER)) {
            grants.addAll(List.of(
                    new Grant(worker, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
                    new Grant(worker, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ)),
                    new Grant(worker, Resources.USER, ANY, List.of(Permissions.READ)),
                    new Grant(worker, Resources.GROUP, ANY, List.of(Permissions.READ))));
        }
        return grants;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        grants().forEach(grant -> ensure(authorizations, grant.role().groupId(), grant.resource(),
                grant.resourceId(), grant.permissions()));
        for (String department : departments.groups()) {
            departmentGrants().forEach(grant -> ensure(authorizations, department, grant.resource(),
                    grant.resourceId(), grant.permissions()));
        }
        revokeDeploymentChanges(authorizations);
        log.info("Camunda authorizations of the roles are in place");
    }

    /** Takes CREATE and DELETE on deployments away from every grant (global or of a user or group). */
    static void revokeDeploymentChanges(AuthorizationService authorizations) {
        authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT).list().stream()
                .filter(authorization -> authorization.getAuthorizationType() != Authorization.AUTH_TYPE_REVOKE)
                .filter(authorization -> authorization.isPermissionGranted(Permissions.CREATE)
                        || authorization.isPermissionGranted(Permissions.DELETE))
                .forEach(authorization -> {
                    authorization.removePermission(Permissions.CREATE);
                    authorization.removePermission(Permissions.DELETE);
                    authorizations.saveAuthorization(authorization);
                });
    }

    /** Grants the permissions, adding to an existing authorization of the same group and resource. */
    static void ensure(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
            List<Permission> permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        Authorization target = authorization;
        if (permissions.stream().allMatch(target::isPermissionGranted) && target.getId() != null) {
            return;
        }
        permissions.forEach(target::addPermission);
        authorizations.saveAuthorization(target);
    }
}
