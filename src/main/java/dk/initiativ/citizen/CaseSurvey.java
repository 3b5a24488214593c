package dk.initiativ.citizen;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The citizen's evaluation of a closed case: one per case, never changed once given. */
@Entity
class CaseSurvey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long initiativeId;

    @Column(nullable = false, updatable = false)
    private int rating;

    @Column(updatable = false)
    private String comment;

    @Column(nullable = false, updatable = false)
    private Instant answeredAt;

    protected CaseSurvey() {
    }

    CaseSurvey(Long initiativeId, int rating, String comment, Instant answeredAt) {
        this.initiativeId = initiativeId;
        this.rating = rating;
        this.comment = comment;
        this.answeredAt = answeredAt;
    }

    SurveyView toView() {
        return new SurveyView(rating, comment, answeredAt);
    }
}
