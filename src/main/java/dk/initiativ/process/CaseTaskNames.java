package dk.initiativ.process;

import java.util.ArrayList;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task is named after its case, so that a Tasklist user sees which case a task belongs to:
 * {@code INI-2026-0042 · Legeplads i Søndermarken: Visitér initiativ}. A built-in create listener, added to
 * every user task when a model is parsed (so no model needs to declare it), prefixes the model's name with
 * the case number (the business key) and the case's title.
 * <p>
 * Our own pages name tasks by their definition key in the reader's language ({@code staffCase.task.*}), or
 * by the model's own name ({@link #modelName}), never by this long name: they show the case already.
 */
@Component
public class CaseTaskNames extends AbstractProcessEnginePlugin {

    /** Camunda's task name column holds 255 characters; the title is shortened to fit. */
    static final int MAX_NAME = 255;

    private final ObjectProvider<CaseTitles> titles;

    CaseTaskNames(ObjectProvider<CaseTitles> titles) {
        this.titles = titles;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        TaskListener naming = this::name;
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, naming);
            }
        });
    }

    private void name(DelegateTask task) {
        String caseNumber = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (caseNumber == null || caseNumber.isBlank()) {
            return;
        }
        CaseTitles source = titles.getIfAvailable();
        Optional<String> title = source == null ? Optional.empty() : source.titleOf(caseNumber);
        task.setName(full(caseNumber, title.orElse(null), task.getName()));
    }

    /** {@code caseNumber · title: modelName}, the title shortened so that the whole fits Camunda's column. */
    static String full(String caseNumber, String title, String modelName) {
        String model = modelName == null ? "" : modelName.strip();
        String prefix = caseNumber.strip();
        // Camunda's tables are utf8mb3: a character beyond the Basic Multilingual Plane (an emoji) cannot be
        // stored there and would fail the whole transaction that creates the task; the name goes without it
        String cleanTitle = title == null ? "" : EngineTextValidator.fittingEngine(title).replaceAll("\\s+", " ").strip();
        if (!cleanTitle.isEmpty()) {
            int room = MAX_NAME - prefix.length() - 3 - 2 - model.length();
            if (cleanTitle.length() > room) {
                int cut = room - 1;
                cleanTitle = cut <= 0 ? "" : cleanTitle.substring(0, cut).strip() + "…";
            }
        }
        String name = cleanTitle.isEmpty() ? prefix : prefix + " · " + cleanTitle;
        name = model.isEmpty() ? name : name + ": " + model;
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /** The task's name as the model gives it (without case number and title), for pages that show the case. */
    public static String modelName(RepositoryService repository, Task task) {
        if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
            return task.getName();
        }
        FlowElement element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        return element == null || element.getName() == null ? task.getName() : element.getName();
    }
}
