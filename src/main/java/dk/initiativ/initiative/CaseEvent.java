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

    /** A follow-up's progress in percent (progress entries only). */
    @Column(updatable = false)
    private Integer progressPercent;

    /** A follow-up's latest milestone (progress entries only). */
    @Column(updatable = false)
    private String milestone;

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

    /** The same entry kept from the citizen's timeline (it concerns nothing they were told). */
    CaseEvent hiddenFromCitizen() {
        this.visibleToCitizen = false;
        return this;
    }

    /** A follow-up check-in: its percent and milestone are columns of their own. */
    static CaseEvent progress(Long initiativeId, Instant occurredAt, String actor, int percent, String milestone) {
        CaseEvent event = new CaseEvent(initiativeId, CaseEventType.PROGRESS_RECORDED, occurredAt, actor, null, null);
        event.progressPercent = percent;
        event.milestone = milestone;
        return event;
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

    /** The plain-text detail as the timeline shows it; a progress entry reads "60 %: the milestone". */
    public String getDetail() {
        return progressPercent == null ? detail : progressPercent + " %: " + milestone;
    }

    public Integer getProgressPercent() {
        return progressPercent;
    }

    public String getMilestone() {
        return milestone;
    }

    public String getRelatedCaseNumber() {
        return relatedCaseNumber;
    }
}
