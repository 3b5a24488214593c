package dk.initiativ.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.funding.FundingPools;
import dk.initiativ.initiative.Cases;
import dk.initiativ.network.PartnerLinks;
import dk.initiativ.permits.Departments;
import dk.initiativ.permits.PermitTypes;
import dk.initiativ.process.Deadlines;
import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.web.Kroner;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import static org.camunda.spin.Spin.JSON;

/**
 * The lists a task form chooses from, so that nobody types a code or an id (ADR 0019): the forms in
 * {@code bpmn/forms/} name a list by its {@code valuesKey}; this class says what each holds, as
 * {@code {label, value}} pairs, and puts the lists a task's form needs on the task as task-local JSON
 * variables when the task is created, where Tasklist's form reads them. They are reference data (ids and
 * names, a handful each) and go with the task when it is completed. The case page asks {@link #options}
 * directly for the same lists (dossier/InlineTaskForms), so both show one list.
 * <ul>
 * <li>{@value #POOLS}: the funding pools that take applications today and have money left, value the pool's
 *     code, label its name and the budget left ({@code funding/FundingPools});</li>
 * <li>{@value #PERMIT_TYPES}: the offered permit types (active, of an active department), value the type's code,
 *     label its name;</li>
 * <li>{@value #PARTNERS}: the partner registry's active partners, value the partner's id (as text), label
 *     its name; those that serve the case's topic and district first, marked as suggested
 *     ({@code network/PartnerLinks}, ADR 0039);</li>
 * <li>{@value #CONTACT_PERSONS}: the staff of the case's team, value the user id, label the name and
 *     open cases ({@code matching}, through {@link TeamLeads}).</li>
 * </ul>
 */
@Component
public class TaskFormOptions extends AbstractProcessEnginePlugin {

    public static final String POOLS = "poolOptions";
    public static final String PERMIT_TYPES = "permitTypeOptions";
    public static final String PARTNERS = "partnerOptions";
    public static final String CONTACT_PERSONS = "contactPersonOptions";

    /** The lists each task's form chooses from, by task definition key. */
    static final Map<String, List<String>> BY_TASK = Map.of(
            InitiativeProcess.TASK_PLAN_SUPPORT, List.of(POOLS, PERMIT_TYPES, PARTNERS),
            InitiativeProcess.TASK_REASSIGN_CASE, List.of(CONTACT_PERSONS));

    /** Tasklist's forms are written in Danish; so are their lists. */
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final ObjectProvider<FundingPools> pools;
    private final ObjectProvider<Departments> departments;
    private final ObjectProvider<PermitTypes> permitTypes;
    private final ObjectProvider<PartnerLinks> partners;
    private final ObjectProvider<TeamLeads> staff;
    private final ObjectProvider<Cases> cases;
    private final ObjectProvider<Deadlines> deadlines;
    private final MessageSource messages;
    private final Clock clock;

    TaskFormOptions(ObjectProvider<FundingPools> pools, ObjectProvider<Departments> departments,
            ObjectProvider<PartnerLinks> partners, ObjectProvider<TeamLeads> staff, ObjectProvider<Cases> cases,
            ObjectProvider<Deadlines> deadlines, MessageSource messages, Clock clock,
            ObjectProvider<PermitTypes> permitTypes) {
        this.permitTypes = permitTypes;
        this.pools = pools;
        this.departments = departments;
        this.partners = partners;
        this.staff = staff;
        this.cases = cases;
        this.deadlines = deadlines;
        this.messages = messages;
        this.clock = clock;
    }

    /** One choice of a list: what the reader sees, and what the form submits. */
    public record Option(String label, String value) {
    }

    /**
     * The list named {@code valuesKey}, in the reader's language.
     *
     * @param teamCode the case's team, for {@value #CONTACT_PERSONS}; otherwise unused
     * @throws IllegalArgumentException for a list nobody defined
     */
    public List<Option> options(String valuesKey, String teamCode, Locale locale) {
        return options(valuesKey, teamCode, null, null, locale);
    }

    /**
     * The list named {@code valuesKey}, in the reader's language, for a case of this topic in this district.
     *
     * @param teamCode the case's team, for {@value #CONTACT_PERSONS}; otherwise unused
     * @param topic    the case's topic, for {@value #PARTNERS} (null: not known)
     * @param district the case's district, for {@value #PARTNERS} (null: not known)
     */
    public List<Option> options(String valuesKey, String teamCode, String topic, String district, Locale locale) {
        List<Option> options = new ArrayList<>();
        switch (valuesKey) {
            case POOLS -> {
                LocalDate today = LocalDate.now(clock.withZone(deadlines.getObject().zone()));
                pools.getObject().list().stream().filter(pool -> pool.isOpenOn(today) && pool.budgetLeft().signum() > 0)
                        .forEach(pool -> options.add(new Option(messages.getMessage("tasklist.option.pool",
                                new Object[] {pool.name(), Kroner.format(pool.budgetLeft(), locale)}, locale),
                                pool.code())));
            }
            case PERMIT_TYPES -> permitTypes.getObject().offered(locale).forEach(type -> options.add(
                    new Option(messages.getMessage("admin.permits.plan.option", new Object[] {type.name(locale),
                            departments.getObject().name(type.departmentGroup(), locale), type.decisionDays()},
                            locale), type.code())));
            case PARTNERS -> partners.getObject().choices(topic, district).forEach(choice -> options.add(
                    new Option(choice.suggested() ? messages.getMessage("admin.network.suggestedOption",
                            new Object[] {choice.name()}, locale) : choice.name(), String.valueOf(choice.id()))));
            case CONTACT_PERSONS -> {
                Map<String, Long> load = cases.getObject().openCasesByContactPerson();
                staff.getObject().members(teamCode).forEach((userId, name) -> options.add(new Option(
                        messages.getMessage("tasklist.option.contactPerson", new Object[] {name,
                                load.getOrDefault(userId, 0L)}, locale), userId)));
            }
            default -> throw new IllegalArgumentException("No option list " + valuesKey);
        }
        return options;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        TaskListener listing = this::offer;
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (BY_TASK.containsKey(activity.getId())) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listing);
                }
            }
        });
    }

    /** Puts the lists the task's form needs on the task, as small JSON lists of {label, value}. */
    private void offer(DelegateTask task) {
        String teamCode = (String) task.getVariable(InitiativeProcess.VAR_TEAM_CODE);
        String topic = (String) task.getVariable(InitiativeProcess.VAR_TOPIC);
        String district = (String) task.getVariable(InitiativeProcess.VAR_DISTRICT);
        for (String valuesKey : BY_TASK.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
            List<Map<String, String>> list = options(valuesKey, teamCode, topic, district, DANISH).stream().map(option -> {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("label", option.label());
                entry.put("value", option.value());
                return entry;
            }).toList();
            // a Json variable, not a Java object as JSON: Tasklist submits a checklist's answer with the type of
            // its list, and an object type would make the engine deserialize ["3"] as a list of options
            task.setVariableLocal(valuesKey, SpinValues.jsonValue(JSON(list)).create());
        }
    }
}
