package dk.initiativ.process;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dk.initiativ.casework.AgreementView;
import dk.initiativ.casework.Agreements;
import dk.initiativ.citizen.CitizenCaseService;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.HelpKind;
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
import org.springframework.jdbc.core.JdbcTemplate;
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
    @Autowired Agreements agreements;
    @Autowired JdbcTemplate jdbc;

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
    void theWholeJourneyToRealised() {
        SubmissionReceipt receipt = submit("Naturlegeplads i Tuse", "natur-miljoe", "tuse-naes");
        ProcessInstance instance = instance(receipt);

        assertThat(instance).hasPassed(START_SUBMITTED, GATEWAY_RESCREEN_JOIN).isWaitingAt(TASK_SCREEN_INITIATIVE);
        Task screening = screeningTask(instance);
        assertThat(screening).hasCandidateGroup("intake");
        // 3 working days after Wed 1 April 2026: Easter (2-6 April) is skipped
        assertThat(screening.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-04-09T08:00:00Z")));

        screen(instance, "accept", null, null);

        assertThat(instance).hasPassed(GATEWAY_SCREENING_DECISION, TASK_ACCEPT_INITIATIVE, TASK_CHOOSE_TEAM,
                TASK_PROPOSE_CONTACT_PERSON, GATEWAY_CONTACT_FOUND, GATEWAY_ACCEPT_JOIN).isWaitingAt(TASK_ACCEPT_CASE);
        assertThat(runtimeService.getVariable(instance.getId(), VAR_TEAM_CODE)).isEqualTo("natur-kultur");
        Task acceptCase = task(instance, TASK_ACCEPT_CASE);
        // the natur-kultur people who know "natur-miljoe"
        assertThat(acceptCase.getAssignee()).isIn("contact", "anna");
        assertThat(acceptCase.getDueDate()).isEqualTo(deadlines.contactAcceptanceDue());
        assertThat(cases(receipt).stage()).isEqualTo(Stage.ACCEPTED);

        taskService.complete(acceptCase.getId(), Map.of(VAR_CASE_ACCEPTED, true));

        assertThat(instance).hasPassed(GATEWAY_ACCEPT_DECISION, TASK_CONFIRM_CONTACT_PERSON).isWaitingAt(TASK_FIRST_CONTACT);
        Task firstContact = task(instance, TASK_FIRST_CONTACT);
        assertThat(firstContact.getAssignee()).isEqualTo(acceptCase.getAssignee());
        assertThat(firstContact.getDueDate()).isEqualTo(deadlines.firstContactDue());
        assertThat(cases(receipt).stage()).isEqualTo(Stage.MATCHED);
        assertThat(cases(receipt).contactPerson()).isEqualTo(acceptCase.getAssignee());

        taskService.complete(firstContact.getId(), Map.of(VAR_AGREEMENT_WILL_DO, "Hjælp til ansøgning om Grøn pulje",
                VAR_AGREEMENT_WILL_NOT_DO, "Bygge legepladsen", VAR_AGREEMENT_WHO_DOES_WHAT, "Foreningen bygger",
                VAR_AGREEMENT_NEXT_STEPS, "Møde om ansøgningen i næste uge"));

        assertThat(instance).hasPassed(TASK_RECORD_AGREEMENT).isWaitingAt(TASK_PLAN_SUPPORT);
        assertThat(cases(receipt).stage()).isEqualTo(Stage.AGREED);
        assertThat(agreements(receipt).willNotDo()).isEqualTo("Bygge legepladsen");

        // no track needed: the support plan's default flow
        planSupport(instance, false, false, false, false);
        assertThat(instance).hasPassed(TASK_RECORD_SUPPORT_PLAN, GATEWAY_SUPPORT_SPLIT, GATEWAY_SUPPORT_JOIN,
                TASK_SUPPORT_COMPLETED, GATEWAY_FOLLOW_UP_JOIN).isWaitingAt(GATEWAY_AWAIT_FOLLOW_UP);
        assertThat(timerDue(instance, TIMER_FOLLOW_UP_DUE)).isEqualTo(deadlines.nextFollowUpAt());

        // two check-ins 30 working days apart: halfway, then done
        followUp(instance, 50, "Fonden har givet tilsagn", false);
        assertThat(instance).hasPassed(TASK_RECORD_PROGRESS, GATEWAY_DONE).isWaitingAt(GATEWAY_AWAIT_FOLLOW_UP);
        followUp(instance, 100, "Legepladsen er indviet", true);
        assertThat(instance).isWaitingAt(TASK_CLOSE_CASE);
        assertThat(cases(receipt).progressPercent()).isEqualTo(100);

        taskService.complete(task(instance, TASK_CLOSE_CASE).getId(), Map.of(VAR_OUTCOME, "REALISED",
                VAR_CLOSING_MESSAGE, "Tak for en flot legeplads!"));

        assertThat(instance).hasPassed(TASK_CLOSE_WITH_OUTCOME, END_CLOSED).isEnded();
        CaseView closed = cases(receipt);
        assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
        assertThat(closed.outcome()).isEqualTo(Outcome.REALISED);
        assertThat(types(closed)).containsExactly(CaseEventType.SUBMITTED, CaseEventType.ACCEPTED,
                CaseEventType.CONTACT_PROPOSED, CaseEventType.CONTACT_ASSIGNED, CaseEventType.AGREEMENT_RECORDED,
                CaseEventType.SUPPORT_PLANNED, CaseEventType.SUPPORT_COMPLETED,
                CaseEventType.PROGRESS_RECORDED, CaseEventType.PROGRESS_RECORDED, CaseEventType.CLOSED);
        assertThat(citizens.status(receipt.trackingToken()).timeline()).last()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("Tak for en flot legeplads!"));
    }

    @Test
    void allFourSupportTracksRunInParallelAndJoinBeforeTheFollowUp() {
        SubmissionReceipt receipt = submit("Vinterbadeklub ved havnen", "idraet-bevaegelse", "holbaek-by");
        ProcessInstance instance = instance(receipt);
        toAgreement(instance);
        Long partnerId = jdbc.queryForObject("SELECT MIN(id) FROM partner WHERE active", Long.class);

        Map<String, Object> plan = new HashMap<>();
        plan.put(VAR_NEEDS_FUNDING, true);
        plan.put(VAR_FUNDING_POOL, "lokalpuljen");
        plan.put(VAR_FUNDING_AMOUNT, 12000L);
        plan.put(VAR_FUNDING_PURPOSE, "Sauna og omklædning");
        plan.put(VAR_NEEDS_PERMITS, true);
        plan.put(VAR_PERMIT_TYPES, "brug-af-offentligt-areal,midlertidig-opstilling-af-telt");
        plan.put(VAR_NEEDS_PARTNERS, true);
        plan.put(VAR_PARTNER_IDS, String.valueOf(partnerId));
        plan.put(VAR_NEEDS_POLITICAL, true);
        plan.put(VAR_COMMITTEE, "Kultur- og fritidsudvalget");
        taskService.complete(task(instance, TASK_PLAN_SUPPORT).getId(), plan);

        assertThat(instance).hasPassed(GATEWAY_SUPPORT_SPLIT).isWaitingAt(TASK_DECIDE_FUNDING, TASK_DECIDE_PERMIT,
                TASK_FOLLOW_UP_PARTNERS, TASK_RECORD_POLITICAL_DECISION);
        assertThat(task(instance, TASK_DECIDE_FUNDING)).hasCandidateGroup("fund-officer");
        List<Task> permits = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_DECIDE_PERMIT).list();
        assertThat(permits).hasSize(2);
        assertThat(permits).extracting(permit -> taskService.getIdentityLinksForTask(permit.getId()).get(0).getGroupId())
                .containsExactlyInAnyOrder("vej-park", "byg-miljoe");
        // the permit deadline counts on the engine's (moved) clock too: ten working days after Wednesday 1 April
        // 2026 (Easter skipped) is Monday 20 April, due at 16:00 Copenhagen summer time
        assertThat(permits).extracting(Task::getDueDate).containsOnly(Date.from(Instant.parse("2026-04-20T14:00:00Z")));

        as("fund", List.of("fund-officer"), () -> taskService.complete(task(instance, TASK_DECIDE_FUNDING).getId(),
                Map.of(VAR_FUNDING_GRANTED, true, VAR_AMOUNT_GRANTED, 10000L)));
        for (Task permit : permits) {
            String department = taskService.getIdentityLinksForTask(permit.getId()).get(0).getGroupId();
            as("admin", List.of("admin"), () -> taskService.complete(permit.getId(), department.equals("vej-park")
                    ? Map.of(VAR_PERMIT_APPROVED, true)
                    : Map.of(VAR_PERMIT_APPROVED, false, VAR_PERMIT_REASON, "Kræver byggetilladelse først")));
        }
        taskService.complete(task(instance, TASK_FOLLOW_UP_PARTNERS).getId());
        assertThat(instance).isWaitingAt(TASK_RECORD_POLITICAL_DECISION);
        taskService.complete(task(instance, TASK_RECORD_POLITICAL_DECISION).getId(), Map.of(
                VAR_POLITICAL_DECISION, "Udvalget støtter initiativet",
                VAR_DECIDED_ON, NOW.atZone(java.time.ZoneId.of("Europe/Copenhagen")).toLocalDate().toString()));

        assertThat(instance).hasPassed(TASK_RECORD_FUNDING_DECISION, SUBPROCESS_PERMIT, TASK_RECORD_PERMIT_DECISION,
                TASK_SAVE_POLITICAL_DECISION, GATEWAY_SUPPORT_JOIN, TASK_SUPPORT_COMPLETED).isWaitingAt(GATEWAY_AWAIT_FOLLOW_UP);
        assertThat(types(cases(receipt))).contains(CaseEventType.SUPPORT_PLANNED, CaseEventType.FUNDING_PROPOSED,
                CaseEventType.FUNDING_GRANTED, CaseEventType.PERMIT_REQUIRED, CaseEventType.PERMIT_APPROVED,
                CaseEventType.PERMIT_REFUSED, CaseEventType.PARTNER_LINKED, CaseEventType.POLITICAL_FORWARDED,
                CaseEventType.POLITICAL_DECIDED, CaseEventType.SUPPORT_COMPLETED);
        assertThat(jdbc.queryForObject("SELECT budget_left FROM funding_pool WHERE code = 'lokalpuljen'", java.math.BigDecimal.class))
                .isLessThanOrEqualTo(new java.math.BigDecimal("240000.00"));
    }

    @Test
    void declinedThenTheTeamManagerChoosesAnotherContactPerson() {
        SubmissionReceipt receipt = submit("Seniorfitness", "aeldre", "holbaek-by");
        ProcessInstance instance = instance(receipt);
        screen(instance, "accept", null, null);
        assertThat(runtimeService.getVariable(instance.getId(), VAR_TEAM_CODE)).isEqualTo("social-sundhed");
        Task acceptCase = task(instance, TASK_ACCEPT_CASE);

        taskService.complete(acceptCase.getId(), Map.of(VAR_CASE_ACCEPTED, false, VAR_DECLINE_REASON, "Fuld kalender"));

        assertThat(instance).hasPassed(TASK_RECORD_DECLINE, GATEWAY_REASSIGN_JOIN).isWaitingAt(TASK_REASSIGN_CASE);
        Task reassign = task(instance, TASK_REASSIGN_CASE);
        assertThat(reassign.getAssignee()).isEqualTo("mads");

        taskService.complete(reassign.getId(), Map.of(VAR_NEW_CONTACT_PERSON, "emil"));

        assertThat(instance).hasPassed(TASK_ASSIGN_CONTACT_PERSON).isWaitingAt(TASK_ACCEPT_CASE);
        assertThat(task(instance, TASK_ACCEPT_CASE).getAssignee()).isEqualTo("emil");
        assertThat(types(cases(receipt))).contains(CaseEventType.CONTACT_DECLINED);
    }

    @Test
    void notAcceptedInTimeEscalatesToTheTeamManager() {
        SubmissionReceipt receipt = submit("Kulturnat", "kultur-fritid", "jyderup");
        ProcessInstance instance = instance(receipt);
        screen(instance, "accept", null, null);
        Date due = timerDue(instance, TIMER_ACCEPTANCE_OVERDUE);
        assertThat(due).isEqualTo(deadlines.contactAcceptanceDue());

        ClockUtil.setCurrentTime(due);
        managementService.executeJob(timer(instance, TIMER_ACCEPTANCE_OVERDUE).getId());

        assertThat(instance).hasPassed(TASK_ESCALATE_MATCH).isWaitingAt(TASK_REASSIGN_CASE);
        assertThat(task(instance, TASK_REASSIGN_CASE).getAssignee()).isEqualTo("manager");
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_ACCEPT_CASE).count()).isZero();
        assertThat(types(cases(receipt))).contains(CaseEventType.MATCH_ESCALATED);
    }

    @Test
    void nobodyFreeInTheTeamGoesStraightToTheTeamManager() {
        // fill Cecilie's, Dorte's and Emil's capacity for the length of this test (Dorte's absence in the demo
        // data is around the day the data was seeded, not around this test's moved clock)
        List<Map<String, Object>> saved = jdbc.queryForList(
                "SELECT id, capacity FROM staff_profile WHERE user_id IN ('cecilie', 'dorte', 'emil')");
        jdbc.update("UPDATE staff_profile SET capacity = 0 WHERE user_id IN ('cecilie', 'dorte', 'emil')");
        try {
            SubmissionReceipt receipt = submit("Lektiecafé", "boern-unge", "toelloese");
            ProcessInstance instance = instance(receipt);
            screen(instance, "accept", null, null);

            assertThat(instance).hasPassed(GATEWAY_CONTACT_FOUND).isWaitingAt(TASK_REASSIGN_CASE);
            assertThat(task(instance, TASK_REASSIGN_CASE).getAssignee()).isEqualTo("mads");
            assertThat(cases(receipt).contactPerson()).isNull();
        } finally {
            saved.forEach(row -> jdbc.update("UPDATE staff_profile SET capacity = ? WHERE id = ?",
                    row.get("capacity"), row.get("id")));
        }
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

        assertThat(instance).isWaitingAt(TASK_ACCEPT_CASE);
        assertThat(types(cases(receipt))).startsWith(CaseEventType.SUBMITTED,
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
        return submit(title, "natur-miljoe", "holbaek-by");
    }

    private SubmissionReceipt submit(String title, String topic, String district) {
        return submissions.submit(new SubmitInitiativeRequest(title, "Beskrivelse af " + title, topic, district,
                "Anna Andersen", "anna@example.org", true, Set.of(HelpKind.PARTNERS)), Locale.forLanguageTag("da"));
    }

    @Test
    void theContactPersonClosesEarlyWhileTheCaseWaitsForTheFollowUp() {
        SubmissionReceipt receipt = submit("Bogbytte i Jyderup", "kultur-fritid", "jyderup");
        ProcessInstance instance = instance(receipt);
        toAgreement(instance);
        planSupport(instance, false, false, false, false);
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_FOLLOW_UP);

        // a week later, done: no waiting for the 30 working days
        ClockUtil.setCurrentTime(Date.from(NOW.plus(java.time.Duration.ofDays(7))));
        runtimeService.createMessageCorrelation(MESSAGE_CLOSE_EARLY).processInstanceBusinessKey(receipt.caseNumber())
                .correlate();

        assertThat(instance).hasPassed(EVENT_CLOSE_EARLY, GATEWAY_CLOSURE).hasNotPassed(TIMER_FOLLOW_UP_DUE, TASK_FOLLOW_UP)
                .isWaitingAt(TASK_CLOSE_CASE);
        assertThat(timer(instance, TIMER_FOLLOW_UP_DUE)).isNull();
        assertThat(task(instance, TASK_CLOSE_CASE).getDueDate()).isEqualTo(deadlines.checkInDue());
        taskService.complete(task(instance, TASK_CLOSE_CASE).getId(), Map.of(VAR_OUTCOME, "REALISED",
                VAR_CLOSING_MESSAGE, "Bogbyttet er sat op. Tak!"));

        assertThat(instance).hasPassed(TASK_CLOSE_WITH_OUTCOME, END_CLOSED).isEnded();
        assertThat(cases(receipt).outcome()).isEqualTo(Outcome.REALISED);
    }

    /** Screening accepted, the proposed contact person accepts, the agreement is recorded. */
    private void toAgreement(ProcessInstance instance) {
        screen(instance, "accept", null, null);
        taskService.complete(task(instance, TASK_ACCEPT_CASE).getId(), Map.of(VAR_CASE_ACCEPTED, true));
        taskService.complete(task(instance, TASK_FIRST_CONTACT).getId(), Map.of(VAR_AGREEMENT_WILL_DO, "Hjælpe",
                VAR_AGREEMENT_WILL_NOT_DO, "Betale drift", VAR_AGREEMENT_WHO_DOES_WHAT, "Klubben bygger",
                VAR_AGREEMENT_NEXT_STEPS, "Ansøgning"));
    }

    private void planSupport(ProcessInstance instance, boolean funding, boolean permits, boolean partners,
            boolean political) {
        taskService.complete(task(instance, TASK_PLAN_SUPPORT).getId(), Map.of(VAR_NEEDS_FUNDING, funding,
                VAR_NEEDS_PERMITS, permits, VAR_NEEDS_PARTNERS, partners, VAR_NEEDS_POLITICAL, political));
    }

    /** Works as a staff member with their groups, as Tasklist's single sign-on does. */
    private void as(String user, List<String> groups, Runnable work) {
        processEngine.getIdentityService().setAuthentication(user, groups);
        try {
            work.run();
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    /** Moves Camunda's clock to the next check-in, fires the timer and completes the check-in. */
    private void followUp(ProcessInstance instance, int percent, String milestone, boolean done) {
        ClockUtil.setCurrentTime(timerDue(instance, TIMER_FOLLOW_UP_DUE));
        managementService.executeJob(timer(instance, TIMER_FOLLOW_UP_DUE).getId());
        Task checkIn = task(instance, TASK_FOLLOW_UP);
        assertThat(checkIn.getDueDate()).isEqualTo(deadlines.checkInDue());
        taskService.complete(checkIn.getId(), Map.of(VAR_PROGRESS_PERCENT, percent, VAR_MILESTONE, milestone, VAR_DONE, done));
    }

    private Task task(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
    }

    private AgreementView agreements(SubmissionReceipt receipt) {
        return transaction.execute(status -> agreements.of(receipt.caseNumber()).orElseThrow());
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
