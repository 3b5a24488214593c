package dk.initiativ.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A question from intake to the citizen, and the citizen's answer. */
@Entity
class InformationRequest {

    enum Status { OPEN, ANSWERED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long initiativeId;

    @Column(nullable = false, updatable = false)
    private String question;

    @Column(nullable = false, updatable = false)
    private String askedBy;

    @Column(nullable = false, updatable = false)
    private Instant askedAt;

    private String answer;

    private Instant answeredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Version
    private long version;

    protected InformationRequest() {
    }

    InformationRequest(Long initiativeId, String question, String askedBy, Instant askedAt) {
        this.initiativeId = initiativeId;
        this.question = question;
        this.askedBy = askedBy;
        this.askedAt = askedAt;
        this.status = Status.OPEN;
    }

    void answer(String answer, Instant at) {
        this.answer = answer;
        this.answeredAt = at;
        this.status = Status.ANSWERED;
    }

    InformationRequestView toView() {
        return new InformationRequestView(question, askedAt, answer, answeredAt, status.name());
    }

    void expire() {
        this.status = Status.EXPIRED;
    }

    Long getId() {
        return id;
    }

    String getQuestion() {
        return question;
    }

    Instant getAskedAt() {
        return askedAt;
    }

    String getAnswer() {
        return answer;
    }

    Status getStatus() {
        return status;
    }
}
