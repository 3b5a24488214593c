package dk.initiativ.process;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Rules for the engine commands a person gives, whatever the door: the engine REST API, Camunda's webapps, or our own
 * API (which works as the staff member, {@code casework.StaffTasks}). Camunda's authorizations say which resources a
 * person may touch; some of our rules need more than that (which variables a task's completion may set, who may
 * complete a claimed task), so they are checked here, on the outermost command of a person who is not an admin.
 * The commands the process itself runs inside it (a delegate's query, an assignment) are not checked again, nor
 * are the job executor's and the application's own, which run without a person.
 */
public abstract class PersonCommands extends CommandInterceptor {

    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final Set<String> adminGroups;

    /**
     * @param adminGroups groups whose members count as admins besides Camunda's own admins (our admin role, which our
     *                    API gives the Camunda user's groups as the login has them)
     */
    protected PersonCommands(Set<String> adminGroups) {
        this.adminGroups = Set.copyOf(adminGroups);
    }

    /** Adds the rules inside the engine's command context, in the commands that need a transaction. */
    public static void register(ProcessEngineConfigurationImpl configuration, PersonCommands rules) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(rules);
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    @Override
    public <T> T execute(Command<T> command) {
        int[] level = depth.get();
        CommandContext context = null;
        Authentication person = null;
        if (level[0]++ == 0) {
            try {
                context = Context.getCommandContext();
                person = context == null ? null : context.getAuthentication();
                if (person != null && person.getUserId() != null && !admin(context, person)) {
                    check(command, context, person);
                } else {
                    person = null;
                }
            } catch (RuntimeException refused) {
                level[0]--;
                throw refused;
            }
        }
        try {
            T result = next.execute(command);
            return person == null ? result : answer(command, result, context, person);
        } finally {
            level[0]--;
        }
    }

    private boolean admin(CommandContext context, Authentication person) {
        return context.getAuthorizationManager().isCamundaAdmin(person)
                || (person.getGroupIds() != null && person.getGroupIds().stream().anyMatch(adminGroups::contains));
    }

    /** Refuses the command (throws) or lets it pass (returns). */
    protected abstract void check(Command<?> command, CommandContext context, Authentication person);

    /** What the person gets of the command's result: all of it unless a rule keeps some back. */
    protected <T> T answer(Command<T> command, T result, CommandContext context, Authentication person) {
        return result;
    }

    /**
     * A field of one of Camunda's command objects, which keep their arguments in fields without getters. A field that
     * is gone (a later Camunda) fails the command rather than letting it pass unchecked.
     */
    @SuppressWarnings("unchecked")
    protected static <V> V field(Command<?> command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (V) field.get(command);
            } catch (NoSuchFieldException next) {
                // a superclass may declare it
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
    }
}
