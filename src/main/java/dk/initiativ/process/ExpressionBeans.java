package dk.initiativ.process;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What the models' expressions may reach (ADR 0006): exactly the beans that {@code bpmn/} names in a
 * delegate expression, a listener or an expression, and nothing else of the application context (no
 * {@code jdbcTemplate}, no services). Without this map the engine resolves every Spring bean by name.
 * The beans are looked up when an expression first names them, not while the engine is built, since
 * most of them depend on the engine's own services.
 */
@Component
class ExpressionBeans extends AbstractProcessEnginePlugin {

    /** The bean names the models use; a model that names another bean fails with "Unknown property". */
    static final Set<String> NAMES = Set.of(
            // intake
            "acceptInitiative", "redirectInitiative", "markDuplicate", "requestInformation",
            "sendInformationReminder", "closeAsInactive",
            // matching
            "proposeContactPerson", "confirmContactPerson", "recordDecline", "escalateMatch",
            "assignContactPerson",
            // casework, support plan and its tracks
            "recordAgreement", "recordSupportPlan", "recordFundingDecision", "recordPermitDecision",
            "recordPoliticalDecision", "supportCompleted", "recordProgress", "closeCase", "recordWithdrawal",
            // due dates and the permits' multi-instance collection
            "deadlines", "permitRequirements");

    private final ApplicationContext context;

    ExpressionBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> beans = new OnlyNamedBeans(context, NAMES);
        configuration.setBeans(beans);
        // the factory bean built the expression manager before the plugins ran, with every bean reachable
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    }

    /** A read-only map of the named beans, each fetched from the context when first asked for. */
    static final class OnlyNamedBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private final Set<String> names;

        OnlyNamedBeans(ApplicationContext context, Set<String> names) {
            this.context = context;
            this.names = names;
        }

        @Override
        public boolean containsKey(Object key) {
            return names.contains(key);
        }

        @Override
        public Object get(Object key) {
            return names.contains(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return names.stream().map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name,
                    context.getBean(name))).collect(Collectors.toUnmodifiableSet());
        }
    }
}
