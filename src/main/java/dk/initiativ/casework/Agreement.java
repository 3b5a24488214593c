package dk.initiativ.casework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The expectation agreement (forventningsafstemning) of a case's first contact. */
@Entity
class Agreement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long initiativeId;

    @Column(nullable = false)
    private String willDo;

    @Column(nullable = false)
    private String willNotDo;

    @Column(nullable = false)
    private String whoDoesWhat;

    @Column(nullable = false)
    private String nextSteps;

    @Column(nullable = false)
    private String recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    protected Agreement() {
    }

    Agreement(Long initiativeId, AgreementInput input, String recordedBy, Instant recordedAt) {
        this.initiativeId = initiativeId;
        this.willDo = input.willDo().strip();
        this.willNotDo = input.willNotDo().strip();
        this.whoDoesWhat = input.whoDoesWhat().strip();
        this.nextSteps = input.nextSteps().strip();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    AgreementView toView() {
        return new AgreementView(willDo, willNotDo, whoDoesWhat, nextSteps, recordedBy, recordedAt);
    }
}
