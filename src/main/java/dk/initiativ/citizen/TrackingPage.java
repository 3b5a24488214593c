package dk.initiativ.citizen;

import java.util.List;

import dk.initiativ.attachment.AttachmentView;
import dk.initiativ.funding.FundingApplicationView;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.network.PartnerLinkView;
import dk.initiativ.permits.PermitView;
import dk.initiativ.politics.PoliticalDecisionView;

/**
 * Everything the tracking page shows, read in one transaction: the citizen's view of the case and the
 * support plan's tracks as they concern the citizen.
 *
 * @param closingMessage  the contact person's closing message or the reason for a redirect, or {@code null}
 * @param latestMilestone the latest milestone of a follow-up check-in, or {@code null}
 * @param political       the latest forwarding to a committee, or {@code null}
 * @param survey          the citizen's evaluation, or {@code null}
 * @param attachments     the files the citizen sent with the form
 */
record TrackingPage(CitizenCaseView citizenCase, String closingMessage, String latestMilestone,
        List<FundingApplicationView> funding, List<PermitView> permits, List<PartnerLinkView> partners,
        PoliticalDecisionView political, SurveyView survey, List<AttachmentView> attachments) {

    public boolean open() {
        return citizenCase.closedAt() == null;
    }

    /**
     * The evaluation survey asks how the collaboration went: offered only after the contact person closed the
     * case, never after a withdrawal, a redirect, a duplicate or an unanswered question.
     */
    public boolean surveyOffered() {
        return !open() && citizenCase.timeline().stream()
                .anyMatch(entry -> entry.type() == CaseEventType.CLOSED);
    }
}
