package dk.initiativ.citizen;

import java.util.Set;

import dk.initiativ.casework.Agreements;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.Stage;
import dk.initiativ.intake.IntakeService;
import dk.initiativ.matching.StaffDirectory;
import dk.initiativ.process.InitiativeProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The citizen's side of a case, reached only through the private tracking token. */
@Service
@Transactional
public class CitizenCaseService {

    /**
     * Timeline entries whose detail the citizen may read: the question to them, the reason for a
     * redirect, the support plan's decisions, the milestones and the closing message.
     */
    private static final Set<CaseEventType> DETAIL_FOR_CITIZEN = Set.of(CaseEventType.INFORMATION_REQUESTED,
            CaseEventType.REDIRECTED, CaseEventType.MARKED_DUPLICATE, CaseEventType.SUPPORT_PLANNED,
            CaseEventType.FUNDING_PROPOSED, CaseEventType.FUNDING_GRANTED, CaseEventType.FUNDING_REJECTED,
            CaseEventType.PERMIT_REQUIRED, CaseEventType.PERMIT_APPROVED, CaseEventType.PERMIT_REFUSED,
            CaseEventType.PARTNER_LINKED, CaseEventType.POLITICAL_FORWARDED, CaseEventType.POLITICAL_DECIDED,
            CaseEventType.PROGRESS_RECORDED, CaseEventType.CLOSED);

    private final Cases cases;
    private final IntakeService intake;
    private final Agreements agreements;
    private final StaffDirectory staff;
    private final RuntimeService runtimeService;
    private final CaseMessages messages;

    CitizenCaseService(Cases cases, IntakeService intake, Agreements agreements, StaffDirectory staff,
            RuntimeService runtimeService, CaseMessages messages) {
        this.messages = messages;
        this.cases = cases;
        this.agreements = agreements;
        this.staff = staff;
        this.intake = intake;
        this.runtimeService = runtimeService;
    }

    @Transactional(readOnly = true)
    public CitizenCaseView status(String trackingToken) {
        CaseView view = cases.viewByTrackingToken(trackingToken);
        return new CitizenCaseView(view.caseNumber(), view.title(), view.stage(), view.outcome(), view.submittedAt(),
                view.closedAt(), view.progressPercent(), intake.openQuestion(view.caseNumber()).orElse(null),
                contactPerson(view),
                agreements.of(view.caseNumber()).orElse(null),
                view.timeline().stream().filter(CaseView.TimelineEntry::visibleToCitizen)
                        .map(entry -> new CitizenCaseView.Entry(entry.type(), entry.occurredAt(),
                                DETAIL_FOR_CITIZEN.contains(entry.type()) ? entry.detail() : null,
                                entry.relatedCaseNumber()))
                        .toList(),
                messages.thread(view.caseNumber()));
    }

    /** Shown once the contact person has taken the case, not while it is only proposed. */
    private CitizenCaseView.ContactPerson contactPerson(CaseView view) {
        if (view.contactPerson() == null || view.stage() == Stage.SUBMITTED || view.stage() == Stage.ACCEPTED
                || view.stage() == Stage.AWAITING_INFORMATION) {
            return null;
        }
        return staff.byUserId(view.contactPerson())
                .map(member -> new CitizenCaseView.ContactPerson(member.displayName(), member.email(), member.phone()))
                .orElse(null);
    }

    public void answer(String trackingToken, String answer) {
        intake.answer(trackingToken, answer);
    }

    /**
     * Withdraws the initiative: the process' withdrawal event ends every open task and timer; a case
     * whose process has already ended (accepted, waiting for the next stage) is closed directly.
     */
    public void withdraw(String trackingToken) {
        String caseNumber = cases.caseNumberOfTrackingToken(trackingToken);
        boolean running = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(InitiativeProcess.KEY).processInstanceBusinessKey(caseNumber).count() > 0;
        if (running) {
            runtimeService.createMessageCorrelation(InitiativeProcess.MESSAGE_WITHDRAWN)
                    .processInstanceBusinessKey(caseNumber).correlate();
        } else {
            cases.withdraw(caseNumber);
        }
    }

    void recordWithdrawal(String caseNumber) {
        cases.withdraw(caseNumber);
    }
}
