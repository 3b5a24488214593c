package dk.initiativ.matching;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

/**
 * A team of contact persons with one or more managers (ADR 0037): every manager leads the team (sees its cases,
 * chooses its contact persons, has it on the dashboard); a match that nobody accepts in time escalates to the first.
 */
@Entity
class Team {

    static final String DEFAULT_MANAGER_GROUP = "manager";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_manager", joinColumns = @JoinColumn(name = "team_id"))
    @OrderColumn(name = "position")
    @Column(name = "user_id", nullable = false)
    private List<String> managers = new ArrayList<>();

    @Column(nullable = false)
    private String managerGroup;

    @Version
    private long version;

    protected Team() {
    }

    Team(String code, String name, List<String> managers, String managerGroup) {
        if (managers == null || managers.isEmpty()) {
            throw new IllegalArgumentException("A team needs a manager");
        }
        this.code = code;
        this.name = name;
        this.managers = new ArrayList<>(managers);
        this.managerGroup = managerGroup == null ? DEFAULT_MANAGER_GROUP : managerGroup;
    }

    /** An admin's change of the name and the managers (the first is the one late matches escalate to). */
    void describe(String name, List<String> managers) {
        if (managers == null || managers.isEmpty()) {
            throw new IllegalArgumentException("A team needs a manager");
        }
        this.name = name;
        if (!this.managers.equals(managers)) {
            this.managers.clear();
            this.managers.addAll(managers);
        }
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    List<String> getManagers() {
        return List.copyOf(managers);
    }

    String getManagerGroup() {
        return managerGroup;
    }

    long getVersion() {
        return version;
    }

    TeamView toView() {
        return new TeamView(code, name, List.copyOf(managers), managerGroup, version);
    }
}
