package dk.initiativ.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The packaged models are the deployment (ADR 0006): no person deploys, redeploys or deletes a
 * deployment or one of its process definitions at run time, whatever their role and whatever the door
 * (engine REST API, the webapps' API, Cockpit). The engine refuses such commands whenever a user is
 * authenticated on the engine; the application's own start-up deployment runs without one. Camunda admins bypass
 * authorizations, so revoking the permission alone ({@link CamundaRoleAuthorizations}) would not hold for them.
 */
@Component
class NoRuntimeDeployments extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new RefuseDeploymentsByPeople(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class RefuseDeploymentsByPeople extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        RefuseDeploymentsByPeople(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            // deleting a process definition (cascading, its running cases too) is deleting a part of the deployment
            if (command instanceof DeployCmd || command instanceof DeleteDeploymentCmd
                    || command instanceof DeleteProcessDefinitionsByIdsCmd
                    || command instanceof DeleteProcessDefinitionsByKeyCmd) {
                Authentication user = configuration.getIdentityService().getCurrentAuthentication();
                if (user != null && user.getUserId() != null) {
                    throw new AuthorizationException("Nobody deploys through the engine at run time; "
                            + user.getUserId() + " may not create, redeploy or delete a deployment");
                }
            }
            return next.execute(command);
        }
    }
}
