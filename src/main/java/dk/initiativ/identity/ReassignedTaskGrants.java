package dk.initiativ.identity;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A task's former assignee loses the rights on the task that Camunda gave them as its assignee: Camunda's default
 * provider grants the new assignee and never takes the old one's grant away, so a contact person whose case a
 * manager moved could still read and work its task in Tasklist and through the engine REST API, while our API
 * refused them. Kept where the former assignee is also the task's owner (we have no owners; Camunda shares one grant
 * per person and task).
 */
@Component
class ReassignedTaskGrants extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !oldAssignee.equals(task.getOwner())
                    && Context.getCommandContext() != null) {
                Context.getCommandContext().getAuthorizationManager()
                        .deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), oldAssignee);
            }
            return super.newTaskAssignee(task, oldAssignee, newAssignee);
        }
    }
}
