package dk.initiativ.casework;

import java.util.Collection;
import java.util.function.Supplier;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who works a task, one rule for every door ({@link StaffTasks} for our API and pages, {@link EngineTaskRules} for
 * the engine's, ADR 0062): its assignee, or while it is unassigned a member of one of its candidate groups. Admins
 * are let through by the callers, each as its door knows them.
 */
final class TaskWorkers {

    private TaskWorkers() {
    }

    /** Whether the person works the task; the task's identity links are read only when the assignee is not them. */
    static boolean mayWork(String userId, Collection<String> groups, String assignee,
            Supplier<? extends Collection<? extends IdentityLink>> links) {
        return userId.equals(assignee) || (assignee == null && inCandidateGroup(groups, links.get()));
    }

    /** Whether the person is in one of the task's candidate groups (whoever holds it now). */
    static boolean inCandidateGroup(Collection<String> groups, Collection<? extends IdentityLink> links) {
        return groups != null && links.stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                        && groups.contains(link.getGroupId()));
    }
}
