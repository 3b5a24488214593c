package dk.initiativ.identity;

import java.util.Objects;
import java.util.Set;

import dk.initiativ.process.PersonCommands;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.DeleteJobCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserPictureCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserInfoCmd;
import org.camunda.bpm.engine.impl.cmd.SetUserPictureCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * What only an admin does in the engine, whatever the door, where Camunda's authorizations alone would let others
 * (a person who is not a Camunda admin is refused with 403):
 * <ul>
 * <li><b>jobs</b>: running, rescheduling, re-prioritising, suspending, retrying or deleting a job or a job
 *     definition. Camunda checks a job against its process, so a job of no process (the nightly history cleanup)
 *     was open to every staff member; staff and managers have no business with jobs at all;</li>
 * <li><b>user accounts</b>: a person's name and e-mail are what the case timeline and the mails show, so nobody
 *     changes their own (Camunda grants every user the update of their own account) or deletes it, or another's
 *     extra infos, picture or lock; a person may change their own password (Tasklist's profile, with the current
 *     password);</li>
 * <li><b>passwords</b>: a person checks only their own ({@code /engine-rest/identity/verify}): guessing another
 *     account's password there would also count towards that account's login delay.</li>
 * </ul>
 * Our own login checks passwords before anyone is authenticated on the engine, and is not affected.
 */
@Component
class EngineAdminRules extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        PersonCommands.register(configuration, new Rules());
    }

    static final class Rules extends PersonCommands {

        Rules() {
            super(Set.of(Role.ADMIN.groupId()));
        }

        @Override
        protected void check(Command<?> command, CommandContext context, Authentication person) {
            String userId = person.getUserId();
            if (command instanceof ExecuteJobsCmd || command instanceof SetJobRetriesCmd
                    || command instanceof AbstractSetJobsRetriesBatchCmd || command instanceof SetJobDuedateCmd
                    || command instanceof RecalculateJobDuedateCmd || command instanceof SetJobPriorityCmd
                    || command instanceof SetJobDefinitionPriorityCmd || command instanceof AbstractSetJobStateCmd
                    || command instanceof AbstractSetJobDefinitionStateCmd || command instanceof DeleteJobCmd
                    || command instanceof DeleteJobsCmd || command instanceof UnlockJobCmd
                    // after a refused run, Camunda would count the refusal as the job's failure and take a retry
                    || command instanceof FailedJobListener) {
                throw new AuthorizationException(userId + " may not run or change jobs: only an admin may");
            }
            if (command instanceof SaveUserCmd) {
                User user = field(command, "user");
                if (!ownPasswordOnly(context, userId, user)) {
                    throw new AuthorizationException(userId + " may not change a user's name or e-mail: only an admin"
                            + " may (a person may change their own password)");
                }
            } else if (command instanceof DeleteUserCmd || command instanceof SetUserInfoCmd
                    || command instanceof DeleteUserInfoCmd || command instanceof SetUserPictureCmd
                    || command instanceof DeleteUserPictureCmd || command instanceof UnlockUserCmd) {
                throw new AuthorizationException(userId + " may not change or delete a user account: only an admin may");
            } else if (command instanceof CheckPassword && !userId.equals(field(command, "userId"))) {
                throw new AuthorizationException(userId + " may check only their own password");
            }
        }

        /** The person's own account, with the same name and e-mail as stored: a change of the password only. */
        private static boolean ownPasswordOnly(CommandContext context, String userId, User user) {
            if (user == null || !userId.equals(user.getId())) {
                return false;
            }
            User stored = context.getReadOnlyIdentityProvider().findUserById(userId);
            return stored != null && Objects.equals(stored.getFirstName(), user.getFirstName())
                    && Objects.equals(stored.getLastName(), user.getLastName())
                    && Objects.equals(stored.getEmail(), user.getEmail());
        }
    }
}
