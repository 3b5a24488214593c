package dk.initiativ.process;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.citizen.CitizenCaseService;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.Outcome;
import dk.initiativ.initiative.Stage;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.transaction.support.TransactionTemplate;

import static dk.initiativ.process.InitiativeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every path of the initiative process on the real engine, the real delegates and MariaDB. Timers are
 * driven by Camunda's clock and executed by hand (the job executor is off in tests). Feeds the
 * process coverage report.
 */
@LocalModeTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class InitiativeProcessTest {

    /** Wednesday before Easter 2026, 10:00 in Copenhagen. */
    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired SubmissionService submissions;
    @Autowired CitizenCaseService citizens;
    @Autowired Cases cases;
    @Autowired Deadlines deadlines;
    @Autowired TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void accepted() {
        SubmissionReceipt receipt = submit("Naturlegeplads i Tuse");
        ProcessInstance instance = instance(receipt);

        assertThat(instance).hasPassed(START_SUBMITTED, GATEWAY_RESCREEN_JOIN).isWaitingAt(TASK_SCREEN_INITIATIVE);
        Task screening = screeningTask(instance);
        assertThat(screening).hasCandidateGroup("intake");
        // 3 working days after Wed 1 April 2026: Easter (2-6 April) is skipped
        assertThat(screening.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-04-09T08:00:00Z")));

        screen(instance, "accept", null, null);

        assertThat(instance).hasPassed(GATEWAY_SCREENING_DECISION, TASK_ACCEPT_INITIATIVE, END_ACCEPTED).isEnded();
        CaseView view = cases(receipt);
        assertThat(view.stage()).isEqualTo(Stage.ACCEPTED);
        assertThat(types(view)).containsExactly(CaseEventType.SUBMITTED, CaseEventType.ACCEPTED);
    }

    @Test
    void informationRequestedAnsweredAndAccepted() {
        SubmissionReceipt receipt = submit("Repair café");
        ProcessInstance instance = instance(receipt);

        screen(instance, "request-information", "Hvor skal caféen holde til?", null);

        assertThat(instance).hasPassed(TASK_REQUEST_INFORMATION).isWaitingAt(TASK_AWAIT_INFORMATION);
        assertThat(cases(receipt).stage()).isEqualTo(Stage.AWAITING_INFORMATION);
        assertThat(citizens.status(receipt.trackingToken()).openQuestion()).isEqualTo("Hvor skal caféen holde til?");
        assertThat(timerDue(instance, TIMER_INFORMATION_REMINDER)).isEqualTo(deadlines.informationReminderAt());
        assertThat(timerDue(instance, TIMER_INFORMATION_TIMEOUT)).isEqualTo(deadlines.informationTimeoutAt());

        citizens.answer(receipt.trackingToken(), "I forsamlingshuset, hver anden lørdag.");

        assertThat(instance).isWaitingAt(TASK_SCREEN_INITIATIVE);
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(cases(receipt).stage()).isEqualTo(Stage.SUBMITTED);

        screen(instance, "accept", null, null);

        assertThat(instance).isEnded().hasPassed(END_ACCEPTED);
        assertThat(types(cases(receipt))).containsExactly(CaseEventType.SUBMITTED,
                CaseEventType.INFORMATION_REQUESTED, CaseEventType.INFORMATION_PROVIDED, CaseEventType.ACCEPTED);
    }

    @Test
    void noAnswerGetsAReminderAndThenClosesAsInactive() {
        SubmissionReceipt receipt = submit("Bænk ved søen");
        ProcessInstance instance = instance(receipt);
        screen(instance, "request-information", "Hvilken sø?", null);

        ClockUtil.setCurrentTime(timerDue(instance, TIMER_INFORMATION_REMINDER));
        managementService.executeJob(timer(instance, TIMER_INFORMATION_REMINDER).getId());

        assertThat(instance).hasPassed(TASK_SEND_INFORMATION_REMINDER, END_REMINDER_SENT)
                .isWaitingAt(TASK_AWAIT_INFORMATION);
        assertThat(types(cases(receipt))).contains(CaseEventType.INFORMATION_REMINDER);

        ClockUtil.setCurrentTime(timerDue(instance, TIMER_INFORMATION_TIMEOUT));
        managementService.executeJob(timer(instance, TIMER_INFORMATION_TIMEOUT).getId());

        assertThat(instance).hasPassed(TASK_CLOSE_AS_INACTIVE, END_INACTIVE).isEnded();
        CaseView view = cases(receipt);
        assertThat(view.stage()).isEqualTo(Stage.CLOSED);
        assertThat(view.outcome()).isEqualTo(Outcome.INACTIVE);
        assertThat(citizens.status(receipt.trackingToken()).openQuestion()).isNull();
    }

    @Test
    void redirectedWithAReason() {
        SubmissionReceipt receipt = submit("Hul i vejen på Ahlgade");
        ProcessInstance instance = instance(receipt);

        screen(instance, "redirect", "Huller i vejen meldes til Vej og Park via kommunens fejlmelding.", null);

        assertThat(instance).hasPassed(TASK_REDIRECT, END_REDIRECTED).isEnded();
        CaseView view = cases(receipt);
        assertThat(view.outcome()).isEqualTo(Outcome.REDIRECTED);
        assertThat(view.timeline().get(1).detail()).startsWith("Huller i vejen meldes");
    }

    @Test
    void markedAsADuplicateAndLinkedBothWays() {
        SubmissionReceipt original = submit("Fælleshave i Jyderup");
        SubmissionReceipt duplicate = submit("Fælleshave i Jyderup (igen)");
        ProcessInstance instance = instance(duplicate);

        screen(instance, "duplicate", null, original.caseNumber());

        assertThat(instance).hasPassed(TASK_MARK_DUPLICATE, END_DUPLICATE).isEnded();
        CaseView view = cases(duplicate);
        assertThat(view.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(view.duplicateOfCaseNumber()).isEqualTo(original.caseNumber());
        assertThat(cases(original).timeline()).anySatisfy(entry -> {
            assertThat(entry.type()).isEqualTo(CaseEventType.DUPLICATE_LINKED);
            assertThat(entry.relatedCaseNumber()).isEqualTo(duplicate.caseNumber());
        });
        assertThat(instance(original)).isWaitingAt(TASK_SCREEN_INITIATIVE);
    }

    @Test
    void withdrawnDuringScreening() {
        SubmissionReceipt receipt = submit("Sankthansbål");
        ProcessInstance instance = instance(receipt);

        citizens.withdraw(receipt.trackingToken());

        assertThat(instance).hasPassed(START_WITHDRAWN, TASK_RECORD_WITHDRAWAL, END_WITHDRAWN).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(cases(receipt).outcome()).isEqualTo(Outcome.WITHDRAWN);
    }

    @Test
    void withdrawnWhileWaitingForAnAnswerCancelsBothTimers() {
        SubmissionReceipt receipt = submit("Loppemarked");
        ProcessInstance instance = instance(receipt);
        screen(instance, "request-information", "Hvornår?", null);

        citizens.withdraw(receipt.trackingToken());

        assertThat(instance).hasPassed(END_WITHDRAWN).isEnded();
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(cases(receipt).stage()).isEqualTo(Stage.CLOSED);
    }

    private SubmissionReceipt submit(String title) {
        return submissions.submit(new SubmitInitiativeRequest(title, "Beskrivelse af " + title, "Natur og miljø",
                "Holbæk By", "Anna Andersen", "anna@example.org", true), Locale.forLanguageTag("da"));
    }

    private ProcessInstance instance(SubmissionReceipt receipt) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(receipt.caseNumber())
                .singleResult();
    }

    private Task screeningTask(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_SCREEN_INITIATIVE).singleResult();
    }

    /** What Tasklist's form sends. */
    private void screen(ProcessInstance instance, String decision, String note, String duplicateOf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_SCREENING_DECISION, decision);
        variables.put(VAR_SCREENING_NOTE, note);
        variables.put(VAR_DUPLICATE_OF, duplicateOf);
        taskService.complete(screeningTask(instance).getId(), variables);
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    private Date timerDue(ProcessInstance instance, String activityId) {
        return timer(instance, activityId).getDuedate();
    }

    private CaseView cases(SubmissionReceipt receipt) {
        return transaction.execute(status -> cases.view(receipt.caseNumber()));
    }

    private static List<CaseEventType> types(CaseView view) {
        return view.timeline().stream().map(CaseView.TimelineEntry::type).toList();
    }
}
