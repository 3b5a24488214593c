package dk.initiativ.matching;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One stored absence period of a staff profile (table {@code staff_absence}, V39). */
@Entity
class StaffAbsence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "staff_profile_id", nullable = false, updatable = false)
    private StaffProfile profile;

    @Column(nullable = false)
    private LocalDate firstDay;

    private LocalDate lastDay;

    private String note;

    protected StaffAbsence() {
    }

    StaffAbsence(StaffProfile profile, Absence absence) {
        this.profile = profile;
        this.firstDay = absence.from();
        this.lastDay = absence.until();
        this.note = absence.note();
    }

    Long getId() {
        return id;
    }

    Absence toAbsence() {
        return new Absence(id, firstDay, lastDay, note);
    }
}
