package dk.initiativ.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Camunda refuses a user, group or tenant with an id outside the allowed pattern, or a password against
 * the policy, with a bare engine exception, which its REST API answers as a server error (500). Such a
 * refusal is the caller's bad input: it is passed on as the engine's "bad user request" (400), with the
 * engine's message. Failures with a cause (the database) stay what they are.
 */
@Component
class IdentityInputErrors extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                try {
                    return next.execute(command);
                } catch (ProcessEngineException refused) {
                    if (command instanceof AbstractWritableIdentityServiceCmd<?>
                            && refused.getClass() == ProcessEngineException.class && refused.getCause() == null) {
                        throw new BadUserRequestException(refused.getMessage());
                    }
                    throw refused;
                }
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
