package dk.initiativ.intake;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dk.initiativ.initiative.Cases;
import dk.initiativ.process.InitiativeProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake's work on a new initiative: the checks of a screening decision, information requests to the
 * citizen and their answers. The BPMN delegates and the APIs call this; the process decides the flow.
 */
@Service
@Transactional
public class IntakeService {

    private final Cases cases;
    private final InformationRequestRepository requests;
    private final RuntimeService runtimeService;
    private final Clock clock;

    IntakeService(Cases cases, InformationRequestRepository requests, RuntimeService runtimeService, Clock clock) {
        this.cases = cases;
        this.requests = requests;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** Checks what the form cannot: a note where the decision needs one, a known original case. */
    @Transactional(readOnly = true)
    void check(String caseNumber, ScreeningInput input) {
        ScreeningDecision decision = ScreeningDecision.of(input.decision())
                .orElseThrow(() -> new InvalidScreeningException("decision", "screening.decision.invalid"));
        boolean noteMissing = input.note() == null || input.note().isBlank();
        switch (decision) {
            case REQUEST_INFORMATION -> {
                if (noteMissing) {
                    throw new InvalidScreeningException("note", "screening.note.questionRequired");
                }
            }
            case REDIRECT -> {
                if (noteMissing) {
                    throw new InvalidScreeningException("note", "screening.note.reasonRequired");
                }
            }
            case DUPLICATE -> {
                String original = input.duplicateOfCaseNumber();
                if (original == null || original.isBlank() || !cases.exists(original.strip())) {
                    throw new InvalidScreeningException("duplicateOfCaseNumber", "screening.duplicateOf.unknown");
                }
                if (original.strip().equals(caseNumber)) {
                    throw new InvalidScreeningException("duplicateOfCaseNumber", "screening.duplicateOf.self");
                }
            }
            case ACCEPT -> {
                // nothing more to check
            }
        }
    }

    void accept(String caseNumber, String actor) {
        cases.accept(caseNumber, actor);
    }

    void requestInformation(String caseNumber, String question, String actor) {
        check(caseNumber, new ScreeningInput(ScreeningDecision.REQUEST_INFORMATION.value(), question, null));
        requests.save(new InformationRequest(cases.idOf(caseNumber), question.strip(), actor, clock.instant()));
        cases.awaitInformation(caseNumber, actor, question.strip());
    }

    void redirect(String caseNumber, String reason, String actor) {
        check(caseNumber, new ScreeningInput(ScreeningDecision.REDIRECT.value(), reason, null));
        cases.redirect(caseNumber, actor, reason.strip());
    }

    void markDuplicate(String caseNumber, String originalCaseNumber, String actor) {
        check(caseNumber, new ScreeningInput(ScreeningDecision.DUPLICATE.value(), null, originalCaseNumber));
        cases.markDuplicate(caseNumber, originalCaseNumber.strip(), actor);
    }

    void reminderDue(String caseNumber) {
        cases.informationReminderDue(caseNumber);
    }

    void closeAsInactive(String caseNumber) {
        openRequest(caseNumber).ifPresent(InformationRequest::expire);
        cases.closeAsInactive(caseNumber);
    }

    /** The open question to the citizen of a case, if any. */
    @Transactional(readOnly = true)
    public Optional<String> openQuestion(String caseNumber) {
        return openRequest(caseNumber).map(InformationRequest::getQuestion);
    }

    /** Every question intake asked the citizen of a case, with the answers, oldest first (the citizen's data export). */
    @Transactional(readOnly = true)
    public List<InformationRequestView> requestsOf(String caseNumber) {
        return requests.findByInitiativeIdOrderByAskedAtAscIdAsc(cases.idOf(caseNumber)).stream()
                .map(InformationRequest::toView).toList();
    }

    /**
     * The citizen's answer from the tracking page: stored, put on the timeline, and handed to the
     * process, which sends the case back to screening. All in one transaction.
     */
    public void answer(String trackingToken, String answer) {
        String caseNumber = cases.caseNumberOfTrackingToken(trackingToken);
        InformationRequest request = openRequest(caseNumber).orElseThrow(() -> new NoOpenQuestionException(caseNumber));
        request.answer(answer.strip(), clock.instant());
        cases.informationProvided(caseNumber, answer.strip());
        runtimeService.createMessageCorrelation(InitiativeProcess.MESSAGE_INFORMATION_PROVIDED)
                .processInstanceBusinessKey(caseNumber)
                .correlate();
    }

    private Optional<InformationRequest> openRequest(String caseNumber) {
        return requests.findFirstByInitiativeIdAndStatusOrderByAskedAtDesc(cases.idOf(caseNumber),
                InformationRequest.Status.OPEN);
    }
}
