package dk.initiativ.web;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * A person's bad input that the process refuses inside an engine command (a delegate's field error: an amount over
 * what was applied for, a pool that does not exist) is answered to that person and is no fault of the server: the
 * engine logs it at debug level, as it does its own "bad user request", not at error level with a stack trace. Camunda
 * logs every other exception of a command at error level, so an operator's alert on errors sees only real failures.
 */
@Component
class EngineClientErrors extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new CommandContext(processEngineConfiguration) {
                    @Override
                    protected boolean shouldLogFine(Throwable exception) {
                        return super.shouldLogFine(exception) || clientError(exception);
                    }
                };
            }
        };
        // the engine sets itself only on a factory of its own making
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
    }

    /** Our exceptions for a person's bad input or missing right (answered 400, 403, 404 or 409), and form errors. */
    static boolean clientError(Throwable exception) {
        return exception instanceof FieldProblemException || exception instanceof FieldProblemsException
                || exception instanceof NotFoundException || exception instanceof ForbiddenException
                || exception instanceof ConflictException || exception instanceof FormException;
    }
}
