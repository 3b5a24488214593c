package dk.initiativ.matching;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/**
 * A contact person's profile: who they are (their Camunda/Keycloak user name), their team, the topics
 * they know (competences, by topic code), how many open cases they can carry, and when they are away (any number of
 * dated absence periods that do not overlap, ADR 0038).
 */
@Entity
class StaffProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String userId;

    @Column(nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String email;

    private String phone;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id", nullable = false)
    private Team team;

    @Column(nullable = false)
    private int capacity;

    @ElementCollection
    @CollectionTable(name = "staff_competence", joinColumns = @JoinColumn(name = "staff_profile_id"))
    @Column(name = "topic_code", nullable = false)
    private Set<String> competences = new TreeSet<>();

    @OneToMany(mappedBy = "profile", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("firstDay ASC, id ASC")
    private Set<StaffAbsence> absences = new LinkedHashSet<>();

    @Version
    private long version;

    protected StaffProfile() {
    }

    StaffProfile(String userId, String displayName, String email, String phone, Team team, int capacity,
            Set<String> competences) {
        if (capacity < 0) {
            throw new IllegalArgumentException("Capacity cannot be negative");
        }
        this.userId = userId;
        this.displayName = displayName;
        this.email = email;
        this.phone = phone;
        this.team = team;
        this.capacity = capacity;
        this.competences = new TreeSet<>(competences);
    }

    /** Whether the person is away on {@code day}; nobody is away without an absence period covering it. */
    boolean isAbsentOn(LocalDate day) {
        return absences().stream().anyMatch(absence -> absence.covers(day));
    }

    /** Every absence period, earliest first. */
    List<Absence> absences() {
        return absences.stream().map(StaffAbsence::toAbsence)
                .sorted(Comparator.comparing(Absence::from).thenComparing(Absence::id,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** The stored period that overlaps {@code absence}, if any. */
    Optional<Absence> overlapping(Absence absence) {
        return absences().stream().filter(absence::overlaps).findFirst();
    }

    /** Adds a period; the caller has checked that it overlaps none (the database does not). */
    void addAbsence(Absence absence) {
        absences.add(new StaffAbsence(this, absence));
    }

    /** Removes the period with this number; false when the person has none such. */
    boolean removeAbsence(long absenceId) {
        return absences.removeIf(absence -> absence.getId() != null && absence.getId() == absenceId);
    }

    /** An admin's change of the person's team, capacity and competences (topic codes). */
    void changeWork(Team team, int capacity, Set<String> competences) {
        if (capacity < 0) {
            throw new IllegalArgumentException("Capacity cannot be negative");
        }
        this.team = team;
        this.capacity = capacity;
        this.competences.clear();
        this.competences.addAll(competences);
    }

    boolean hasCompetence(String topicCode) {
        return competences.contains(topicCode);
    }

    Long getId() {
        return id;
    }

    String getUserId() {
        return userId;
    }

    String getDisplayName() {
        return displayName;
    }

    String getEmail() {
        return email;
    }

    String getPhone() {
        return phone;
    }

    Team getTeam() {
        return team;
    }

    int getCapacity() {
        return capacity;
    }

    Set<String> getCompetences() {
        return Set.copyOf(competences);
    }

    StaffMember toMember() {
        return new StaffMember(userId, displayName, email, phone, team.getCode(), team.getName(), capacity,
                new TreeSet<>(competences), absences());
    }
}
