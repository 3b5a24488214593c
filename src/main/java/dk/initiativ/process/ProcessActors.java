package dk.initiativ.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who made the process move: the authenticated staff member, or the process itself (timers). */
public final class ProcessActors {

    public static final String SYSTEM = "system";

    private ProcessActors() {
    }

    public static String current(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
