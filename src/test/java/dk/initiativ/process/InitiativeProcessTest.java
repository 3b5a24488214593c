package dk.initiativ.process;

import java.util.Map;

import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/** The initiative process on the real engine and MariaDB, every path; feeds the coverage report. */
@LocalModeTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class InitiativeProcessTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @BeforeEach
    void initAssertions() {
        init(processEngine);
    }

    @Test
    void submittedInitiativeWaitsForIntakeScreeningThenEnds() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(InitiativeProcess.KEY, "INI-TEST-1",
                Map.of(InitiativeProcess.VAR_INITIATIVE_ID, 4711L));

        assertThat(instance).isStarted().hasPassed(InitiativeProcess.START_SUBMITTED)
                .isWaitingAt(InitiativeProcess.TASK_SCREEN_INITIATIVE);
        assertThat(task(instance)).hasCandidateGroup("intake").isNotAssigned();

        complete(task(instance));

        assertThat(instance).hasPassed(InitiativeProcess.END_SCREENED).isEnded();
    }
}
