package dk.initiativ.initiative;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One entry of a case's timeline. Never changed once written. */
@Entity
class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long initiativeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CaseEventType type;

    @Column(nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private boolean visibleToCitizen;

    @Column(updatable = false)
    private String detail;

    @Column(updatable = false)
    private String relatedCaseNumber;

    protected CaseEvent() {
    }

    CaseEvent(Long initiativeId, CaseEventType type, Instant occurredAt, String actor, String detail,
            String relatedCaseNumber) {
        this.initiativeId = initiativeId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.visibleToCitizen = type.visibleToCitizen();
        this.detail = detail;
        this.relatedCaseNumber = relatedCaseNumber;
    }

    public Long getId() {
        return id;
    }

    public Long getInitiativeId() {
        return initiativeId;
    }

    public CaseEventType getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public boolean isVisibleToCitizen() {
        return visibleToCitizen;
    }

    public String getDetail() {
        return detail;
    }

    public String getRelatedCaseNumber() {
        return relatedCaseNumber;
    }
}
