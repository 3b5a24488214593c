package dk.initiativ.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who made the process move: the authenticated staff member, or the process itself (timers). */
public final class ProcessActors {

    public static final String SYSTEM = "system";

    private ProcessActors() {
    }

    /** The groups of the authenticated staff member (none for the process itself). */
    public static List<String> groups(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }

    public static String current(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
