package dk.initiativ.permits;

import java.time.Instant;
import java.time.LocalDate;

import dk.initiativ.initiative.Decision;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A permit a case needs, routed to the department (a Camunda group) that decides it by its due date. */
@Entity
class PermitRequirement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long initiativeId;

    @Column(nullable = false, updatable = false)
    private String kind;

    /** The permit type it was planned as (ADR 0040); null for a permit planned as free text. */
    @Column(updatable = false)
    private String permitTypeCode;

    @Column(nullable = false, updatable = false)
    private String departmentGroup;

    @Column(nullable = false, updatable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PermitStatus status;

    /** The department's decision, with its reason (always for a refusal); null while required. */
    @Embedded
    private Decision decision;

    @Column(nullable = false, updatable = false)
    private String requestedBy;

    @Column(nullable = false, updatable = false)
    private Instant requestedAt;

    @Version
    private long version;

    protected PermitRequirement() {
    }

    PermitRequirement(Long initiativeId, String kind, String departmentGroup, LocalDate dueDate, String requestedBy,
            Instant requestedAt) {
        this(initiativeId, kind, null, departmentGroup, dueDate, requestedBy, requestedAt);
    }

    PermitRequirement(Long initiativeId, String kind, String permitTypeCode, String departmentGroup, LocalDate dueDate,
            String requestedBy, Instant requestedAt) {
        this.initiativeId = initiativeId;
        this.kind = kind;
        this.permitTypeCode = permitTypeCode;
        this.departmentGroup = departmentGroup;
        this.dueDate = dueDate;
        this.status = PermitStatus.REQUIRED;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    boolean isRequired() {
        return status == PermitStatus.REQUIRED;
    }

    /** Records the department's decision; a refusal has a reason, an approval may have one. */
    void decide(boolean approved, String reason, String officer, Instant at) {
        if (!isRequired()) {
            throw new IllegalStateException("Permit requirement " + id + " is decided already: " + status);
        }
        if (!approved && reason == null) {
            throw new IllegalArgumentException("A refusal needs a reason");
        }
        this.status = approved ? PermitStatus.APPROVED : PermitStatus.REFUSED;
        this.decision = new Decision(officer, at, reason);
    }

    Long getId() {
        return id;
    }

    String getDepartmentGroup() {
        return departmentGroup;
    }

    LocalDate getDueDate() {
        return dueDate;
    }

    PermitStatus getStatus() {
        return status;
    }

    PermitView toView() {
        return new PermitView(id, kind, permitTypeCode, departmentGroup, dueDate, status, decision == null ? null : decision.text(),
                decision == null ? null : decision.decidedBy(), decision == null ? null : decision.decidedAt());
    }
}
