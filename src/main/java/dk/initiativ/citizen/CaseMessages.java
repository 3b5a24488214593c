package dk.initiativ.citizen;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import dk.initiativ.casework.CaseAccess;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.identity.Role;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.matching.StaffDirectory;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import jakarta.validation.Validator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message thread of a case: the citizen writes from the tracking page; the contact person (or an
 * admin) answers; staff who may read the case read the thread. A closed case takes no new messages.
 */
@Service
@Transactional
public class CaseMessages {

    private final CaseMessageRepository messages;
    private final Cases cases;
    private final CaseAccess access;
    private final StaffDirectory staff;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final Validator validator;

    CaseMessages(CaseMessageRepository messages, Cases cases, CaseAccess access, StaffDirectory staff, Clock clock,
            ApplicationEventPublisher publisher, Validator validator) {
        this.validator = validator;
        this.publisher = publisher;
        this.messages = messages;
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.clock = clock;
    }

    public void fromCitizen(String trackingToken, String body) {
        String caseNumber = cases.caseNumberOfTrackingToken(trackingToken);
        long initiativeId = cases.lockOpen(caseNumber);
        messages.save(new CaseMessage(initiativeId, true, Cases.CITIZEN, body.strip(), clock.instant()));
        publisher.publishEvent(new CitizenMessagePosted(caseNumber));
    }

    /**
     * A staff reply from the case page, under the API's rules ({@link MessageInput}).
     *
     * @throws FieldProblemException field {@code body}: empty or too long; nothing stored
     * @throws ForbiddenException    the user is not the contact person (nor an admin)
     */
    public void reply(String caseNumber, String body, StaffUser user) {
        validator.validate(new MessageInput(body)).stream()
                .min(Comparator.comparing(violation -> violation.getMessageTemplate()))
                .ifPresent(violation -> {
                    throw new FieldProblemException("body", violation.getMessageTemplate().replaceAll("[{}]", ""));
                });
        fromStaff(caseNumber, body, user);
    }

    /** Whether the user may answer the citizen: the contact person or an admin, while the case is open. */
    @Transactional(readOnly = true)
    public boolean mayReply(String caseNumber, StaffUser user) {
        CaseView view = cases.view(caseNumber);
        return view.closedAt() == null
                && (user.userId().equals(view.contactPerson()) || user.isIn(Role.ADMIN.groupId()));
    }

    void fromStaff(String caseNumber, String body, StaffUser user) {
        cases.lock(caseNumber);
        CaseView view = cases.view(caseNumber);
        if (!user.userId().equals(view.contactPerson()) && !user.isIn(Role.ADMIN.groupId())) {
            throw new ForbiddenException(user.userId() + " is not the contact person of " + caseNumber);
        }
        cases.requireOpen(caseNumber);
        messages.save(new CaseMessage(view.id(), false, user.userId(), body.strip(), clock.instant()));
        publisher.publishEvent(new StaffMessagePosted(caseNumber, user.userId()));
    }

    @Transactional(readOnly = true)
    List<MessageView> forStaff(String caseNumber, StaffUser user) {
        if (!access.mayRead(user, cases.view(caseNumber))) {
            throw new ForbiddenException(user.userId() + " may not read the messages of " + caseNumber);
        }
        return thread(caseNumber);
    }

    @Transactional(readOnly = true)
    public List<MessageView> thread(String caseNumber) {
        return messages.findByInitiativeIdOrderBySentAtAscIdAsc(cases.idOf(caseNumber)).stream()
                .map(message -> message.toView(message.isFromCitizen() ? null
                        : staff.byUserId(message.getAuthor()).map(member -> member.displayName())
                                .orElse(message.getAuthor())))
                .toList();
    }
}
