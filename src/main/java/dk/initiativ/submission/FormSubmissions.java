package dk.initiativ.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.initiativ.attachment.Attachments;
import dk.initiativ.attachment.CheckedFile;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.Registration;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.initiative.Submitter;
import dk.initiativ.process.Deadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A submission from the public form: the case (through {@link SubmissionService}) and its attachments in
 * one transaction, so that nothing is half stored. The form's one-time key makes a repeated post (double
 * click, refresh) return the first case's receipt; when two posts with the same key race, the database's
 * unique key lets one win and the other reads the winner's receipt in a new transaction.
 */
@Service
class FormSubmissions {

    private static final Logger log = LoggerFactory.getLogger(FormSubmissions.class);

    private final SubmissionService submissions;
    private final Attachments attachments;
    private final Cases cases;
    private final Deadlines deadlines;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;

    FormSubmissions(SubmissionService submissions, Attachments attachments, Cases cases,
            Deadlines deadlines, PlatformTransactionManager transactions) {
        this.submissions = submissions;
        this.attachments = attachments;
        this.cases = cases;
        this.deadlines = deadlines;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The receipt of the case this form key already created, if any. */
    Optional<FormReceipt> earlier(String submissionKey) {
        if (submissionKey == null) {
            return Optional.empty();
        }
        return readOnly.execute(status -> cases.caseNumberOfSubmissionKey(submissionKey).map(this::receiptOf));
    }

    /**
     * Registers the initiative with its checked attachments; when another post of the same form got there
     * first, returns that case's receipt.
     */
    FormReceipt submit(SubmitInitiativeRequest request, Locale locale, Submitter submitter, List<CheckedFile> files) {
        return submit(request, locale, submitter, Registration.WEB, files);
    }

    /** As {@link #submit(SubmitInitiativeRequest, Locale, Submitter, List)}, for a case registered by staff too. */
    FormReceipt submit(SubmitInitiativeRequest request, Locale locale, Submitter submitter, Registration registration,
            List<CheckedFile> files) {
        try {
            // the controller has looked for an earlier case of this key; a post racing this one meets the unique key
            return transaction.execute(status -> {
                SubmissionReceipt receipt = submissions.submit(request, locale, submitter, registration);
                attachments.store(receipt.caseNumber(), files);
                return receiptOf(receipt, request, files.size());
            });
        } catch (DataIntegrityViolationException raced) {
            // the same form posted twice at once: the other post holds the key; show its case
            Optional<FormReceipt> winner = earlier(submitter.submissionKey());
            if (winner.isEmpty()) {
                throw raced;
            }
            log.info("A second post of the same form arrived concurrently; answered with case {}",
                    winner.get().caseNumber());
            return winner.get();
        }
    }

    private FormReceipt receiptOf(String caseNumber) {
        CaseView view = cases.view(caseNumber);
        String token = cases.trackingTokenOf(caseNumber).orElseThrow();
        return new FormReceipt(caseNumber, view.title(), token, view.submittedAt(), screeningBy(view.submittedAt()),
                view.contactEmail(), attachments.listFor(caseNumber).size());
    }

    private FormReceipt receiptOf(SubmissionReceipt receipt, SubmitInitiativeRequest request, int attachmentCount) {
        return new FormReceipt(receipt.caseNumber(), request.title(), receipt.trackingToken(), receipt.submittedAt(),
                screeningBy(receipt.submittedAt()), request.contactEmail(), attachmentCount);
    }

    private LocalDate screeningBy(Instant submittedAt) {
        return deadlines.intakeScreeningDue(submittedAt).toLocalDate();
    }
}
