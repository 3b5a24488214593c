package dk.initiativ.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of Initiativ. In both identity modes a role is a group (Camunda group id = Keycloak
 * top-level group path); Spring Security sees it as the authority {@code ROLE_<group id>}.
 */
public enum Role {
    CITIZEN("citizen"),
    INTAKE("intake"),
    CONTACT_STAFF("contact-staff"),
    FUND_OFFICER("fund-officer"),
    MANAGER("manager"),
    ADMIN("admin");

    /** Roles of municipal staff: they may use Tasklist and the staff API. */
    public static final String[] STAFF = {"intake", "contact-staff", "fund-officer", "manager", "admin"};

    private final String groupId;

    Role(String groupId) {
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }

    public String authority() {
        return "ROLE_" + groupId;
    }

    public static Optional<Role> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
    }
}
