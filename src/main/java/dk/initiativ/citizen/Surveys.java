package dk.initiativ.citizen;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dk.initiativ.initiative.Cases;
import dk.initiativ.web.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation survey after closure. One answer per case: the first counts and a second is refused
 * (not replaced), so that a back button, a double click or a forwarded link never changes or doubles
 * what the municipality counts, and the figures staff have already read stay true.
 */
@Service
@Transactional
public class Surveys {

    /** What became of an answer. */
    enum Result { SAVED, ALREADY_ANSWERED }

    private final CaseSurveyRepository surveys;
    private final Cases cases;
    private final Clock clock;

    Surveys(CaseSurveyRepository surveys, Cases cases, Clock clock) {
        this.surveys = surveys;
        this.cases = cases;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<SurveyView> of(String caseNumber) {
        return surveys.findByInitiativeId(cases.idOf(caseNumber)).map(CaseSurvey::toView);
    }

    /**
     * Stores the answer of the case reached by the tracking token, if the case is closed and not yet
     * evaluated; under the case's row lock, so two posts at once store one answer.
     *
     * @throws ConflictException the case is still open
     */
    Result answer(String trackingToken, int rating, String comment) {
        String caseNumber = cases.caseNumberOfTrackingToken(trackingToken);
        cases.lock(caseNumber);
        if (cases.view(caseNumber).closedAt() == null) {
            throw new ConflictException("portal.survey.notClosed", "Case " + caseNumber + " is still open");
        }
        Long id = cases.idOf(caseNumber);
        if (surveys.findByInitiativeId(id).isPresent()) {
            return Result.ALREADY_ANSWERED;
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        surveys.save(new CaseSurvey(id, rating, text, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        cases.surveyAnswered(caseNumber);
        return Result.SAVED;
    }
}
