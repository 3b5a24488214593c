package dk.initiativ.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * The start-up deployment of {@code bpmn/} deploys only the files that changed since its last deployment
 * (ADR 0041). Without this, a change to any one model redeploys every file, and {@code bpmn/choose-team.dmn}
 * would silently become the newest version again over the matching rules an admin deployed since.
 */
@Component
class DeployChangedModelsOnly extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration instanceof SpringProcessEngineConfiguration spring) {
            spring.setDeployChangedOnly(true);
        }
    }
}
