package dk.initiativ.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A team of contact persons; a match that nobody accepts in time escalates to its manager. */
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

    @Column(nullable = false)
    private String managerUserId;

    @Column(nullable = false)
    private String managerGroup;

    protected Team() {
    }

    Team(String code, String name, String managerUserId, String managerGroup) {
        this.code = code;
        this.name = name;
        this.managerUserId = managerUserId;
        this.managerGroup = managerGroup == null ? DEFAULT_MANAGER_GROUP : managerGroup;
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

    String getManagerUserId() {
        return managerUserId;
    }

    String getManagerGroup() {
        return managerGroup;
    }

    TeamView toView() {
        return new TeamView(code, name, managerUserId, managerGroup);
    }
}
