package dk.initiativ.process;

/**
 * The names the Java side uses for the elements, messages and variables of
 * {@code bpmn/initiative.bpmn}: each is written here once.
 */
public final class InitiativeProcess {

    public static final String KEY = "initiative";

    // intake
    public static final String START_SUBMITTED = "StartEvent_InitiativeSubmitted";
    public static final String GATEWAY_RESCREEN_JOIN = "Gateway_RescreenJoin";
    public static final String TASK_SCREEN_INITIATIVE = "Task_ScreenInitiative";
    public static final String GATEWAY_SCREENING_DECISION = "Gateway_ScreeningDecision";
    public static final String TASK_ACCEPT_INITIATIVE = "ServiceTask_AcceptInitiative";
    public static final String TASK_REQUEST_INFORMATION = "ServiceTask_RequestInformation";
    public static final String TASK_AWAIT_INFORMATION = "ReceiveTask_AwaitInformation";
    public static final String TIMER_INFORMATION_REMINDER = "BoundaryEvent_InformationReminder";
    public static final String TASK_SEND_INFORMATION_REMINDER = "ServiceTask_SendInformationReminder";
    public static final String END_REMINDER_SENT = "EndEvent_ReminderSent";
    public static final String TIMER_INFORMATION_TIMEOUT = "BoundaryEvent_InformationTimeout";
    public static final String TASK_CLOSE_AS_INACTIVE = "ServiceTask_CloseAsInactive";
    public static final String END_INACTIVE = "EndEvent_Inactive";
    public static final String TASK_REDIRECT = "ServiceTask_RedirectInitiative";
    public static final String END_REDIRECTED = "EndEvent_Redirected";
    public static final String TASK_MARK_DUPLICATE = "ServiceTask_MarkDuplicate";
    public static final String END_DUPLICATE = "EndEvent_Duplicate";

    // matching
    public static final String TASK_CHOOSE_TEAM = "BusinessRuleTask_ChooseTeam";
    public static final String TASK_PROPOSE_CONTACT_PERSON = "ServiceTask_ProposeContactPerson";
    public static final String GATEWAY_CONTACT_FOUND = "Gateway_ContactFound";
    public static final String GATEWAY_ACCEPT_JOIN = "Gateway_AcceptJoin";
    public static final String TASK_ACCEPT_CASE = "Task_AcceptCase";
    public static final String TIMER_ACCEPTANCE_OVERDUE = "BoundaryEvent_AcceptanceOverdue";
    public static final String GATEWAY_ACCEPT_DECISION = "Gateway_AcceptDecision";
    public static final String TASK_CONFIRM_CONTACT_PERSON = "ServiceTask_ConfirmContactPerson";
    public static final String TASK_RECORD_DECLINE = "ServiceTask_RecordDecline";
    public static final String TASK_ESCALATE_MATCH = "ServiceTask_EscalateMatch";
    public static final String GATEWAY_REASSIGN_JOIN = "Gateway_ReassignJoin";
    public static final String TASK_REASSIGN_CASE = "Task_ReassignCase";
    public static final String TASK_ASSIGN_CONTACT_PERSON = "ServiceTask_AssignContactPerson";

    // first contact
    public static final String TASK_FIRST_CONTACT = "Task_FirstContact";
    public static final String TASK_RECORD_AGREEMENT = "ServiceTask_RecordAgreement";

    // support plan
    public static final String TASK_PLAN_SUPPORT = "Task_PlanSupport";
    public static final String TASK_RECORD_SUPPORT_PLAN = "ServiceTask_RecordSupportPlan";
    public static final String GATEWAY_SUPPORT_SPLIT = "Gateway_SupportSplit";
    public static final String TASK_DECIDE_FUNDING = "Task_DecideFunding";
    public static final String TASK_RECORD_FUNDING_DECISION = "ServiceTask_RecordFundingDecision";
    public static final String SUBPROCESS_PERMIT = "SubProcess_Permit";
    public static final String TASK_DECIDE_PERMIT = "Task_DecidePermit";
    public static final String TASK_RECORD_PERMIT_DECISION = "ServiceTask_RecordPermitDecision";
    public static final String TASK_FOLLOW_UP_PARTNERS = "Task_FollowUpPartners";
    public static final String TASK_RECORD_POLITICAL_DECISION = "Task_RecordPoliticalDecision";
    public static final String TASK_SAVE_POLITICAL_DECISION = "ServiceTask_RecordPoliticalDecision";
    public static final String GATEWAY_SUPPORT_JOIN = "Gateway_SupportJoin";
    public static final String TASK_SUPPORT_COMPLETED = "ServiceTask_SupportCompleted";

    // follow-up and closure
    public static final String GATEWAY_FOLLOW_UP_JOIN = "Gateway_FollowUpJoin";
    public static final String GATEWAY_AWAIT_FOLLOW_UP = "Gateway_AwaitFollowUp";
    public static final String TIMER_FOLLOW_UP_DUE = "TimerEvent_FollowUpDue";
    /** The contact person closes the case while it waits for the next follow-up. */
    public static final String EVENT_CLOSE_EARLY = "MessageEvent_CloseEarly";
    public static final String GATEWAY_CLOSURE = "Gateway_Closure";
    public static final String TASK_FOLLOW_UP = "Task_FollowUp";
    public static final String TASK_RECORD_PROGRESS = "ServiceTask_RecordProgress";
    public static final String GATEWAY_DONE = "Gateway_Done";
    public static final String TASK_CLOSE_CASE = "Task_CloseCase";
    public static final String TASK_CLOSE_WITH_OUTCOME = "ServiceTask_CloseCase";
    public static final String END_CLOSED = "EndEvent_Closed";

    // withdrawal at any time
    public static final String START_WITHDRAWN = "StartEvent_Withdrawn";
    public static final String TASK_RECORD_WITHDRAWAL = "ServiceTask_RecordWithdrawal";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

    /** Message names (what the Java side correlates). */
    public static final String MESSAGE_INFORMATION_PROVIDED = "InformationProvided";
    public static final String MESSAGE_WITHDRAWN = "InitiativeWithdrawn";
    public static final String MESSAGE_CLOSE_EARLY = "CloseEarly";

    /** Process variables: ids and small decisions only, the case itself lives in our tables. */
    public static final String VAR_INITIATIVE_ID = "initiativeId";
    public static final String VAR_CASE_NUMBER = "caseNumber";
    public static final String VAR_SCREENING_DECISION = "screeningDecision";
    public static final String VAR_SCREENING_NOTE = "screeningNote";
    public static final String VAR_DUPLICATE_OF = "duplicateOfCaseNumber";
    /** Matching inputs (codes): the topic, the district and the help wanted as comma-separated kinds. */
    public static final String VAR_TOPIC = "topic";
    public static final String VAR_DISTRICT = "district";
    public static final String VAR_HELP_WANTED = "helpWanted";
    public static final String VAR_TEAM_CODE = "teamCode";
    public static final String VAR_CONTACT_PERSON = "contactPerson";
    public static final String VAR_TEAM_MANAGER = "teamManager";
    public static final String VAR_CASE_ACCEPTED = "caseAccepted";
    public static final String VAR_DECLINE_REASON = "declineReason";
    public static final String VAR_NEW_CONTACT_PERSON = "newContactPerson";
    public static final String VAR_AGREEMENT_WILL_DO = "willDo";
    public static final String VAR_AGREEMENT_WILL_NOT_DO = "willNotDo";
    public static final String VAR_AGREEMENT_WHO_DOES_WHAT = "whoDoesWhat";
    public static final String VAR_AGREEMENT_NEXT_STEPS = "nextSteps";
    public static final String VAR_NEEDS_FUNDING = "needsFunding";
    public static final String VAR_FUNDING_POOL = "fundingPool";
    public static final String VAR_FUNDING_AMOUNT = "fundingAmount";
    public static final String VAR_FUNDING_PURPOSE = "fundingPurpose";
    public static final String VAR_FUNDING_APPLICATION_ID = "fundingApplicationId";
    public static final String VAR_FUNDING_OFFICER_GROUP = "fundingOfficerGroup";
    public static final String VAR_FUNDING_GRANTED = "fundingGranted";
    public static final String VAR_AMOUNT_GRANTED = "amountGranted";
    public static final String VAR_FUNDING_REASON = "fundingReason";
    public static final String VAR_NEEDS_PERMITS = "needsPermits";
    /** Free-text permits as older forms sent them: refused when given, a permit is planned from a type (ADR 0045). */
    public static final String VAR_PERMIT_LINES = "permitLines";
    /** The permit types chosen in the support plan (ADR 0040): codes, comma-separated or a list. */
    public static final String VAR_PERMIT_TYPES = "permitTypes";
    public static final String VAR_PERMIT_ID = "permitId";
    public static final String VAR_PERMIT_APPROVED = "permitApproved";
    public static final String VAR_PERMIT_REASON = "permitReason";
    public static final String VAR_NEEDS_PARTNERS = "needsPartners";
    /** Partner ids, comma-separated (the API) or a JSON list of ids as text (Tasklist's checklist). */
    public static final String VAR_PARTNER_IDS = "partnerIds";
    public static final String VAR_NEEDS_POLITICAL = "needsPolitical";
    public static final String VAR_COMMITTEE = "committee";
    public static final String VAR_POLITICAL_DECISION = "politicalDecision";
    public static final String VAR_DECIDED_ON = "decidedOn";
    public static final String VAR_PROGRESS_PERCENT = "progressPercent";
    public static final String VAR_MILESTONE = "milestone";
    public static final String VAR_DONE = "initiativeDone";
    public static final String VAR_OUTCOME = "outcome";
    public static final String VAR_CLOSING_MESSAGE = "closingMessage";

    private InitiativeProcess() {
    }
}
