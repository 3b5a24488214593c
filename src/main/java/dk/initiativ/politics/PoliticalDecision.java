package dk.initiativ.politics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import dk.initiativ.initiative.Decision;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One forwarding of a case to a political committee, and the committee's decision once recorded. */
@Entity
class PoliticalDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long initiativeId;

    @Column(nullable = false, updatable = false)
    private String committee;

    @Column(nullable = false, updatable = false)
    private String forwardedBy;

    @Column(nullable = false, updatable = false)
    private Instant forwardedAt;

    /** The committee's decision in words, who recorded it and when; null until recorded. */
    @Embedded
    @AttributeOverride(name = "decidedBy", column = @Column(name = "recorded_by"))
    @AttributeOverride(name = "decidedAt", column = @Column(name = "recorded_at"))
    @AttributeOverride(name = "text", column = @Column(name = "decision"))
    private Decision decision;

    private LocalDate decidedOn;

    @Version
    private long version;

    protected PoliticalDecision() {
    }

    PoliticalDecision(Long initiativeId, String committee, String forwardedBy, Instant forwardedAt) {
        this.initiativeId = initiativeId;
        this.committee = committee;
        this.forwardedBy = forwardedBy;
        this.forwardedAt = forwardedAt;
    }

    boolean isDecided() {
        return decision != null;
    }

    void record(String decision, LocalDate decidedOn, String recordedBy, Instant recordedAt) {
        if (isDecided()) {
            throw new IllegalStateException("Political decision " + id + " is recorded already");
        }
        this.decision = new Decision(recordedBy, recordedAt, Objects.requireNonNull(decision, "decision"));
        this.decidedOn = decidedOn;
    }

    Long getId() {
        return id;
    }

    Instant getForwardedAt() {
        return forwardedAt;
    }

    PoliticalDecisionView toView() {
        return new PoliticalDecisionView(committee, forwardedAt, decision == null ? null : decision.text(), decidedOn);
    }
}
