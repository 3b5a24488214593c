package dk.initiativ.matching;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
import jakarta.persistence.Version;

/**
 * A contact person's profile: who they are (their Camunda/Keycloak user name), their team, the topics
 * they know (competences, by topic code), how many open cases they can carry, and when they are away.
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

    private LocalDate absentFrom;

    private LocalDate absentUntil;

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

    /** Whether the person is away on {@code day}; nobody is away without a planned absence. */
    boolean isAbsentOn(LocalDate day) {
        return absence().map(absence -> absence.covers(day)).orElse(false);
    }

    Optional<Absence> absence() {
        return absentFrom == null ? Optional.empty() : Optional.of(new Absence(absentFrom, absentUntil));
    }

    void planAbsence(Absence absence) {
        this.absentFrom = absence.from();
        this.absentUntil = absence.until();
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

    void clearAbsence() {
        this.absentFrom = null;
        this.absentUntil = null;
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
                new TreeSet<>(competences), absence().orElse(null));
    }
}
